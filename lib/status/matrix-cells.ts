import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/**
 * The matrix sends each cell as one character, the index of its status in IMPLEMENTATION_STATUSES ("2"), so that
 * a row of 29 commitments is a 29-character string. Safe to import from server and client components alike.
 */

/** The character that stands for `status`. */
export const cellOfStatus = (status: ImplementationStatus): string => String(IMPLEMENTATION_STATUSES.indexOf(status));

/** The status a character stands for; anything else is no information. */
export const statusOfCell = (cell: string): ImplementationStatus =>
  IMPLEMENTATION_STATUSES[Number(cell)] ?? 'NO_INFORMATION';
