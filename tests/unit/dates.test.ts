import { describe, expect, it } from 'vitest';
import { filesMatching } from '@/tests/support/source-files';
import { isIsoDay, isoDay, isoDayOrNull, isoMonth, parseIsoDay } from '@/lib/dates';

describe('the date module', () => {
  it('writes days and months in UTC whatever the server’s zone', () => {
    // A PostgreSQL `date` comes back as UTC midnight; a server west of UTC must not print the day before.
    expect(isoDay(new Date('2012-05-04T00:00:00Z'))).toBe('2012-05-04');
    expect(isoDay(new Date('2012-05-04T23:59:59Z'))).toBe('2012-05-04');
    expect(isoMonth(new Date('2012-05-31T23:59:59Z'))).toBe('2012-05');
    expect(isoDayOrNull(null)).toBeNull();
    expect(isoDayOrNull(undefined)).toBeNull();
  });

  it('parses only real days written YYYY-MM-DD', () => {
    expect(parseIsoDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of [
      '2023-02-29',
      '2024-02-30',
      '2024-2-3',
      '2024-13-01',
      '24-02-03',
      'soon',
      '',
      '2024-02-03T00:00',
    ]) {
      expect(isIsoDay(bad), bad).toBe(false);
    }
  });

  it('is the only place that slices ISO strings into days and months', () => {
    // The shape this module replaced: `….toISOString().slice(0, 10)` (a day) or `.slice(0, 7)` (a month).
    const slicing = /toISOString\(\)\.slice\(0, (7|10)\)/;
    const offenders = filesMatching(slicing, ['app', 'components', 'lib', 'scripts', 'bench'], {
      extensions: /\.tsx?$/,
    });
    expect(offenders).toEqual([]);
  });
});
