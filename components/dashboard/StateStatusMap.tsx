import { getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { WorldMap } from '@/components/charts/WorldMap';
import { formatMonth } from '@/lib/charts/format';
import { getStatusLabels } from '@/lib/charts/strings';
import type { ChartTable } from '@/lib/charts/types';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { resolveRange } from '@/lib/dashboard/queries';
import { getStatusPerState } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { getPathname } from '@/lib/i18n/navigation';

/**
 * One commitment's (or one theme's) status per member state as a choropleth, drawn on the server as SVG, with the
 * same data as a table and as CSV/SVG/PNG downloads.
 */
export async function StateStatusMap({
  id,
  of,
  name,
  filter,
  locale,
  headingLevel = 2,
  links = true,
}: {
  id: string;
  of: { commitment: string } | { theme: string };
  /** The commitment's title or the theme's name. */
  name: string;
  filter: DashboardFilter;
  locale: Locale;
  headingLevel?: 2 | 3;
  /** Each state a link to its country page (the map page); false paints the states only, for a page that lists
   * and links them in a table of its own (the commitment page): 193 links fewer to send. */
  links?: boolean;
}) {
  const [t, charts, labels, states] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('charts'),
    getStatusLabels(),
    getStatusPerState(of, filter, locale),
  ]);
  const title = t('mapOf', { name: 'theme' in of ? t('mapTheme', { name }) : name });
  const table: ChartTable = {
    columns: [
      { key: 'code', label: 'ISO 3166', kind: 'text' },
      { key: 'state', label: t('state'), kind: 'text' },
      { key: 'status', label: t('status'), kind: 'text' },
    ],
    rows: states.map((state) => ({ code: state.code, state: state.name, status: labels[state.status] })),
  };
  return (
    <ChartFrame
      id={id}
      title={title}
      headingLevel={headingLevel}
      description={t(links ? 'mapDescription' : 'mapDescriptionPlain', {
        date: formatMonth(locale, resolveRange(filter).to),
      })}
      table={table}
      fileName={`${id}-${'commitment' in of ? of.commitment : of.theme}`}
      height="auto"
    >
      <WorldMap
        title={title}
        states={states.map((state) => ({
          ...state,
          statusLabel: labels[state.status],
          href: links ? getPathname({ href: `/countries/${state.code}`, locale }) : undefined,
        }))}
        legendLabels={labels}
        legendName={charts('legend')}
        neutralLabel={t('notMember')}
      />
    </ChartFrame>
  );
}
