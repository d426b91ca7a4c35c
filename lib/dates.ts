import { UTCDate } from '@date-fns/utc';
import { addMonths as addCalendarMonths, eachMonthOfInterval, formatISO, isValid, lightFormat, parse } from 'date-fns';

/**
 * The one date module (date-fns, in UTC). The product's days and months are calendar values with no time zone:
 * PostgreSQL's `date` columns come back as UTC midnight, and forms, filters, the API and CSV files carry
 * 'YYYY-MM-DD' and 'YYYY-MM' strings. Formatting an instant for a reader goes through next-intl's formatter, not here.
 * Safe in client components.
 */

/** 'YYYY-MM-DD': the calendar day of `value` in UTC (a `date` column's value, or an instant's UTC day). */
export function isoDay(value: Date): string {
  return formatISO(new UTCDate(value), { representation: 'date' });
}

/** isoDay of `value`, or null when there is none. */
export function isoDayOrNull(value: Date | null | undefined): string | null {
  return value ? isoDay(value) : null;
}

/** 'YYYY-MM': the month of `value` in UTC. */
export function isoMonth(value: Date): string {
  return lightFormat(new UTCDate(value), 'yyyy-MM');
}

/** The Date (UTC midnight) of a real calendar day 'YYYY-MM-DD', or null ('2024-02-30', '2024-2-3', 'soon'). */
export function parseIsoDay(value: string): Date | null {
  // date-fns parses '2024-2-3' too: the shape is checked first.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parse(value, 'yyyy-MM-dd', new UTCDate(0));
  return isValid(date) ? new Date(date.getTime()) : null;
}

/** Whether `value` is a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDay(value: string): boolean {
  return parseIsoDay(value) !== null;
}

/** The month `count` months after the month 'YYYY-MM' (before it when negative), 'YYYY-MM'. */
export function addMonths(month: string, count: number): string {
  return isoMonth(addCalendarMonths(monthStart(month), count));
}

/** Every month from `from` to `to` ('YYYY-MM'), both included; none when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  if (from > to) return [];
  return eachMonthOfInterval({ start: monthStart(from), end: monthStart(to) }).map(isoMonth);
}

/** UTC midnight of the first day of the month 'YYYY-MM'. */
export function monthStart(month: string): UTCDate {
  return new UTCDate(`${month}-01T00:00:00Z`);
}

/** The earliest day any record may bear: no instrument against terrorism, and no United Nations, before 1945. */
export const EARLIEST_RECORD_DAY = '1945-01-01';

/** The farthest time zone east of UTC (Kiribati's Line Islands, UTC+14): where a calendar day begins first. */
export const LATEST_UTC_OFFSET_HOURS = 14;

/** The last answer of latestDateOnEarth and the instants [from, until) it holds for. */
let latestDay = { from: 0, until: 0, date: '' };

/**
 * The latest calendar date anywhere on Earth at `now` (YYYY-MM-DD): the date in UTC+14. "Up to today" is judged by
 * this date, so that a user east of UTC (Auckland, Kiribati) can record what they saw today; the server knows no
 * user's zone it could trust (the API and a CSV file carry none), so a date is "in the future" only when it has
 * begun nowhere yet. The price: a user west of UTC can enter the date that is already today in UTC+14, at most one
 * day ahead of their own calendar.
 */
export function latestDateOnEarth(now: Date = new Date()): string {
  const time = now.getTime();
  // The answer holds for a whole day: kept, so that a 100,000-row import does not format a date per row.
  if (time >= latestDay.from && time < latestDay.until) return latestDay.date;
  const shifted = time + LATEST_UTC_OFFSET_HOURS * 3_600_000;
  const date = isoDay(new Date(shifted));
  const from = Math.floor(shifted / 86_400_000) * 86_400_000 - LATEST_UTC_OFFSET_HOURS * 3_600_000;
  latestDay = { from, until: from + 86_400_000, date };
  return date;
}
