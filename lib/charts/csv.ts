import type { ChartCell, ChartTable } from '@/lib/charts/types';
import { neutraliseFormula } from '@/lib/csv-formula';

/**
 * The chart data as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so Excel reads Chinese correctly).
 * Written by hand rather than with csv-stringify because its browser build weighs ~80 kB (it bundles a Buffer
 * polyfill) and the chart export runs in the browser.
 *
 * Values are raw, not formatted: months stay 'YYYY-MM', dates 'YYYY-MM-DD', percents are fractions with every
 * digit JavaScript needs to round-trip them. Text that a spreadsheet would run as a formula is neutralised the
 * same way as every other CSV export (lib/csv-formula.ts); numbers are written as numbers (a count of -1 is no
 * formula).
 */
export const CSV_BOM = '\uFEFF';

export function csvField(value: ChartCell | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function chartTableToCsv(table: ChartTable): string {
  const lines = [
    table.columns.map((column) => csvField(column.label)).join(','),
    ...table.rows.map((row) => table.columns.map((column) => csvField(row[column.key])).join(',')),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
