import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CountBarChart } from '@/components/charts/CountBarChart';
import { changeTable, coverageTable, groupProgressTable } from '@/components/dashboard/status-tables';
import { chartTableToCsv } from '@/lib/charts/csv';
import type { ChangeSince, ChangeSinceRow } from '@/lib/dashboard/queries';
import { emptyCounts, type StatusCounts } from '@/lib/status/constants';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

// The tables behind the early-work charts (table alternative, CSV and chart data at once), on hand-made figures.
const labels = Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, `L-${status}`])) as Record<
  (typeof IMPLEMENTATION_STATUSES)[number],
  string
>;
const counts = (known: Partial<StatusCounts>, pairs: number): StatusCounts => {
  const all = { ...emptyCounts(), ...known };
  return { ...all, NO_INFORMATION: pairs - Object.values(all).reduce((sum, n) => sum + n, 0) };
};
const row = (
  key: string,
  pairs: number,
  before: Partial<StatusCounts>,
  after: Partial<StatusCounts>,
  newly = 0,
  changed = 0,
): ChangeSinceRow => ({
  key,
  label: `G-${key}`,
  pairs,
  before: counts(before, pairs),
  after: counts(after, pairs),
  newlyCovered: newly,
  changed,
});

describe('coverage table', () => {
  it('counts pairs with evidence per month and their share, and is empty without evidence', () => {
    const series = {
      pairs: 6176,
      from: '2024-01',
      to: '2024-02',
      points: [
        { month: '2024-01', counts: counts({}, 6176) },
        { month: '2024-02', counts: counts({ IN_PROGRESS: 2, NOT_APPLICABLE: 1 }, 6176) },
      ],
    };
    const headings = { month: 'Month', withEvidence: 'With', coverage: 'Coverage', pairs: 'Pairs' };
    const table = coverageTable(series, labels, headings);
    expect(table.columns.map((column) => column.key)).toEqual([
      'month',
      'FULLY_IMPLEMENTED',
      'PARTIALLY_IMPLEMENTED',
      'IN_PROGRESS',
      'NOT_STARTED',
      'NOT_APPLICABLE',
      'withEvidence',
      'coverage',
      'pairs',
    ]);
    expect(table.rows[1]).toEqual({
      month: '2024-02',
      FULLY_IMPLEMENTED: 0,
      PARTIALLY_IMPLEMENTED: 0,
      IN_PROGRESS: 2,
      NOT_STARTED: 0,
      NOT_APPLICABLE: 1,
      withEvidence: 3,
      coverage: 3 / 6176,
      pairs: 6176,
    });
    expect(chartTableToCsv(table).split('\r\n')[2]).toBe(`2024-02,0,0,2,0,1,3,${3 / 6176},6176`);
    expect(coverageTable({ ...series, points: [series.points[0]!] }, labels, headings).rows).toEqual([]);
  });
});

describe('change since and progress per group', () => {
  const change: ChangeSince = {
    since: '2021-06',
    to: '2022-03',
    total: row('all', 200, { IN_PROGRESS: 1 }, { FULLY_IMPLEMENTED: 1, NOT_STARTED: 2 }, 2, 1),
    groups: [
      row('AFRICAN', 120, { IN_PROGRESS: 1 }, { FULLY_IMPLEMENTED: 1, NOT_STARTED: 1 }, 1, 1),
      row('ASIA_PACIFIC', 80, {}, { NOT_STARTED: 1 }, 1, 0),
    ],
  };

  it('gives each status then and now and the difference', () => {
    const table = changeTable(change, labels, { status: 'Status', before: 'Then', after: 'Now', change: 'Change' });
    expect(table.rows).toEqual([
      { status: 'L-FULLY_IMPLEMENTED', before: 0, after: 1, change: 1 },
      { status: 'L-PARTIALLY_IMPLEMENTED', before: 0, after: 0, change: 0 },
      { status: 'L-IN_PROGRESS', before: 1, after: 0, change: -1 },
      { status: 'L-NOT_STARTED', before: 0, after: 2, change: 2 },
      { status: 'L-NOT_APPLICABLE', before: 0, after: 0, change: 0 },
    ]);
  });

  it('splits each group’s covered pairs into those covered before and those new since', () => {
    const table = groupProgressTable(change, {
      group: 'Group',
      coveredBefore: 'Before',
      newlyCovered: 'New',
      coveredAfter: 'Now',
      coverage: 'Coverage',
      changed: 'Changed',
      pairs: 'Pairs',
    });
    expect(table.rows).toEqual([
      {
        group: 'G-AFRICAN',
        coveredBefore: 1,
        newlyCovered: 1,
        coveredAfter: 2,
        coverage: 2 / 120,
        changed: 1,
        pairs: 120,
      },
      {
        group: 'G-ASIA_PACIFIC',
        coveredBefore: 0,
        newlyCovered: 1,
        coveredAfter: 1,
        coverage: 1 / 80,
        changed: 0,
        pairs: 80,
      },
    ]);
    // Before + new = now, in every group.
    for (const r of table.rows) expect(Number(r.coveredBefore) + Number(r.newlyCovered)).toBe(r.coveredAfter);
    const nothing = { ...change, total: row('all', 200, {}, {}), groups: [] };
    expect(changeTable(nothing, labels, { status: 'S', before: 'B', after: 'A', change: 'C' }).rows).toEqual([]);
  });

  it('draws the legend of its series on the server, before the chart hydrates', () => {
    const table = changeTable(change, labels, { status: 'Status', before: 'Then', after: 'Now', change: 'Change' });
    const html = renderToString(
      createElement(CountBarChart, {
        id: 'change',
        table,
        category: 'status',
        axis: 'category',
        stacked: false,
        series: [
          { key: 'before', label: 'Then' },
          { key: 'after', label: 'Now' },
        ],
        strings: { total: 'Total', shareAndCount: '{share} ({count})', legend: 'Legend' },
        locale: 'en',
      }),
    );
    expect(html).toContain('<span>Then</span>');
    expect(html).toContain('<span>Now</span>');
  });
});
