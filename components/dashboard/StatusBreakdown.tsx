import { getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { packTable } from '@/lib/charts/packed';
import { StatusBarChart } from '@/components/charts/LazyCharts';
import { NoEvidence } from '@/components/dashboard/NoEvidence';
import { breakdownTable } from '@/components/dashboard/status-tables';
import { formatMonth } from '@/lib/charts/format';
import { statusBarChartHeight } from '@/lib/charts/layout';
import { getChartStrings, getStatusLabels } from '@/lib/charts/strings';
import { filterQuery, type DashboardFilter } from '@/lib/dashboard/filter';
import { resolveRange } from '@/lib/dashboard/queries';
import { getStatusBreakdown } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { getPathname } from '@/lib/i18n/navigation';

const TEXT = {
  theme: { title: 'byThemeTitle', description: 'byThemeDescription' },
  group: { title: 'byGroupTitle', description: 'byGroupDescription' },
  countryThemes: { title: 'countryThemesTitle', description: 'countryThemesDescription' },
} as const;

/** Share of pairs at each status per theme or per UN regional group (stacked bars), each bar a link that filters. */
export async function StatusBreakdown({
  id,
  filter,
  by,
  locale,
  path,
  text = by,
  headingLevel = 2,
}: {
  id: string;
  filter: DashboardFilter;
  by: 'theme' | 'group';
  locale: Locale;
  /** The view the bars' links narrow (with the bar's theme or group added to the filter), without the locale. */
  path: string;
  text?: keyof typeof TEXT;
  headingLevel?: 2 | 3;
}) {
  const [t, labels, strings, rows] = await Promise.all([
    getTranslations('dashboard'),
    getStatusLabels(),
    getChartStrings(),
    getStatusBreakdown(filter, by, locale),
  ]);
  const title = t(TEXT[text].title);
  // The chart draws plain links (an SVG), so they get their full path here.
  const hrefs = Object.fromEntries(
    rows.map((row) => [row.key, getPathname({ href: `${path}${filterQuery({ ...filter, [by]: row.key })}`, locale })]),
  );
  const height = statusBarChartHeight(rows.length, 34);
  const table = breakdownTable(rows, labels, { category: by === 'theme' ? t('theme') : t('group'), pairs: t('pairs') });
  return (
    <ChartFrame
      id={id}
      title={title}
      headingLevel={headingLevel}
      description={t(TEXT[text].description, { date: formatMonth(locale, resolveRange(filter).to) })}
      table={table}
      fileName={`${id}-${resolveRange(filter).to}`}
      empty={<NoEvidence />}
      height={height}
    >
      <StatusBarChart
        id={id}
        // The table's own rows (key, label, a count per status, pairs), packed: the same object as the table alternative's.
        table={packTable(table)}
        labels={labels}
        strings={strings}
        locale={locale}
        title={title}
        hrefs={hrefs}
        labelWidth={by === 'group' ? 210 : 160}
      />
    </ChartFrame>
  );
}
