import { describe, expect, it } from 'vitest';
import { formatterFor } from '@/lib/i18n/formats';
import { filesMatching } from '@/tests/support/source-files';

describe('named formats (lib/i18n/formats.ts)', () => {
  it('shows an instant to the minute in UTC, saying so, in each language', () => {
    const at = new Date('2026-12-02T01:05:59Z');
    expect(formatterFor('en').dateTime(at, 'minute')).toBe('Dec 2, 2026, 01:05 UTC');
    expect(formatterFor('zh').dateTime(at, 'minute')).toBe('2026年12月2日 UTC 01:05');
  });

  it('shows a stored day as that calendar day, whatever the server’s zone', () => {
    // A PostgreSQL `date` comes back as UTC midnight; a server west of UTC must not print the day before.
    expect(formatterFor('en').dateTime(new Date('2012-05-04T00:00:00Z'), 'day')).toBe('May 4, 2012');
    expect(formatterFor('zh').dateTime(new Date('2012-05-04T00:00:00Z'), 'longDay')).toBe('2012年5月4日');
  });

  it('is the one way numbers and dates are formatted for readers', () => {
    // Pages use getFormatter / useFormatter; code outside a render formatterFor. Machine formats (CSV, the API)
    // write ISO days through lib/dates.ts.
    const handMade = /\.toLocale(Date|Time)?String\(|Intl\.(NumberFormat|DateTimeFormat)/;
    expect(filesMatching(handMade, ['app', 'components', 'lib'])).toEqual([]);
  });
});
