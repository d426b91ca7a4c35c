import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusCounts } from '@/components/status/StatusCounts';
import { DownloadCsv } from '@/components/transfer/DownloadCsv';
import { STATUS_CLASS } from '@/components/status/StatusTag';
import { StatusMatrixTable } from '@/components/status/StatusMatrixTable';
import { cellOfStatus } from '@/lib/status/matrix-cells';
import { getStatusMatrix } from '@/lib/data/status';
import type { Locale } from '@/lib/i18n/config';
import { parseMatrixSort, parseStatesPage } from '@/lib/validation/status';
import { StatesPager } from '@/components/status/StatesPager';
import { pageOf } from '@/lib/status/paging';
import { DashboardFilters } from '@/components/dashboard/DashboardFilters';
import { filterQuery, knownDashboardFilter } from '@/lib/dashboard/filter';
import { getFilterOptions } from '@/lib/data/dashboard';
import { MATRIX_SORTS } from '@/lib/status/matrix';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'status' });
  return { title: t('matrixTitle') };
}

export default async function MatrixPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const sort = parseMatrixSort(query);
  const options = await getFilterOptions(locale);
  const known = knownDashboardFilter(query, options, ['from', 'since']);
  const filter = { ...known.filter, from: undefined };
  const [t, dashboard, matrix] = await Promise.all([
    getTranslations('status'),
    getTranslations('dashboard'),
    getStatusMatrix({ ...filter, asOf: filter.to }, sort, locale),
  ]);
  const path = '/matrix';
  const list = pageOf(matrix.rows, parseStatesPage(query));
  const pageHref = (page: number) =>
    `${path}${filterQuery(filter, { sort: sort === 'name' ? undefined : sort, page: page > 1 ? String(page) : undefined })}`;
  // Labels are looked up once, not once per cell.
  const short = Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, t(`short.${status}`)])) as Record<
    ImplementationStatus,
    string
  >;
  return (
    <>
      <h1>{t('matrixTitle')}</h1>
      <p className="lead">{t('matrixIntro')}</p>

      <DashboardFilters path={path} filter={filter} options={options} hide={['from']} ignored={known.ignored} />
      <p className="matrix-sort">
        {dashboard('sortBy')}:{' '}
        {MATRIX_SORTS.map((key, index) => (
          <span key={key}>
            {index > 0 && ' · '}
            <Link
              href={`${path}${filterQuery(filter, { sort: key })}`}
              aria-current={key === sort ? 'true' : undefined}
            >
              {dashboard(`sort${key[0]!.toUpperCase()}${key.slice(1)}` as 'sortName')}
            </Link>
          </span>
        ))}
      </p>

      {/* The people's file (words in the reader's language) first; the code file for import and integration. */}
      <DownloadCsv path="/api/export/matrix" params={{ ...filter, sort, labels: 'words', locale }} label="matrixCsv" />
      <DownloadCsv path="/api/export/matrix" params={{ ...filter, sort }} label="matrixCsvCodes" />
      <DownloadCsv
        path="/api/export/evidence"
        params={{ theme: filter.theme, group: filter.group }}
        label="evidenceCsv"
      />
      <p className="result-count" role="status">
        {t('matrixCount', { states: matrix.rows.length, commitments: matrix.columns.length })}
      </p>

      <section className="matrix-key" aria-labelledby="matrix-key">
        <h2 id="matrix-key">{t('legend')}</h2>
        <ul className="matrix-key__list">
          {IMPLEMENTATION_STATUSES.map((status) => (
            <li key={status}>
              <span className={`matrix-key__cell ${STATUS_CLASS[status]}`}>{short[status]}</span>{' '}
              {t(`implementation.${status}`)}
            </li>
          ))}
        </ul>
        <p className="muted">{t('columnKey')}</p>
        <StatusCounts counts={matrix.counts} label="cellsByStatus" />
      </section>

      {matrix.columns.length === 0 ? (
        <p>{t('matrixNoColumns')}</p>
      ) : (
        <div className="table-scroll matrix-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
          <StatusMatrixTable
            locale={locale}
            caption={t('matrixCaption')}
            stateHeading={t('state')}
            columns={matrix.columns.map(({ code, shortCode, title }) => ({ code, shortCode, title }))}
            rows={list.items.map((row) => ({
              code: row.code,
              name: locale === 'zh' ? row.nameZh : row.nameEn,
              cells: matrix.columns.map((column) => cellOfStatus(row.cells[column.code] ?? 'NO_INFORMATION')).join(''),
            }))}
            shortLabels={short}
          />
        </div>
      )}
      <StatesPager list={list} href={pageHref} />
    </>
  );
}
