import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import { neutraliseFormula, restoreFormula } from '@/lib/csv-formula';

/** The one CSV module, for exports and imports alike; formula neutralisation lives in lib/csv-formula.ts. */
export { neutraliseFormula, restoreFormula };

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
 * The byte length of the whitespace character (as String.prototype.trim counts whitespace) that starts at `i` in
 * UTF-8 bytes, or 0: space, tab, VT, FF, NBSP, the Unicode space separators, U+2028/9 and the BOM. CR and LF are
 * handled by the callers.
 */
function whitespaceAt(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 === 0x20 || b0 === 0x09 || b0 === 0x0b || b0 === 0x0c) return 1;
  const b1 = bytes[i + 1];
  if (b0 === 0xc2) return b1 === 0xa0 ? 2 : 0;
  const b2 = bytes[i + 2];
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80 ? 3 : 0;
  if (b0 === 0xe2 && b1 === 0x80 && b2 !== undefined) {
    return (b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf ? 3 : 0;
  }
  if (b0 === 0xe2) return b1 === 0x81 && b2 === 0x9f ? 3 : 0;
  if (b0 === 0xe3) return b1 === 0x80 && b2 === 0x80 ? 3 : 0;
  if (b0 === 0xef) return b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  return 0;
}

/**
 * Counts the data-bearing records of a CSV file (header included) without parsing it, exactly as parseCsv counts
 * them: records end at CR, LF or CRLF outside quotes, and a record whose every cell is empty or whitespace (a blank
 * line, or ",,," as spreadsheets write a cleared row) is not counted. Cheap enough to refuse a file over the row
 * limit before the full parse.
 */
export function countCsvRecords(bytes: Uint8Array): number {
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x22) {
      // An opening or closing quote is not content; a doubled quote inside quotes is one quote character.
      if (quoted && bytes[i + 1] === 0x22) {
        lineHasContent = true;
        i++;
      } else {
        quoted = !quoted;
      }
    } else if ((byte === 0x0a || byte === 0x0d) && !quoted) {
      // LF, CRLF (counted at its LF) or a lone CR ends a record.
      if (byte === 0x0d && bytes[i + 1] === 0x0a) continue;
      if (lineHasContent) records++;
      lineHasContent = false;
    } else if (byte === 0x2c && !quoted) {
      // A separator is not content.
    } else if (byte === 0x0a || byte === 0x0d) {
      // A line break inside quotes is whitespace, as trim sees it.
    } else {
      const width = whitespaceAt(bytes, i);
      if (width > 0) i += width - 1;
      else lineHasContent = true;
    }
  }
  return lineHasContent ? records + 1 : records;
}

/**
 * The separator the first non-blank line of a CSV text uses, judged by the commas, semicolons and tabs outside quotes: a
 * file saved with a semicolon (spreadsheets in many European locales) or tab separator is told apart from a
 * comma-separated one whose header is wrong.
 */
export function sniffSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  // The first line that is not blank: a file may start with cleared rows.
  const start = Math.max(0, text.search(/[^\s\uFEFF]/));
  for (const char of text.slice(start, start + 65536)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
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

/** What csv-parse reports, in the words the import shows with each bad file. */
const SYNTAX_MESSAGES: Record<string, (line: number) => string> = {
  CSV_QUOTE_NOT_CLOSED: (line) => `Quote not closed: a quoted cell is still open at the end of the file (line ${line})`,
  CSV_INVALID_CLOSING_QUOTE: (line) => `Unexpected text after a closing quote on line ${line}`,
  INVALID_OPENING_QUOTE: (line) => `A quote inside an unquoted cell on line ${line}`,
};

/** Whether every cell of a record is empty or whitespace: a blank line, or ",,," for a cleared spreadsheet row. */
function isBlankRecord(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Parses CSV text (RFC 4180, as csvStream writes it and spreadsheets save it) with csv-parse: a leading BOM is
 * dropped, quoted cells keep their quotes ("") and line breaks, records end with CRLF, LF or CR, and each cell has
 * its formula prefix removed. Records whose every cell is empty or whitespace (blank lines, and the ",,,,"
 * spreadsheets write for cleared rows) are skipped, but still counted, so that each record's `line` is the row
 * number a spreadsheet shows (countCsvRecords counts the same records). The property test in
 * tests/unit/csv.test.ts holds it to parse(export(x)) = x. Throws CsvSyntaxError with the line of a malformed quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  let rows: string[][];
  try {
    // Spreadsheets and editors mix line ends; each of the three ends a record wherever it appears.
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = quoteLine(error);
      const message = SYNTAX_MESSAGES[error.code];
      throw new CsvSyntaxError(line, message ? message(line) : `${error.message}`);
    }
    throw error;
  }
  const records: CsvRecord[] = [];
  rows.forEach((cells, index) => {
    if (!isBlankRecord(cells)) records.push({ line: index + 1, cells: cells.map(restoreFormula) });
  });
  return records;
}

/** The physical line a csv-parse error points at. */
function quoteLine(error: CsvError): number {
  return (error as CsvError & { lines?: number }).lines ?? 0;
}
