import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusTag } from '@/components/status/StatusTag';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { getReader, getRecentVerifications } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { Link } from '@/lib/i18n/navigation';

/** The latest verifications in the filter. Signed-in readers follow a link to the record; the public to the country. */
export async function RecentActivity({ filter, locale }: { filter: DashboardFilter; locale: Locale }) {
  const [t, status, format, reader, recent] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('status'),
    getFormatter(),
    getReader(),
    getRecentVerifications(filter, locale),
  ]);
  return (
    <section aria-labelledby="recent-title" aria-describedby="recent-desc" data-widget="recent">
      <h2 id="recent-title">{t('recentTitle')}</h2>
      <p id="recent-desc" className="muted">
        {t('recentDescription')}
      </p>
      {recent.length === 0 ? (
        <p className="chart-empty">{t('recentEmpty')}</p>
      ) : (
        <ol className="recent-list">
          {recent.map((entry) => (
            <li key={entry.revisionId}>
              <Link href={reader.publicOnly ? `/countries/${entry.actorCode}` : `/evidence/${entry.evidenceId}`}>
                {entry.actorName} · {entry.commitmentTitle}
              </Link>{' '}
              <StatusTag status={entry.status} label={status(`implementation.${entry.status}`)} />{' '}
              <span className="muted">
                {t('observedOn', { date: format.dateTime(entry.observedOn, 'day') })}
                {' · '}
                {t('verifiedOn', { date: format.dateTime(entry.verifiedAt, 'day') })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
