import { getFormatter, getTranslations } from 'next-intl/server';
import { TimelineList, type TimelineRow } from '@/components/status/TimelineList';
import type { Locale } from '@/lib/i18n/config';
import { cellOfStatus } from '@/lib/status/matrix-cells';
import type { Timeline } from '@/lib/status/timeline';
import { isoDay, isoDayOrNull } from '@/lib/dates';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

/**
 * Verified evidence, newest observation first: for a country (each entry names its commitment) or for a
 * commitment (each entry names its country). The list itself is TimelineList, a client component that gets the
 * entries as short arrays (the page sends them once).
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
          <TimelineList
            locale={locale}
            labels={{
              statuses: IMPLEMENTATION_STATUSES.map((status) => t(`implementation.${status}`)),
              caption: t('timelineCaption'),
              current: t('current'),
              verifiedOn: t('verifiedOn'),
              summaryLanguage: { en: t('summaryLanguage_en'), zh: t('summaryLanguage_zh') },
            }}
            rows={timeline.entries.map((entry): TimelineRow => [
              entry.revisionId,
              isoDay(entry.observedOn),
              format.dateTime(entry.observedOn, 'day'),
              cellOfStatus(entry.status),
              entry.current ? 1 : 0,
              of === 'country' ? `/commitments/${entry.commitmentCode}` : `/countries/${entry.actorCode}`,
              of === 'country' ? `${entry.commitmentTitle} (${entry.commitmentCode})` : entry.actorName,
              entry.summary?.text ?? null,
              entry.summary?.lang ?? null,
              isoDayOrNull(entry.verifiedAt),
              entry.verifiedAt ? format.dateTime(entry.verifiedAt, 'day') : null,
            ])}
          />
        </>
      )}
    </>
  );
}
