import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusTag } from '@/components/status/StatusTag';
import { type StatusCounts as Counts } from '@/lib/status/constants';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

/** Counts per implementation status, as a labelled list (every status shown, zeros included), with shares of total. */
export async function StatusCounts({ counts, label, total }: { counts: Counts; label: string; total?: number }) {
  const [t, format] = await Promise.all([getTranslations('status'), getFormatter()]);
  return (
    <ul className="status-counts" aria-label={label}>
      {IMPLEMENTATION_STATUSES.map((status) => (
        <li key={status}>
          <StatusTag status={status} label={t(`implementation.${status}`)} />{' '}
          <span className="status-counts__value">{format.number(counts[status])}</span>
          {total ? (
            <span className="status-counts__share">
              {' '}
              ({format.number(counts[status] / total, { style: 'percent', maximumFractionDigits: 1 })})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
