import { getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { packTable } from '@/lib/charts/packed';
import { StatusAreaChart } from '@/components/charts/LazyCharts';
import { NoEvidence } from '@/components/dashboard/NoEvidence';
import { seriesTable } from '@/components/dashboard/status-tables';
import { formatMonth } from '@/lib/charts/format';
import { getChartStrings, getStatusLabels } from '@/lib/charts/strings';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { getStatusSeries } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';

const TEXT = {
  overview: { title: 'overTimeTitle', description: 'overTimeDescription' },
  country: { title: 'countryProgressTitle', description: 'countryProgressDescription' },
  commitment: { title: 'distributionTitle', description: 'distributionDescription' },
} as const;

/** Share of pairs at each status, month by month (stacked areas), for the overview, a country or a commitment. */
export async function StatusOverTime({
  id,
  filter,
  locale,
  view,
  headingLevel = 2,
}: {
  id: string;
  filter: DashboardFilter;
  locale: Locale;
  view: keyof typeof TEXT;
  headingLevel?: 2 | 3;
}) {
  const [t, labels, strings, series] = await Promise.all([
    getTranslations('dashboard'),
    getStatusLabels(),
    getChartStrings(),
    getStatusSeries(filter),
  ]);
  const title = t(TEXT[view].title);
  const table = seriesTable(series, labels, { month: t('month'), pairs: t('pairs') });
  return (
    <ChartFrame
      id={id}
      title={title}
      headingLevel={headingLevel}
      description={t(TEXT[view].description, {
        pairs: series.pairs,
        from: formatMonth(locale, series.from),
        to: formatMonth(locale, series.to),
      })}
      table={table}
      fileName={`${id}-${series.from}-${series.to}`}
      empty={<NoEvidence />}
    >
      <StatusAreaChart
        id={id}
        // The table's own rows (month, a count per status, pairs), packed: the same object as the table alternative's.
        table={packTable(table)}
        labels={labels}
        strings={strings}
        locale={locale}
        title={title}
      />
    </ChartFrame>
  );
}
