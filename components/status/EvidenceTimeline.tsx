import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { StatusTag } from '@/components/status/StatusTag';
import type { Locale } from '@/lib/i18n/config';
import type { Timeline } from '@/lib/status/queries';

/**
 * Verified evidence, newest observation first: for a country (each entry names its commitment) or for a
 * commitment (each entry names its country).
 */
export async function EvidenceTimeline({
  timeline,
  of,
  locale,
  publicOnly,
}: {
  timeline: Timeline;
  of: 'country' | 'commitment';
  locale: Locale;
  publicOnly: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations('status'), getFormatter()]);
  const date = (value: Date) => (
    <time dateTime={value.toISOString().slice(0, 10)}>{format.dateTime(value, { dateStyle: 'medium' })}</time>
  );
  return (
    <>
      <p className="muted">{publicOnly ? t('timelineIntroPublic') : t('timelineIntro')}</p>
      {timeline.entries.length === 0 ? (
        <p>{t('timelineEmpty')}</p>
      ) : (
        <>
          <p className="result-count">
            {t('timelineCount', { shown: timeline.entries.length, total: timeline.total })}
          </p>
          <ol className="timeline" aria-label={t('timelineCaption')}>
            {timeline.entries.map((entry) => (
              <li key={entry.revisionId} className="timeline__entry">
                <p className="timeline__head">
                  <strong>{date(entry.observedOn)}</strong>{' '}
                  <StatusTag status={entry.status} label={t(`implementation.${entry.status}`)} />
                  {entry.current && <span className="timeline__current"> ({t('current')})</span>}
                </p>
                <p className="timeline__subject">
                  {of === 'country' ? (
                    <Link href={`/${locale}/commitments/${entry.commitmentCode}`}>
                      {entry.commitmentTitle} ({entry.commitmentCode})
                    </Link>
                  ) : (
                    <Link href={`/${locale}/countries/${entry.actorCode}`}>{entry.actorName}</Link>
                  )}
                </p>
                {entry.summary && (
                  <p lang={entry.summary.lang === 'zh' ? 'zh-Hans' : entry.summary.lang}>
                    {entry.summary.text}
                    {entry.summary.lang !== locale && (
                      <span className="muted" lang={locale === 'zh' ? 'zh-Hans' : locale}>
                        {' '}
                        ({t(`summaryLanguage_${entry.summary.lang === 'zh' ? 'zh' : 'en'}`)})
                      </span>
                    )}
                  </p>
                )}
                {entry.verifiedAt && (
                  <p className="muted timeline__meta">
                    {t('verifiedOn')}: {date(entry.verifiedAt)}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
