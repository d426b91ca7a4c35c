import { exportPrisma, exportReader } from '@/lib/data/transfer';
import { csvResponse, iterate } from '@/lib/transfer/http';
import { matrixCsv } from '@/lib/transfer/status-csv';
import { readerLocale } from '@/lib/transfer/tables';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import { parseMatrixSort } from '@/lib/validation/status';
import { wantsBom, wantsWords } from '@/lib/validation/transfer';

/**
 * GET /api/export/matrix?theme=&commitment=&group=&country=&to=&sort=&bom=1 — the status matrix as on its page:
 * states × commitments, in codes (for import and integration). With `&labels=words&locale=en|zh`, the people's
 * file: the same table with headings and statuses as words in that language.
 */
export async function GET(request: Request) {
  const reader = await exportReader(request);
  if (!reader.ok) return reader.response;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // The page's own filters: theme, commitment, group, country, as of a month (?to=), and its row order.
  const filter = { ...parseDashboardFilter(params), from: undefined };
  const { header, rows } = await matrixCsv(
    await exportPrisma(),
    { ...filter, asOf: filter.to },
    parseMatrixSort(params),
    { publicOnly: reader.publicOnly },
    wantsWords(params) ? { locale: readerLocale(params.locale) } : undefined,
  );
  return csvResponse('status-matrix', header, iterate(rows), wantsBom(params));
}
