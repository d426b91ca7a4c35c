import { stringify } from 'csv-stringify';
import { neutraliseFormula } from '@/lib/csv-formula';

/** CSV for spreadsheets; cells that would run as formulas are neutralised (see lib/csv-formula.ts). */
export { neutraliseFormula };

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return neutraliseFormula(JSON.stringify(value));
  return neutraliseFormula(String(value));
}

/** Streams rows as CSV (UTF-8, with a BOM when asked, for Excel), one header line first. */
export function csvStream(
  header: string[],
  rows: AsyncIterable<unknown[]>,
  { bom = false } = {},
): ReadableStream<Uint8Array> {
  const stringifier = stringify({ bom, record_delimiter: '\r\n' });
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
