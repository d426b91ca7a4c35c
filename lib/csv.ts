import { stringify } from 'csv-stringify';

/**
 * The one CSV module, for exports and imports alike. Spreadsheet safety: a cell starting with = + - @ tab or CR
 * would run as a formula in Excel or LibreOffice, so it is prefixed with an apostrophe, which spreadsheets show as
 * text. So that the prefix can be told from an apostrophe the text itself starts with, a cell made of apostrophes
 * followed by such a character gets one more apostrophe too; `restoreFormula` removes exactly that one on import,
 * which makes restoreFormula(neutraliseFormula(x)) = x for every string x.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseFormula, for imported cells. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && NEEDS_PREFIX.test(value.slice(1)) ? value.slice(1) : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  // A number is never a formula; "-1" stays a number in the spreadsheet.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'object') return neutraliseFormula(JSON.stringify(value));
  return neutraliseFormula(String(value));
}

/** Streams rows as CSV (UTF-8, with a BOM when asked, for Excel), one header line first. */
export function csvStream(
  header: string[],
  rows: AsyncIterable<unknown[]>,
  { bom = false } = {},
): ReadableStream<Uint8Array> {
  // csv-stringify quotes only the record delimiter itself (CRLF): a lone LF or CR in a cell must be quoted too.
  const stringifier = stringify({ bom, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  const encoder = new TextEncoder();
  void (async () => {
    try {
      stringifier.write(header);
      for await (const row of rows) {
        if (!stringifier.write(row.map(cell))) await new Promise((resolve) => stringifier.once('drain', resolve));
      }
      stringifier.end();
    } catch (error) {
      stringifier.destroy(error as Error);
    }
  })();
  // Pulled, not pushed: a slow reader (a slow download) stops the stringifier, whose full buffer stops the loop
  // above, which stops reading rows from the database. Memory stays at about one batch.
  const chunks = stringifier[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = (await chunks.next()) as IteratorResult<string | Buffer>;
          if (done) controller.close();
          else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel(reason) {
        stringifier.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** A whole CSV stream as text (tests, small exports). */
export async function csvText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** Whether the bytes start with the UTF-8 byte order mark. */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Counts the records of a CSV file (header included) without parsing it: line breaks outside quotes (blank lines
 * not counted), plus a last line without one. Cheap enough to refuse a file over the row limit before the full parse.
 */
export function countCsvRecords(bytes: Uint8Array): number {
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x22) {
      quoted = !quoted;
      lineHasContent = true;
    } else if ((byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) && !quoted) {
      // LF, CRLF (counted at its LF) or a lone CR ends a record.
      if (lineHasContent) records++;
      lineHasContent = false;
    } else if (byte !== 0x0d) {
      lineHasContent = true;
    }
  }
  return lineHasContent ? records + 1 : records;
}

export interface CsvRecord {
  /** 1-based record number in the file, the header being 1: the row number a spreadsheet shows. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses CSV text (RFC 4180, as csvStream writes it and spreadsheets save it): a leading BOM is dropped, quoted
 * cells keep their quotes ("") and line breaks, records end with CRLF, LF or CR, blank lines are skipped, and
 * each cell has its formula prefix removed. Hand-written rather than csv-parse because imports parse 100,000+
 * rows while the user waits, and this is about ten times faster; the property test in tests/unit/csv.test.ts
 * holds it to parse(export(x)) = x. Throws CsvSyntaxError with the physical line of a malformed quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let physicalLine = 1;
  let cells: string[] = [];
  const endRecord = () => {
    // A blank line is one empty cell: skip it.
    if (!(cells.length === 1 && cells[0] === '')) {
      records.push({ line: records.length + 1, cells: cells.map(restoreFormula) });
    }
    cells = [];
  };
  if (i >= length) return records;
  for (;;) {
    // At the start of a cell.
    if (text.charCodeAt(i) === 0x22) {
      const startLine = physicalLine;
      let value = '';
      let from = ++i;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) throw new CsvSyntaxError(startLine, `Quote not closed: the cell opened on line ${startLine}`);
        for (let k = i; k < quote; k++) if (text.charCodeAt(k) === 0x0a) physicalLine++;
        if (text.charCodeAt(quote + 1) === 0x22) {
          value += text.slice(from, quote + 1);
          i = from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      cells.push(value);
      const next = text.charCodeAt(i);
      if (i < length && next !== 0x2c && next !== 0x0a && next !== 0x0d) {
        throw new CsvSyntaxError(physicalLine, `Unexpected text after a closing quote on line ${physicalLine}`);
      }
    } else {
      let end = i;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === 0x2c || code === 0x0a || code === 0x0d) break;
        if (code === 0x22) {
          throw new CsvSyntaxError(physicalLine, `A quote inside an unquoted cell on line ${physicalLine}`);
        }
        end++;
      }
      cells.push(text.slice(i, end));
      i = end;
    }
    // After a cell: a comma, a line break or the end.
    if (i >= length) {
      endRecord();
      return records;
    }
    const code = text.charCodeAt(i);
    if (code === 0x2c) {
      i++;
      if (i >= length) {
        cells.push('');
        endRecord();
        return records;
      }
      continue;
    }
    i += code === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    physicalLine++;
    endRecord();
    if (i >= length) return records;
  }
}
