import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCsvRecords, csvStream, csvText, hasBom, neutraliseFormula, parseCsv, restoreFormula } from '@/lib/csv';

async function* from(rows: unknown[][]) {
  yield* rows;
}

async function exportCsv(header: string[], rows: unknown[][], bom = false): Promise<Uint8Array> {
  return new Uint8Array(await new Response(csvStream(header, from(rows), { bom })).arrayBuffer());
}

/** Arbitrary text, weighted towards what breaks CSV and spreadsheets: quotes, separators, line breaks, BOM,
 * formula starters and the apostrophe that neutralises them, beside any Unicode code point. */
const tricky = fc.constantFrom('"', ',', '\n', '\r', '\r\n', '\uFEFF', '=', '+', '-', '@', '\t', "'", ' ', ';');
const cellText = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('CSV formula neutralisation', () => {
  it('prefixes cells that start with = + - @ tab or CR, and cells of apostrophes followed by one', () => {
    expect(neutraliseFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('\rx')).toBe("'\rx");
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(neutraliseFormula("'quoted'")).toBe("'quoted'");
    expect(neutraliseFormula('plain = text')).toBe('plain = text');
  });

  it('restoreFormula undoes it for every string', () => {
    fc.assert(fc.property(cellText, (value) => restoreFormula(neutraliseFormula(value)) === value));
  });

  it('never exports a cell a spreadsheet would run as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(cellText, async (value) => {
        const text = new TextDecoder().decode(await exportCsv(['a', 'b'], [[value, 'x']]));
        const [, row] = text.split('\r\n');
        // The first cell of the data line, unquoted or quoted, never starts with a formula character.
        const firstCell = row!.startsWith('"') ? row!.slice(1) : row!;
        expect(firstCell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV round trip', () => {
  it('parse(export(x)) = x for arbitrary rows of Unicode text, with and without a BOM', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.tuple(fc.constant(width), fc.array(fc.array(cellText, { minLength: width, maxLength: width }))),
          ),
        fc.boolean(),
        async ([width, rows], bom) => {
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const bytes = await exportCsv(header, rows, bom);
          expect(hasBom(bytes)).toBe(bom);
          expect(countCsvRecords(bytes)).toBe(rows.length + 1);
          const parsed = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
          expect(parsed.map((record) => record.cells)).toEqual([header, ...rows]);
          expect(parsed.map((record) => record.line)).toEqual(parsed.map((_, index) => index + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps numbers, dates and empty cells as text a spreadsheet reads back', async () => {
    const bytes = await exportCsv(['n', 'd', 'e'], [[-1, new Date('2024-03-01T00:00:00Z'), null]]);
    expect(new TextDecoder().decode(bytes)).toBe('n,d,e\r\n-1,2024-03-01T00:00:00.000Z,\r\n');
    expect(await csvText(csvStream(['a'], from([['=1']]), { bom: true }))).toBe("\uFEFFa\r\n'=1\r\n");
  });

  it('reports malformed quotes with their line', () => {
    expect(() => parseCsv('a,b\r\n1,"unterminated\r\n')).toThrow(
      /Quote not closed: a quoted cell is still open at the end of the file \(line 3\)/,
    );
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/quote inside an unquoted cell on line 2/);
    expect(() => parseCsv('a,b\n"1\n2"x,y\n')).toThrow(/after a closing quote on line 3/);
  });

  it('reads LF, CR and CRLF line ends, skips blank lines and numbers records as a spreadsheet does', () => {
    expect(parseCsv('a,b\n\n1,2\r3,"4\r\n5"\r\n,\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4\r\n5'] },
      { line: 4, cells: ['', ''] },
    ]);
    expect(countCsvRecords(new TextEncoder().encode('a,b\n\n1,2\r3,"4\r\n5"\r\n,\n'))).toBe(4);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFFa,"b ""c"""')).toEqual([{ line: 1, cells: ['a', 'b "c"'] }]);
  });
});
