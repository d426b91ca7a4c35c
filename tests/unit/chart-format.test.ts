import { describe, expect, it } from 'vitest';
import {
  formatCell,
  formatDate,
  formatMonth,
  formatPattern,
  formatPercent,
  formatYear,
  parseChartDate,
} from '@/lib/charts/format';
import { statusBarChartHeight } from '@/lib/charts/layout';
import { chartTime, monthTicks, timeTicks } from '@/lib/charts/ticks';

const iso = (times: number[]) => times.map((time) => new Date(time).toISOString().slice(0, 10));

describe('chart formatting', () => {
  it('parses YYYY-MM and YYYY-MM-DD as UTC dates and refuses anything else', () => {
    expect(parseChartDate('2024-03')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseChartDate('2012-05-04')?.toISOString()).toBe('2012-05-04T00:00:00.000Z');
    for (const bad of ['2024-13', '2024-02-30', '2024-3', '24-03', 'March', '2024-03-01T00:00']) {
      expect(parseChartDate(bad), bad).toBeNull();
    }
  });

  it('formats months, dates, numbers and percents per locale', () => {
    expect(formatMonth('en', '2024-03')).toBe('Mar 2024');
    expect(formatMonth('zh', '2024-03')).toBe('2024年3月');
    expect(formatDate('en', '2012-05-04')).toBe('May 4, 2012');
    expect(formatDate('zh', '2012-05-04')).toBe('2012年5月4日');
    expect(formatPercent('en', 0.2857)).toBe('28.6%');
    expect(formatPercent('zh', 0.06)).toBe('6.0%');
    expect(formatPercent('en', 0.75, true)).toBe('75%');
    expect(formatCell('en', 'number', 12345)).toBe('12,345');
    expect(formatCell('zh', 'number', 12345.678)).toBe('12,345.68');
    expect(formatCell('en', 'percent', 1)).toBe('100.0%');
    expect(formatCell('en', 'month', '2024-12')).toBe('Dec 2024');
    expect(formatCell('zh', 'date', '2024-12-31')).toBe('2024年12月31日');
    expect(formatCell('en', 'text', '=x')).toBe('=x');
    expect(formatYear('zh', Date.UTC(2012, 0, 1))).toBe('2012年');
  });

  it('shows an empty cell for null and non-finite numbers and keeps malformed dates as given', () => {
    expect(formatCell('en', 'number', null)).toBe('');
    expect(formatCell('en', 'percent', Number.NaN)).toBe('');
    expect(formatCell('en', 'month', 'soon')).toBe('soon');
  });

  it('formats raw ICU messages with the named number formats', () => {
    const en = '{share, number, percent} ({count, number, count})';
    expect(formatPattern('en', en, { share: 0.5, count: 12345 })).toBe('50.0% (12,345)');
    expect(formatPattern('zh', '{share, number, percent}（{count, number, count}）', { share: 1 / 3, count: 3 })).toBe(
      '33.3%（3）',
    );
  });
});

describe('time ticks', () => {
  it('uses month ticks for a short span, aligned to the step', () => {
    const { ticks, unit } = timeTicks(chartTime('2024-01-15'), chartTime('2024-06-30'));
    expect(unit).toBe('month');
    expect(iso(ticks)).toEqual(['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01']);
  });

  it('uses year ticks on round years for a long span, never more than asked', () => {
    const { ticks, unit } = timeTicks(chartTime('1963-09-14'), chartTime('2026-11-26'));
    expect(unit).toBe('year');
    expect(iso(ticks)).toEqual(['1970-01-01', '1980-01-01', '1990-01-01', '2000-01-01', '2010-01-01', '2020-01-01']);
    expect(timeTicks(chartTime('2000-01-01'), chartTime('2099-12-31'), 5).ticks.length).toBeLessThanOrEqual(5);
  });

  it('includes the first day when it is a month start and gives nothing for an inverted range', () => {
    expect(iso(timeTicks(chartTime('2024-01-01'), chartTime('2024-03-01')).ticks)).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
    ]);
    expect(timeTicks(10, 5).ticks).toEqual([]);
  });

  it('picks category ticks for consecutive months from the months present', () => {
    const months = Array.from({ length: 150 }, (_, index) => {
      const date = new Date(Date.UTC(2012, 4 + index, 1));
      return date.toISOString().slice(0, 7);
    });
    const { ticks, unit } = monthTicks(months);
    expect(unit).toBe('year');
    expect(ticks).toEqual(['2014-01', '2016-01', '2018-01', '2020-01', '2022-01', '2024-01']);
    expect(monthTicks([])).toEqual({ ticks: [], unit: 'month' });
    expect(monthTicks(['2024-03'])).toEqual({ ticks: ['2024-03'], unit: 'month' });
  });

  it('sizes stacked bar charts by their number of bars', () => {
    expect(statusBarChartHeight(5)).toBe(5 * 36 + 96);
    expect(statusBarChartHeight(0)).toBe(160);
  });
});
