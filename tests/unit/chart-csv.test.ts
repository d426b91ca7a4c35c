import { describe, expect, it } from 'vitest';
import { chartTableToCsv, CSV_BOM, csvField } from '@/lib/charts/csv';
import type { ChartTable } from '@/lib/charts/types';
import { neutraliseFormula } from '@/lib/csv';

describe('csvField', () => {
  it('quotes fields holding commas, quotes, CR or LF, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it('neutralises text a spreadsheet would run as a formula, like every other CSV export', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField('a=b')).toBe('a=b');
    // The same rule as the server-side export (lib/csv.ts re-exports the shared function).
    for (const text of ['=1', '+1', '-1', '@1', '\t1', '\r1', 'x']) {
      expect(csvField(text).replace(/^"|"$/g, '')).toBe(neutraliseFormula(text));
    }
  });

  it('writes numbers as numbers (a negative count is no formula) and null, NaN, Infinity as empty', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(0.123456789)).toBe('0.123456789');
    expect(csvField(1 / 3)).toBe('0.3333333333333333');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('chartTableToCsv', () => {
  const table: ChartTable = {
    columns: [
      { key: 'month', label: '月份', kind: 'month' },
      { key: 'label', label: 'Group, name', kind: 'text' },
      { key: 'count', label: '数量', kind: 'number' },
      { key: 'share', label: 'Share', kind: 'percent' },
      { key: 'day', label: 'Date', kind: 'date' },
    ],
    rows: [
      { month: '2024-03', label: '非洲国家', count: 54, share: 0.2857142857142857, day: '2012-05-04' },
      { month: '2024-04', label: '=cmd|"/c calc"!A1', count: 0, share: 0, day: null },
      { month: '2024-05', label: 'Two\nlines', count: 7, share: 1 },
    ],
  };

  it('starts with a UTF-8 BOM, writes the labels as header and raw values, CRLF line ends', () => {
    const csv = chartTableToCsv(table);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(CSV_BOM).toBe('\uFEFF');
    expect(csv.slice(1).split('\r\n')).toEqual([
      '月份,"Group, name",数量,Share,Date',
      '2024-03,非洲国家,54,0.2857142857142857,2012-05-04',
      `2024-04,"'=cmd|""/c calc""!A1",0,0,`,
      '2024-05,"Two\nlines",7,1,',
      '',
    ]);
  });

  it('encodes Chinese as UTF-8 with the BOM bytes first', () => {
    const bytes = new TextEncoder().encode(chartTableToCsv(table));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).startsWith('月份,')).toBe(true);
  });

  it('writes just the header for a table without rows', () => {
    expect(chartTableToCsv({ columns: [{ key: 'a', label: 'A', kind: 'text' }], rows: [] })).toBe('\uFEFFA\r\n');
  });
});
