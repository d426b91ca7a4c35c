import { getFormatter, getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { packTable } from '@/lib/charts/packed';
import { CountLineChart } from '@/components/charts/LazyCharts';
import { getChartStrings } from '@/lib/charts/strings';
import type { ChartTable } from '@/lib/charts/types';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { getPartiesOverTime } from '@/lib/data/dashboard';

/**
 * Instruments joined by the end of each year (the chart steps at the start of the year the table counts a party in): for one country the count, across member states the mean per state;
 * both of all instruments and of those adopted by the statement's date, against those two maxima.
 */
export async function PartiesOverTime({
  id,
  scope,
  commitment,
  locale,
  headingLevel = 2,
}: {
  id: string;
  scope: { country: string } | { states: DashboardFilter };
  commitment?: string;
  locale: string;
  headingLevel?: 2 | 3;
}) {
  const [t, format, strings, parties] = await Promise.all([
    getTranslations('dashboard'),
    getFormatter(),
    getChartStrings(),
    getPartiesOverTime(scope, commitment),
  ]);
  if (!parties) return null;
  const date = format.dateTime(parties.statement.adoptedOn, 'longDay');
  const ofAll = t('ofAll', { total: parties.total });
  const ofExisting = t('ofExisting', { existing: parties.existing, date });
  // One table for the table alternative, the CSV and the chart, which reads its rows as they are (a count by the
  // end of each year, drawn across that year), so the page carries the data once and chart and table agree.
  const table: ChartTable = {
    columns: [
      { key: 'date', label: t('year'), kind: 'text' },
      { key: 'all', label: ofAll, kind: 'number' },
      { key: 'existing', label: ofExisting, kind: 'number' },
    ],
    rows: parties.points.map((point) => ({ date: point.year, all: point.all, existing: point.existing })),
  };
  const description = t('country' in scope ? 'partiesCountryDescription' : 'partiesMeanDescription', {
    total: parties.total,
    existing: parties.existing,
    date,
  });
  return (
    <ChartFrame
      id={id}
      title={t('partiesTitle')}
      headingLevel={headingLevel}
      description={
        parties.undated > 0 ? `${description} ${t('partiesUndated', { count: parties.undated })}` : description
      }
      table={table}
      fileName={id}
      empty={<p className="chart-empty">{t('partiesEmpty')}</p>}
    >
      <CountLineChart
        id={id}
        table={packTable(table)}
        period="year"
        series={[
          { key: 'all', label: ofAll },
          { key: 'existing', label: ofExisting },
        ]}
        max={[
          { value: parties.total, label: t('maxAll', { total: parties.total }) },
          { value: parties.existing, label: t('maxExisting', { existing: parties.existing, date }) },
        ]}
        curve="step"
        strings={strings}
        locale={locale}
        title={t('partiesTitle')}
      />
    </ChartFrame>
  );
}
