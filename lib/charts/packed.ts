import type { ChartCell, ChartColumn, ChartTable } from '@/lib/charts/types';

/**
 * A chart's table as it travels to the browser: each row an array of cells in `keys` order instead of an object
 * that repeats every key. A month series of 20 years (240 rows × 9 columns) is ~12 kB instead of ~50 kB in the
 * page's React payload. `keys` lists every property of the rows (the columns' keys first, then any others such as a
 * bar's `key`), so unpacking gives back the same rows.
 */
export interface PackedChartTable {
  columns: ChartColumn[];
  keys: string[];
  rows: ChartCell[][];
}

const packed = new WeakMap<ChartTable, PackedChartTable>();

/**
 * The packed form of `table`. The same table object always gives the same packed object, so that the chart and its
 * table alternative, handed the same table, send it once (React's payload refers to an object it already sent).
 */
export function packTable(table: ChartTable): PackedChartTable {
  const known = packed.get(table);
  if (known) return known;
  const keys = table.columns.map((column) => column.key);
  for (const row of table.rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  const result = { columns: table.columns, keys, rows: table.rows.map((row) => keys.map((key) => row[key] ?? null)) };
  packed.set(table, result);
  return result;
}

/** The table back from its packed form: rows as objects keyed by `keys` (cells that were missing come back null). */
export function unpackTable(table: PackedChartTable): ChartTable {
  return {
    columns: table.columns,
    rows: table.rows.map((cells) => Object.fromEntries(table.keys.map((key, index) => [key, cells[index] ?? null]))),
  };
}
