import type { ChartTable } from '@/lib/charts/types';
import type { ChangeSince, StatusBreakdownRow, StatusSeries } from '@/lib/dashboard/queries';
import { pairsWithEvidence } from '@/lib/status/constants';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/**
 * The aggregates as the table alternative, which is also the CSV export and the chart's data: a chart reads the
 * rows of the same table object (columns it draws, plus a bar's key where it needs one), so the two cannot disagree
 * and the page carries the data once.
 */
type StatusLabels = Record<ImplementationStatus, string>;

/** Whether any pair has any information in the series: otherwise the chart shows its empty state. */
export function seriesHasEvidence(series: StatusSeries): boolean {
  return series.points.some((point) => point.counts.NO_INFORMATION < series.pairs);
}

export function seriesTable(
  series: StatusSeries,
  labels: StatusLabels,
  headings: { month: string; pairs: string },
): ChartTable {
  return {
    columns: [
      { key: 'month', label: headings.month, kind: 'month' },
      ...IMPLEMENTATION_STATUSES.map((status) => ({ key: status, label: labels[status], kind: 'number' as const })),
      { key: 'pairs', label: headings.pairs, kind: 'number' },
    ],
    rows: seriesHasEvidence(series)
      ? series.points.map((point) => ({ month: point.month, ...point.counts, pairs: series.pairs }))
      : [],
  };
}

export function breakdownTable(
  rows: StatusBreakdownRow[],
  labels: StatusLabels,
  headings: { category: string; pairs: string },
): ChartTable {
  const any = rows.some((row) => row.counts.NO_INFORMATION < row.pairs);
  return {
    columns: [
      { key: 'label', label: headings.category, kind: 'text' },
      ...IMPLEMENTATION_STATUSES.map((status) => ({ key: status, label: labels[status], kind: 'number' as const })),
      { key: 'pairs', label: headings.pairs, kind: 'number' },
    ],
    // `key` (the theme or group code, which the bars' links use) is no column: neither shown nor exported.
    rows: any ? rows.map((row) => ({ key: row.key, label: row.label, ...row.counts, pairs: row.pairs })) : [],
  };
}

/** Statuses a pair has once it has verified evidence (every one but "no information"). */
const KNOWN_STATUSES = IMPLEMENTATION_STATUSES.filter((status) => status !== 'NO_INFORMATION');

/**
 * Coverage month by month: the pairs at each status that has evidence (counts), the pairs with any evidence, their
 * share of all pairs (a fraction) and all pairs. The chart draws the status columns; no rows when nothing has
 * evidence in the range (the chart's empty state).
 */
export function coverageTable(
  series: StatusSeries,
  labels: StatusLabels,
  headings: { month: string; withEvidence: string; coverage: string; pairs: string },
): ChartTable {
  return {
    columns: [
      { key: 'month', label: headings.month, kind: 'month' },
      ...KNOWN_STATUSES.map((status) => ({ key: status, label: labels[status], kind: 'number' as const })),
      { key: 'withEvidence', label: headings.withEvidence, kind: 'number' },
      { key: 'coverage', label: headings.coverage, kind: 'percent' },
      { key: 'pairs', label: headings.pairs, kind: 'number' },
    ],
    rows: seriesHasEvidence(series)
      ? series.points.map((point) => {
          const withEvidence = pairsWithEvidence(point.counts);
          return {
            month: point.month,
            ...Object.fromEntries(KNOWN_STATUSES.map((status) => [status, point.counts[status]])),
            withEvidence,
            coverage: series.pairs ? withEvidence / series.pairs : 0,
            pairs: series.pairs,
          };
        })
      : [],
  };
}

/**
 * The pairs at each status at the start of `since` and at the range's end, and the difference; no rows when no
 * pair has evidence by the range's end (the chart's empty state).
 */
export function changeTable(
  change: ChangeSince,
  labels: StatusLabels,
  headings: { status: string; before: string; after: string; change: string },
): ChartTable {
  const { before, after } = change.total;
  return {
    columns: [
      { key: 'status', label: headings.status, kind: 'text' },
      { key: 'before', label: headings.before, kind: 'number' },
      { key: 'after', label: headings.after, kind: 'number' },
      { key: 'change', label: headings.change, kind: 'number' },
    ],
    rows:
      pairsWithEvidence(after) > 0
        ? KNOWN_STATUSES.map((status) => ({
            status: labels[status],
            before: before[status],
            after: after[status],
            change: after[status] - before[status],
          }))
        : [],
  };
}

/**
 * Each UN regional group's pairs with evidence before `since` and those newly covered since (which add up to the
 * pairs with evidence at the range's end), the share of the group's pairs covered, the pairs that changed status
 * and all pairs; no rows when no pair has evidence by the range's end.
 */
export function groupProgressTable(
  change: ChangeSince,
  headings: {
    group: string;
    coveredBefore: string;
    newlyCovered: string;
    coveredAfter: string;
    coverage: string;
    changed: string;
    pairs: string;
  },
): ChartTable {
  return {
    columns: [
      { key: 'group', label: headings.group, kind: 'text' },
      { key: 'coveredBefore', label: headings.coveredBefore, kind: 'number' },
      { key: 'newlyCovered', label: headings.newlyCovered, kind: 'number' },
      { key: 'coveredAfter', label: headings.coveredAfter, kind: 'number' },
      { key: 'coverage', label: headings.coverage, kind: 'percent' },
      { key: 'changed', label: headings.changed, kind: 'number' },
      { key: 'pairs', label: headings.pairs, kind: 'number' },
    ],
    rows:
      pairsWithEvidence(change.total.after) > 0
        ? change.groups.map((row) => {
            const coveredAfter = pairsWithEvidence(row.after);
            return {
              group: row.label,
              coveredBefore: pairsWithEvidence(row.before),
              newlyCovered: row.newlyCovered,
              coveredAfter,
              coverage: row.pairs ? coveredAfter / row.pairs : 0,
              changed: row.changed,
              pairs: row.pairs,
            };
          })
        : [],
  };
}
