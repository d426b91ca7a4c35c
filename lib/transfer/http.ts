import { csvStream } from '@/lib/csv';
import { isoDay } from '@/lib/dates';

/** The response of every CSV download: streamed, never cached, named after what it holds and the day. */
export function csvResponse(name: string, header: string[], rows: AsyncIterable<unknown[]>, bom: boolean): Response {
  const stamp = isoDay(new Date());
  return new Response(csvStream(header, rows, { bom }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

export async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
