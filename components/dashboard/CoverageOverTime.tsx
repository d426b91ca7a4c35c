import { getFormatter, getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { packTable } from '@/lib/charts/packed';
import { CountBarChart } from '@/components/charts/LazyCharts';
import { NoEvidence } from '@/components/dashboard/NoEvidence';
import { coverageTable } from '@/components/dashboard/status-tables';
import { formatMonth } from '@/lib/charts/format';
import { getChartStrings, getStatusLabels } from '@/lib/charts/strings';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { getStatusSeries } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

/**
 * Pairs with any verified evidence at the end of each month, as counts stacked by status: where a share of
 * thousands of pairs stays at 0 % for months, the count shows the first records. Reads the same cached series as
 * StatusOverTime.
 */
export async function CoverageOverTime({
  id,
  filter,
  locale,
  headingLevel = 2,
}: {
  id: string;
  filter: DashboardFilter;
  locale: Locale;
  headingLevel?: 2 | 3;
}) {
  const [t, format, labels, strings, series] = await Promise.all([
    getTranslations('dashboard'),
    getFormatter(),
    getStatusLabels(),
    getChartStrings(),
    getStatusSeries(filter),
  ]);
  const title = t('coverageTitle');
  const table = coverageTable(series, labels, {
    month: t('month'),
    withEvidence: t('withEvidence'),
    coverage: t('coverage'),
    pairs: t('pairs'),
  });
  return (
    <ChartFrame
      id={id}
      title={title}
      headingLevel={headingLevel}
      description={t('coverageDescription', {
        pairs: series.pairs,
        from: formatMonth(locale, series.from),
        to: formatMonth(locale, series.to),
        count: series.points.length,
        withEvidence: table.rows.at(-1)?.withEvidence ?? 0,
        share: format.number(Number(table.rows.at(-1)?.coverage ?? 0), {
          style: 'percent',
          maximumFractionDigits: 2,
        }),
      })}
      table={table}
      fileName={`${id}-${series.from}-${series.to}`}
      empty={<NoEvidence />}
    >
      <CountBarChart
        id={id}
        table={packTable(table)}
        category="month"
        axis="time"
        stacked
        series={IMPLEMENTATION_STATUSES.filter((status) => status !== 'NO_INFORMATION').map((status) => ({
          key: status,
          label: labels[status],
          status,
        }))}
        strings={strings}
        locale={locale}
        title={title}
      />
    </ChartFrame>
  );
}
