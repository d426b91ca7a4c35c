import { setPageLocale } from '@/lib/i18n/page-locale';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { ChartSkeleton } from '@/components/charts/ChartSkeleton';
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
 * over a theme; with neither, the first commitment is shown and the reader is told how to choose.
 */
export default async function MapPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setPageLocale(locale);
  const query = await searchParams;
  const [t, options] = await Promise.all([getTranslations('dashboard'), getFilterOptions(locale)]);
  const { filter, ignored } = knownDashboardFilter(query, options, ['country']);
  const commitment = options.commitments.find((c) => c.code === filter.commitment);
  const theme = options.themes.find((th) => th.code === filter.theme);
  const shown = commitment ?? (theme ? null : options.commitments[0]);
  return (
    <>
      <h1>{t('mapTitle')}</h1>
      <p className="lead">{t('mapIntro')}</p>
      <DashboardFilters
        path={`/${locale}/map`}
        filter={filter}
        options={options}
        hide={['country']}
        ignored={ignored}
      />
      {!commitment && !theme && <p className="muted">{t('mapChoose')}</p>}
      <Suspense key={filterQuery(filter)} fallback={<ChartSkeleton title={t('mapTitle')} height={420} />}>
        {shown ? (
          <StateStatusMap
            id="world-map"
            of={{ commitment: shown.code }}
            name={`${shown.title} (${shown.code})`}
            filter={filter}
            locale={locale}
          />
        ) : (
          theme && (
            <StateStatusMap
              id="world-map"
              of={{ theme: theme.code }}
              name={theme.name}
              filter={filter}
              locale={locale}
            />
          )
        )}
      </Suspense>
    </>
  );
}
