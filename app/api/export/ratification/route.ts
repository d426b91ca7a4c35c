import { exportPrisma, exportReader } from '@/lib/data/transfer';
import { csvResponse, iterate } from '@/lib/transfer/http';
import { ratificationCsv } from '@/lib/transfer/status-csv';
import { readerLocale } from '@/lib/transfer/tables';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import { wantsBom, wantsWords } from '@/lib/validation/transfer';

/**
 * GET /api/export/ratification?group=&bom=1 — member states × the 19 instruments, with each state's status, in
 * codes (for import and integration). With `&labels=words&locale=en|zh`, the people's file: headings, instruments,
 * statuses and regional groups as words in that language.
 */
export async function GET(request: Request) {
  const reader = await exportReader(request);
  if (!reader.ok) return reader.response;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { group } = parseDashboardFilter(params);
  const { header, rows } = await ratificationCsv(
    await exportPrisma(),
    { group },
    wantsWords(params) ? { locale: readerLocale(params.locale) } : undefined,
  );
  return csvResponse('ratification', header, iterate(rows), wantsBom(params));
}
