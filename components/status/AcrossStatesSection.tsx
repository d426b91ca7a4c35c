import { getFormatter, getTranslations } from 'next-intl/server';
import { EvidenceTimeline } from '@/components/status/EvidenceTimeline';
import { StatesPager } from '@/components/status/StatesPager';
import { StatusCounts } from '@/components/status/StatusCounts';
import { StatusTag } from '@/components/status/StatusTag';
import type { CommitmentStatusSection } from '@/lib/data/status';
import type { Locale } from '@/lib/i18n/config';
import type { StatusSortKey } from '@/lib/status/constants';
import { pageOf } from '@/lib/status/paging';
import type { StatusSort } from '@/lib/validation/status';
import { TableScroll } from '@/components/TableScroll';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { isoDay } from '@/lib/dates';
import { Link } from '@/lib/i18n/navigation';

/**
 * The commitment page's status sections: the commitment across the 193 member states (sortable through the URL,
 * with the instruments each state has joined when the commitment names instruments), then its evidence timeline.
 * The table shows the states a page at a time (lib/status/paging.ts; `page` from ?page=, sorting starts again on
 * page 1): all 193 rows, with the map above them, made the commitment page the heaviest of the dashboard.
 */
export async function AcrossStatesSection({
  section,
  sort,
  locale,
  basePath,
  commitmentCode,
  page = 1,
}: {
  section: CommitmentStatusSection;
  /** The commitment's code, for the table's CSV. */
  commitmentCode: string;
  sort: StatusSort;
  locale: Locale;
  /** The commitment page's path without the locale ("/commitments/P08-financing"). */
  basePath: string;
  /** Which page of the table to show (1-based; clamped to the pages there are). */
  page?: number;
}) {
  const [t, enums, format] = await Promise.all([getTranslations('status'), getTranslations('enums'), getFormatter()]);
  const { acrossStates, timeline } = section;
  const labels: Record<StatusSortKey, string> = {
    name: t('state'),
    group: t('group'),
    status: t('status'),
    date: t('observedOn'),
  };
  const direction = (dir: 'asc' | 'desc') => (dir === 'asc' ? t('ascending') : t('descending'));

  const sortHeader = (column: StatusSortKey) => {
    const active = sort.sort === column;
    // A second click on the sorted column reverses it; another column starts ascending.
    const next = active && sort.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th key={column} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <Link href={`${basePath}?sort=${column}&dir=${next}#across-states`} className="sort-link">
          {labels[column]}
          <span aria-hidden="true" className="sort-link__arrow">
            {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </Link>
      </th>
    );
  };

  const instruments = acrossStates?.instruments;
  const list = pageOf(acrossStates?.rows ?? [], page);
  const pageHref = (n: number) =>
    `${basePath}?sort=${sort.sort}&dir=${sort.dir}${n > 1 ? `&page=${n}` : ''}#across-states`;
  return (
    <>
      {acrossStates && (
        <section aria-labelledby="across-states">
          <h2 id="across-states">{t('acrossStates')}</h2>
          <p className="muted">{t('acrossStatesIntro')}</p>
          <StatusCounts counts={acrossStates.counts} label={t('countsAcross')} />
          {instruments && (
            <p className="muted">
              {t('partyHint', {
                total: instruments.total,
                existing: instruments.existing,
                date: format.dateTime(instruments.statement.adoptedOn, 'longDay'),
                symbol: instruments.statement.symbol,
              })}
            </p>
          )}
          <DownloadCsv
            path="/api/export/table/commitment-states"
            params={{ locale, commitment: commitmentCode, sort: sort.sort, dir: sort.dir }}
          />
          <TableScroll label={t('acrossCaption', { column: labels[sort.sort], direction: direction(sort.dir) })}>
            <table className="across-states">
              <caption className="muted">
                {t('acrossCaption', { column: labels[sort.sort], direction: direction(sort.dir) })}
              </caption>
              <thead>
                <tr>
                  {sortHeader('name')}
                  {sortHeader('group')}
                  {sortHeader('status')}
                  {sortHeader('date')}
                  {instruments && <th scope="col">{t('partyTo')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.items.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">
                      <Link href={`/countries/${row.code}`}>{locale === 'zh' ? row.nameZh : row.nameEn}</Link>
                    </th>
                    <td>{row.regionalGroup ? enums(`regionalGroup.${row.regionalGroup}`) : t('noGroup')}</td>
                    <td>
                      <StatusTag status={row.status} label={t(`implementation.${row.status}`)} />
                    </td>
                    <td>
                      {row.observedOn ? (
                        <time dateTime={isoDay(row.observedOn)}>{format.dateTime(row.observedOn, 'day')}</time>
                      ) : (
                        t('notObserved')
                      )}
                    </td>
                    {instruments && (
                      <td>
                        {t('partyCell', {
                          party: row.party ?? 0,
                          total: instruments.total,
                          partyOfExisting: row.partyOfExisting ?? 0,
                          existing: instruments.existing,
                        })}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <StatesPager list={list} href={pageHref} />
        </section>
      )}
      <section aria-labelledby="evidence-timeline">
        <h2 id="evidence-timeline">{t('timeline')}</h2>
        <EvidenceTimeline timeline={timeline} of="commitment" locale={locale} publicOnly={section.publicOnly} />
      </section>
    </>
  );
}
