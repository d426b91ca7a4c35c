import type { ChartCell, ChartColumnKind } from '@/lib/charts/types';
import { createTranslator } from 'next-intl';
import { formats, formatterFor, TIME_ZONE } from '@/lib/i18n/formats';

/**
 * Locale formatting shared by the server-rendered table alternative and the client charts (axis ticks, tooltips),
 * so both say the same thing: next-intl's formatter with the site's named formats (lib/i18n/formats.ts), the
 * same the pages use; safe on the client.
 */

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM' or 'YYYY-MM-DD' as a UTC Date, or null when the text is not such a date. */
export function parseChartDate(value: string): Date | null {
  const day = DAY.exec(value);
  const month = day ? null : MONTH.exec(value);
  const parts = day ?? month;
  if (!parts) return null;
  const [year, monthIndex, date] = [Number(parts[1]), Number(parts[2]) - 1, day ? Number(parts[3]) : 1];
  const result = new Date(Date.UTC(year, monthIndex, date));
  // Date.UTC rolls 2024-02-31 over into March; such text is not a date.
  return result.getUTCMonth() === monthIndex && result.getUTCDate() === date ? result : null;
}

export function formatNumber(locale: string, value: number): string {
  return formatterFor(locale).number(value, 'count');
}

/** A fraction 0..1 as a percentage: one decimal in tables and tooltips, none (`whole`) on axes. */
export function formatPercent(locale: string, fraction: number, whole = false): string {
  return formatterFor(locale).number(fraction, whole ? 'wholePercent' : 'percent');
}

/** 'YYYY-MM' as "Mar 2024" / "2024年3月". */
export function formatMonth(locale: string, month: string): string {
  const date = parseChartDate(month);
  return date ? formatterFor(locale).dateTime(date, 'month') : month;
}

/** 'YYYY-MM-DD' as the app's medium date ("4 May 2012" style per locale). */
export function formatDate(locale: string, day: string): string {
  const date = parseChartDate(day);
  return date ? formatterFor(locale).dateTime(date, 'day') : day;
}

/** 'YYYY-MM' or 'YYYY-MM-DD', whichever it is. */
export function formatPeriod(locale: string, value: string): string {
  return DAY.test(value) ? formatDate(locale, value) : formatMonth(locale, value);
}

/** One table cell as the reader sees it; null and non-finite numbers give an empty string. */
export function formatCell(locale: string, kind: ChartColumnKind, value: ChartCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (kind === 'percent') return formatPercent(locale, value);
    if (kind === 'number') return formatNumber(locale, value);
    return String(value);
  }
  if (kind === 'month' || kind === 'date') return formatPeriod(locale, value);
  return value;
}

/** Whether a column holds numbers (right-aligned, tabular figures in the table). */
export function isNumericKind(kind: ChartColumnKind): boolean {
  return kind === 'number' || kind === 'percent';
}

const patterns = new Map<string, (values: Record<string, number>) => string>();

/**
 * Formats an ICU message read raw on the server (t.raw, e.g. ChartStrings.shareAndCount) with numbers on the
 * client: next-intl's translator with the site's named formats (`{share, number, percent}`, `{count, number,
 * count}`), the same the pages' messages use. Kept per locale and pattern: each compiles its message once.
 * A value the pattern names but `values` lacks makes next-intl report an error and return its fallback.
 */
export function formatPattern(locale: string, pattern: string, values: Record<string, number>): string {
  const key = `${locale}\u0000${pattern}`;
  let format = patterns.get(key);
  if (!format) {
    const t = createTranslator({ locale, messages: { pattern }, formats, timeZone: TIME_ZONE });
    format = (values) => t('pattern', values);
    patterns.set(key, format);
  }
  return format(values);
}

/** A UTC timestamp as its year ("2012" / "2012年"), for year ticks of time axes. */
export function formatYear(locale: string, time: number): string {
  return formatterFor(locale).dateTime(time, 'year');
}

/** A UTC timestamp as its month ("Mar 2024" / "2024年3月"), for month ticks of time axes. */
export function formatMonthTick(locale: string, time: number): string {
  return formatterFor(locale).dateTime(time, 'month');
}
