import { describe, expect, it } from 'vitest';
import { packTable, unpackTable } from '@/lib/charts/packed';
import type { ChartTable } from '@/lib/charts/types';

const table: ChartTable = {
  columns: [
    { key: 'month', label: 'Month', kind: 'month' },
    { key: 'count', label: 'Pairs', kind: 'number' },
  ],
  // A row may hold properties that are not columns (a bar's key) and may lack a column (an empty cell).
  rows: [
    { month: '2024-03', count: 6948, key: 'a' },
    { month: '2024-04', key: 'b' },
  ],
};

describe('packTable / unpackTable (lib/charts/packed.ts)', () => {
  it('sends each row as an array of cells, the columns first, then the other properties', () => {
    const packed = packTable(table);
    expect(packed.keys).toEqual(['month', 'count', 'key']);
    expect(packed.rows).toEqual([
      ['2024-03', 6948, 'a'],
      ['2024-04', null, 'b'],
    ]);
    expect(packed.columns).toBe(table.columns);
  });

  it('gives back the same rows (a missing cell as null)', () => {
    expect(unpackTable(packTable(table))).toEqual({
      columns: table.columns,
      rows: [
        { month: '2024-03', count: 6948, key: 'a' },
        { month: '2024-04', count: null, key: 'b' },
      ],
    });
  });

  it('packs one table object once, so the chart and its table alternative share the copy', () => {
    expect(packTable(table)).toBe(packTable(table));
    expect(packTable({ ...table })).not.toBe(packTable(table));
  });

  it('is smaller than the rows as objects', () => {
    const series: ChartTable = {
      columns: table.columns,
      rows: Array.from({ length: 240 }, (_, index) => ({ month: `20${10 + Math.floor(index / 12)}-01`, count: index })),
    };
    expect(JSON.stringify(packTable(series)).length).toBeLessThan(JSON.stringify(series).length * 0.7);
  });
});
