import { getTranslations } from 'next-intl/server';

/** Placeholder for the headline figures while they load. */
export async function StatsSkeleton() {
  const t = await getTranslations('charts');
  return (
    <div className="stats-skeleton" aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('loading')}
      </p>
      <div className="chart-skeleton__plot" style={{ height: 96 }} aria-hidden="true" />
    </div>
  );
}
