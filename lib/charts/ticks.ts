import { parseChartDate } from '@/lib/charts/format';
import { isoMonth } from '@/lib/dates';

/** Month steps tried for time-axis ticks, smallest first; 12 and more give year ticks. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];

export interface TimeTicks {
  /** UTC timestamps of the ticks, on first days of months (or of years when unit is 'year'). */
  ticks: number[];
  unit: 'month' | 'year';
}

/**
 * Ticks for a time axis from `min` to `max` (UTC ms): the smallest step of whole months or years giving at most
 * `maxTicks` ticks, aligned to calendar months / years (e.g. every 5 years on 2000, 2005, ...).
 */
export function timeTicks(min: number, max: number, maxTicks = 8): TimeTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return { ticks: [], unit: 'month' };
  const start = new Date(min);
  const end = new Date(max);
  const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
  // Ticks fall on the first of a month, so the first candidate is the first month start at or after min.
  const first = monthIndex(start) + (start.getUTCDate() === 1 && start.getTime() % 86_400_000 === 0 ? 0 : 1);
  const last = monthIndex(end);
  const span = Math.max(last - first, 0);
  const step = MONTH_STEPS.find((candidate) => Math.floor(span / candidate) + 1 <= maxTicks) ?? MONTH_STEPS.at(-1)!;
  const aligned = Math.ceil(first / step) * step;
  const ticks: number[] = [];
  for (let index = aligned; index <= last; index += step) {
    ticks.push(Date.UTC(Math.floor(index / 12), index % 12, 1));
  }
  return { ticks, unit: step >= 12 ? 'year' : 'month' };
}

/** 'YYYY-MM' or 'YYYY-MM-DD' as a UTC timestamp (NaN when malformed). */
export function chartTime(value: string): number {
  return parseChartDate(value)?.getTime() ?? Number.NaN;
}

/**
 * Ticks for a category axis of consecutive months ('YYYY-MM', ascending): the months of timeTicks() that are in
 * the data, so a long series gets year ticks (every January, or every 2, 5... years) instead of crowded months.
 */
export function monthTicks(months: string[], maxTicks = 8): { ticks: string[]; unit: TimeTicks['unit'] } {
  const present = new Set(months);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return { ticks: [], unit: 'month' };
  const { ticks, unit } = timeTicks(chartTime(first), chartTime(last), maxTicks);
  return {
    ticks: ticks.map((time) => isoMonth(new Date(time))).filter((month) => present.has(month)),
    unit,
  };
}
