import { createFormatter, type Formats } from 'next-intl';

/**
 * How the site shows numbers and dates, by name, for next-intl's formatter: pages use them through getFormatter /
 * useFormatter (`format.dateTime(day, 'day')`), which read them from the request config (lib/i18n/request.ts);
 * code that formats outside a render (the charts' axes and tooltips) through formatterFor. Every date is shown
 * in UTC: days and months are calendar values stored as UTC midnight (lib/dates.ts), and the reader's zone is
 * unknown to the server.
 */
export const TIME_ZONE = 'UTC';

export const formats = {
  dateTime: {
    /** "May 4, 2012" / "2012年5月4日". */
    day: { dateStyle: 'medium' },
    /** A statement's adoption, spelled out where the language has a longer form ("May 4, 2012" / "2012年5月4日"). */
    longDay: { dateStyle: 'long' },
    /** An instant in lists of changes: "May 4, 2026, 2:03 PM" / "2026年5月4日 14:03". */
    dayTime: { dateStyle: 'medium', timeStyle: 'short' },
    /** "Mar 2024" / "2024年3月". */
    month: { year: 'numeric', month: 'short' },
    /** "2012" / "2012年". */
    year: { year: 'numeric' },
    /** An instant to the minute, saying its zone (sessions, tokens): "Dec 2, 2026, 01:05 UTC" / "2026年12月2日 UTC 01:05". */
    minute: {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    },
  },
  number: {
    /** Counts and amounts in tables and charts: up to two decimals. */
    count: { maximumFractionDigits: 2 },
    /** A share 0..1 with one decimal ("28.6%"), for tables and tooltips. */
    percent: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
    /** A share 0..1 without decimals ("75%"), for axes. */
    wholePercent: { style: 'percent', maximumFractionDigits: 0 },
  },
} satisfies Formats;

const formatters = new Map<string, ReturnType<typeof createFormatter>>();

/**
 * next-intl's formatter for `locale` with the site's named formats and time zone, the same one getFormatter gives
 * a page, for code that runs outside a render or with no provider (chart callbacks, the chart table). Kept per
 * locale: each keeps its Intl objects.
 */
export function formatterFor(locale: string): ReturnType<typeof createFormatter> {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = createFormatter({ locale, timeZone: TIME_ZONE, formats });
    formatters.set(locale, formatter);
  }
  return formatter;
}

declare module 'next-intl' {
  interface AppConfig {
    // Format names are checked: format.dateTime(day, 'dya') does not compile.
    Formats: typeof formats;
  }
}
