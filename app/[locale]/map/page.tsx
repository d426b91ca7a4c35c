import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChartSkeleton } from '@/components/charts/ChartSkeleton';
import { DashboardWidget } from '@/components/dashboard/DashboardWidget';
import { DashboardFilters } from '@/components/dashboard/DashboardFilters';
import { StateStatusMap } from '@/components/dashboard/StateStatusMap';
import { filterQuery, knownDashboardFilter } from '@/lib/dashboard/filter';
import { getFilterOptions } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'dashboard' });
  return { title: t('mapTitle') };
}

/**
 * The world map view: one commitment's status per member state, or one theme's. A commitment in the filter wins
 * over a theme; with neither, the page asks for one rather than colouring a commitment the reader did not choose.
 * The map shows one moment, the end of the "as of" month, so the form has that one month field.
 */
export default async function MapPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const [t, options] = await Promise.all([getTranslations('dashboard'), getFilterOptions(locale)]);
  const known = knownDashboardFilter(query, options, ['country', 'from', 'since']);
  const ignored = known.ignored;
  // Neither a range's start nor a "since" month means anything on a map of one moment.
  const filter = { ...known.filter, from: undefined, since: undefined };
  const commitment = options.commitments.find((c) => c.code === filter.commitment);
  const theme = options.themes.find((th) => th.code === filter.theme);

  return (
    <>
      <h1>{t('mapTitle')}</h1>
      <p className="lead">{t('mapIntro')}</p>
      <DashboardFilters path="/map" filter={filter} options={options} hide={['country', 'from']} ignored={ignored} />
      {commitment || theme ? (
        <DashboardWidget
          name="map"
          key={filterQuery(filter)}
          fallback={<ChartSkeleton title={t('mapTitle')} height={420} />}
        >
          <StateStatusMap
            id="world-map"
            of={commitment ? { commitment: commitment.code } : { theme: theme!.code }}
            name={commitment ? `${commitment.title} (${commitment.code})` : theme!.name}
            filter={filter}
            locale={locale}
          />
        </DashboardWidget>
      ) : (
        <div className="chart-empty" data-widget="map-choose">
          <p>
            <strong>{t('mapChoose')}</strong>
          </p>
        </div>
      )}
    </>
  );
}
