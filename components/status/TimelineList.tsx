'use client';

import { StatusTag } from '@/components/status/StatusTag';
import { Link } from '@/lib/i18n/navigation';
import { statusOfCell } from '@/lib/status/matrix-cells';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/**
 * One entry of an evidence timeline as it travels to the browser: an array, dates already formatted on the server.
 * [id, observed 'YYYY-MM-DD', observed as shown, status character (lib/status/matrix-cells.ts), current (1/0),
 *  subject link (without the locale), subject text, summary text or null, summary language or null, verified 'YYYY-MM-DD' or null,
 *  verified as shown or null]
 */
export type TimelineRow = [
  id: number,
  observedOn: string,
  observedText: string,
  status: string,
  current: 0 | 1,
  href: string,
  subject: string,
  summary: string | null,
  summaryLang: string | null,
  verifiedOn: string | null,
  verifiedText: string | null,
];

export interface TimelineLabels {
  /** The label of each status, by its index in IMPLEMENTATION_STATUSES. */
  statuses: string[];
  caption: string;
  current: string;
  verifiedOn: string;
  /** "(in English)", "(in Chinese)": said after a summary in another language than the page's. */
  summaryLanguage: Record<'en' | 'zh', string>;
}

const htmlLang = (lang: string) => (lang === 'zh' ? 'zh-Hans' : lang);

/**
 * The list of an evidence timeline (components/status/EvidenceTimeline.tsx). A client component so that the page
 * sends each of its up to 50 entries once, as a short array (TimelineRow), and the markup is rendered from it:
 * as server markup every entry went out twice, in the HTML and again, three times as long, in the React payload.
 */
export function TimelineList({
  rows,
  labels,
  locale,
}: {
  rows: TimelineRow[];
  labels: TimelineLabels;
  locale: string;
}) {
  return (
    <ol className="timeline" aria-label={labels.caption}>
      {rows.map(
        ([id, observedOn, observedText, cell, current, href, subject, summary, lang, verifiedOn, verifiedText]) => {
          const status: ImplementationStatus = statusOfCell(cell);
          return (
            <li key={id} className="timeline__entry">
              <p className="timeline__head">
                <strong>
                  <time dateTime={observedOn}>{observedText}</time>
                </strong>{' '}
                <StatusTag status={status} label={labels.statuses[IMPLEMENTATION_STATUSES.indexOf(status)] ?? ''} />
                {current === 1 && <span className="timeline__current"> ({labels.current})</span>}
              </p>
              <p className="timeline__subject">
                <Link href={href}>{subject}</Link>
              </p>
              {summary !== null && lang !== null && (
                <p lang={htmlLang(lang)}>
                  {summary}
                  {lang !== locale && (
                    <span className="muted" lang={htmlLang(locale)}>
                      {' '}
                      ({labels.summaryLanguage[lang === 'zh' ? 'zh' : 'en']})
                    </span>
                  )}
                </p>
              )}
              {verifiedOn !== null && (
                <p className="muted timeline__meta">
                  {labels.verifiedOn}: <time dateTime={verifiedOn}>{verifiedText}</time>
                </p>
              )}
            </li>
          );
        },
      )}
    </ol>
  );
}
