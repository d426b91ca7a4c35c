/**
 * The data behind one chart, as a table: what the "show as table" alternative shows and what the CSV export writes.
 * Months are 'YYYY-MM' strings, dates 'YYYY-MM-DD', percents fractions 0..1; null is an empty cell.
 */
export type ChartColumnKind = 'text' | 'number' | 'percent' | 'month' | 'date';

export interface ChartColumn {
  key: string;
  /** Column heading in the reader's language (table header and CSV header). */
  label: string;
  kind: ChartColumnKind;
}

export type ChartCell = string | number | null;

export interface ChartTable {
  columns: ChartColumn[];
  rows: Record<string, ChartCell>[];
}

/** Words the client charts need, in the reader's language; build it on the server with getChartStrings(). */
export interface ChartStrings {
  /** Tooltip line for the sum of a stacked bar or area. */
  total: string;
  /** Tooltip value of a stacked share, an ICU message of the numbers `share` (0..1) and `count`:
   * "{share, number, percent} ({count, number, count})"; format it with lib/charts/format.ts's formatPattern. */
  shareAndCount: string;
  /** Accessible name of the legend list. */
  legend: string;
}

/** A legend entry: colour, optional hatch (for NOT_APPLICABLE) or dash (line series), label. */
export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  hatch?: boolean;
  dash?: string;
  shape: 'square' | 'line';
}
