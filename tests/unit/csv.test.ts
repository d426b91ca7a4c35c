import { describe, expect, it } from 'vitest';
import {
  countCsvRecords,
  csvStream,
  csvText,
  hasBom,
  neutraliseFormula,
  parseCsv,
  restoreFormula,
  sniffSeparator,
} from '@/lib/csv';
import fc from '../support/fast-check';

async function* from(rows: unknown[][]) {
  yield* rows;
}

async function exportCsv(header: string[], rows: unknown[][], bom = false): Promise<Uint8Array> {
  return new Uint8Array(await new Response(csvStream(header, from(rows), { bom })).arrayBuffer());
}

/** Arbitrary text, weighted towards what breaks CSV and spreadsheets: quotes, separators, line breaks, BOM,
 * formula starters and the apostrophe that neutralises them, beside any Unicode code point. */
const tricky = fc.constantFrom(
  '"',
  ',',
  '\n',
  '\r',
  '\r\n',
  '\uFEFF',
  '=',
  '+',
  '-',
  '@',
  '\t',
  "'",
  ' ',
  ';',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u0085',
  '',
);
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
          const parsed = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
          // Rows whose every cell is blank are skipped (a cleared spreadsheet row), the others keep their row number.
          const kept = [header, ...rows]
            .map((cells, index) => ({ line: index + 1, cells }))
            .filter(({ cells }) => cells.some((cell) => neutraliseFormula(cell).trim() !== ''));
          expect(parsed).toEqual(kept);
          expect(countCsvRecords(bytes)).toBe(kept.length);
        },
      ),
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
    // A spreadsheet shows the blank line as row 2; the quoted line break stays inside row 4.
    expect(parseCsv('a,b\n\n1,2\r3,"4\r\n5"\r\n,\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4\r\n5'] },
    ]);
    expect(countCsvRecords(new TextEncoder().encode('a,b\n\n1,2\r3,"4\r\n5"\r\n,\n'))).toBe(3);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFFa,"b ""c"""')).toEqual([{ line: 1, cells: ['a', 'b "c"'] }]);
  });
});

describe('empty rows, as spreadsheets write them', () => {
  const file = [
    'id,summary,tags',
    '1,first,x',
    ',,', // a cleared row
    ' , \t ,  ', // whitespace only
    '"","",""', // quoted empty cells
    '\u00A0,"\u3000",\uFEFF', // Unicode spaces, as String.prototype.trim sees them
    '" ","\r\n",', // a quoted line break alone is blank too
    '2,second,y',
    ',,',
    '',
  ].join('\r\n');

  it('skips rows whose every cell is empty or whitespace, keeping the spreadsheet row numbers', () => {
    expect(parseCsv(file)).toEqual([
      { line: 1, cells: ['id', 'summary', 'tags'] },
      { line: 2, cells: ['1', 'first', 'x'] },
      { line: 8, cells: ['2', 'second', 'y'] },
    ]);
  });

  it('counts for the row limit exactly the rows the parser keeps', () => {
    expect(countCsvRecords(new TextEncoder().encode(file))).toBe(3);
    // A cell holding a quote, an apostrophe or a zero is content, not blank.
    const content = 'a,b\n"""""",\n\',\n0,\n';
    expect(countCsvRecords(new TextEncoder().encode(content))).toBe(4);
    expect(parseCsv(content).map((record) => record.line)).toEqual([1, 2, 3, 4]);
  });

  it('agrees with the parser on arbitrary files', () => {
    const blankish = fc.constantFrom(
      '',
      ' ',
      '\t',
      '""',
      '" "',
      '"\n"',
      '\u00A0',
      '\uFEFF',
      '\u2003',
      'x',
      '""""',
      "'",
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(blankish, cellText), { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        (rows, end) => {
          // Quoted or blank cells as they are, so that raw blank cells reach the scanner too; others quoted if needed.
          const text = rows
            .map((cells) =>
              cells
                .map((cell) =>
                  /^".*"$/s.test(cell) || !/[",\r\n]/.test(cell) ? cell : `"${cell.replace(/"/g, '""')}"`,
                )
                .join(','),
            )
            .join(end);
          let parsed: ReturnType<typeof parseCsv>;
          try {
            parsed = parseCsv(text);
          } catch {
            return; // malformed quotes: refused before any count matters
          }
          expect(countCsvRecords(new TextEncoder().encode(text))).toBe(parsed.length);
        },
      ),
      { seed: 20260530 },
    );
  });
});

describe('separator sniffing', () => {
  it('tells semicolon- and tab-separated headers from comma-separated ones', () => {
    expect(sniffSeparator('id,version,state\r\n1;2;3\r\n')).toBe(',');
    expect(sniffSeparator('id;version;state;summary_en\r\n1;2;3;"a, b, c"\r\n')).toBe(';');
    expect(sniffSeparator('"id";"version";"state"\n')).toBe(';');
    expect(sniffSeparator('\uFEFFid\tversion\tstate\n')).toBe('\t');
    expect(sniffSeparator('"a;b;c",d\n')).toBe(',');
    expect(sniffSeparator('')).toBe(',');
    expect(sniffSeparator('\r\n \r\nid;version;state\r\n')).toBe(';');
  });
});
