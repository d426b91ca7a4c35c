import type { StatusAreaChartProps } from '@/components/charts/StatusAreaChart';
import type { StatusBarRow } from '@/components/charts/StatusBarChart';
import type { ChartTable } from '@/lib/charts/types';
import type { StatusBreakdownRow, StatusSeries } from '@/lib/dashboard/queries';
import { IMPLEMENTATION_STATUSES, type ImplementationStatusValue } from '@/lib/status/constants';

/**
 * The same aggregates as chart data and as the table alternative (which is also the CSV export), built side by
 * side so that the two cannot disagree.
 */
type StatusLabels = Record<ImplementationStatusValue, string>;

/** Whether any pair has any information in the series: otherwise the chart shows its empty state. */
export function seriesHasEvidence(series: StatusSeries): boolean {
  return series.points.some((point) => point.counts.NO_INFORMATION < series.pairs);
}

export function seriesChartData(series: StatusSeries): StatusAreaChartProps['data'] {
  return series.points.map((point) => ({ month: point.month, ...point.counts }));
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

export function breakdownChartData(rows: StatusBreakdownRow[]): StatusBarRow[] {
  return rows.map((row) => ({ key: row.key, label: row.label, ...row.counts }));
}

export function breakdownTable(
  rows: StatusBreakdownRow[],
  labels: StatusLabels,
  headings: { category: string; pairs: string },
): ChartTable {
  const any = rows.some((row) => row.counts.NO_INFORMATION < row.pairs);
  return {
    columns: [
      { key: 'category', label: headings.category, kind: 'text' },
      ...IMPLEMENTATION_STATUSES.map((status) => ({ key: status, label: labels[status], kind: 'number' as const })),
      { key: 'pairs', label: headings.pairs, kind: 'number' },
    ],
    rows: any ? rows.map((row) => ({ category: row.label, ...row.counts, pairs: row.pairs })) : [],
  };
}
