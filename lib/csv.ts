import { parse } from 'csv-parse/sync';
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
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const chunk of stringifier)
          controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
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
 * Counts the records of a CSV file (header included) without parsing it: line breaks outside quotes, plus a last
 * line without one. Cheap enough to refuse a file over the row limit before the full parse.
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
    } else if (byte === 0x0a && !quoted) {
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
 * Parses CSV text as exported by csvStream: a leading BOM is dropped, quotes and embedded line breaks are kept,
 * each cell has its formula prefix removed. Blank lines are skipped. Throws CsvSyntaxError with the line.
 */
export function parseCsv(text: string): CsvRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new CsvSyntaxError(lines ?? 0, message);
  }
  return rows.map((record, index) => ({ line: index + 1, cells: record.map(restoreFormula) }));
}
