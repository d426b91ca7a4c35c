import { getTranslations } from 'next-intl/server';
import { StatusTag } from '@/components/status/StatusTag';
import { IMPLEMENTATION_STATUSES, type StatusCounts as Counts } from '@/lib/status/constants';

/** Counts per implementation status, as a labelled list (every status shown, zeros included). */
export async function StatusCounts({ counts, label }: { counts: Counts; label: string }) {
  const t = await getTranslations('status');
  return (
    <ul className="status-counts" aria-label={label}>
      {IMPLEMENTATION_STATUSES.map((status) => (
        <li key={status}>
          <StatusTag status={status} label={t(`implementation.${status}`)} />{' '}
          <span className="status-counts__value">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}
