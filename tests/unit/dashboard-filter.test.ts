import { describe, expect, it } from 'vitest';
import { filterQuery, knownDashboardFilter, parseDashboardFilter } from '@/lib/dashboard/filter';
import { addMonths, monthsBetween } from '@/lib/dates';

describe('dashboard filters in the URL', () => {
  it('keeps well-formed values and drops the rest, so a stale link still opens', () => {
    expect(
      parseDashboardFilter({
        theme: 'terrorist-financing',
        commitment: 'P08-financing',
        group: 'AFRICAN',
        country: 'KEN',
        from: '2012-05',
        to: '2020-12',
      }),
    ).toEqual({
      theme: 'terrorist-financing',
      commitment: 'P08-financing',
      group: 'AFRICAN',
      country: 'KEN',
      from: '2012-05',
      to: '2020-12',
    });
    expect(
      parseDashboardFilter({
        theme: 'DROP TABLE',
        group: 'MARS',
        country: 'kenya',
        from: '2012-13',
        to: '1850-01',
        commitment: ['P08-financing', 'P12-conventions'],
      }),
    ).toEqual({ commitment: 'P08-financing' });
  });

  it('keeps a well-formed "change since" month and drops a malformed one', () => {
    expect(parseDashboardFilter({ since: '2021-06', to: '2022-03' })).toEqual({ since: '2021-06', to: '2022-03' });
    expect(parseDashboardFilter({ since: '2021-6' })).toEqual({});
    expect(parseDashboardFilter({ since: '2021-06-01' })).toEqual({});
    // The page names a dropped month in its notice, as it does an unknown country.
    expect(knownDashboardFilter({ since: '2021-13' }, { themes: [], commitments: [], countries: [] })).toEqual({
      filter: {},
      ignored: [{ name: 'since', value: '2021-13' }],
    });
    expect(filterQuery({ to: '2022-03', since: '2021-06' })).toBe('?to=2022-03&since=2021-06');
    expect([addMonths('2022-03', -11), addMonths('2021-12', 1), addMonths('2020-01', -1)]).toEqual([
      '2021-04',
      '2022-01',
      '2019-12',
    ]);
  });

  it('reads a reversed range as the range it names', () => {
    expect(parseDashboardFilter({ from: '2020-01', to: '2010-06' })).toMatchObject({ from: '2010-06', to: '2020-01' });
  });

  it('writes the filter back as a query string, with extras', () => {
    expect(filterQuery({ group: 'AFRICAN', from: '2012-05' }, { sort: 'progress' })).toBe(
      '?group=AFRICAN&from=2012-05&sort=progress',
    );
    expect(filterQuery({})).toBe('');
  });

  it('lists every month of a range, and the widest range stays within the ~2,000 points a chart may receive', () => {
    expect(monthsBetween('2011-11', '2012-02')).toEqual(['2011-11', '2011-12', '2012-01', '2012-02']);
    expect(monthsBetween('2012-05', '2012-05')).toEqual(['2012-05']);
    expect(monthsBetween('1990-01', '2100-12')).toHaveLength(1332);
  });
});
