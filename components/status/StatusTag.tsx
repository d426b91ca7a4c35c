import type { ImplementationStatus } from '@/lib/vocabulary';

/** Short CSS class per status: the matrix repeats it thousands of times. */
export const STATUS_CLASS: Record<ImplementationStatus, string> = {
  FULLY_IMPLEMENTED: 'st-full',
  PARTIALLY_IMPLEMENTED: 'st-part',
  IN_PROGRESS: 'st-prog',
  NOT_STARTED: 'st-none',
  NOT_APPLICABLE: 'st-na',
  NO_INFORMATION: 'st-ni',
};

/** An implementation status as a label: the colour repeats what the text says, never replaces it. */
export function StatusTag({ status, label }: { status: ImplementationStatus; label: string }) {
  return <span className={`status-tag ${STATUS_CLASS[status]}`}>{label}</span>;
}
