import type { NextRequest } from 'next/server';
import { exportPrisma, exportReader } from '@/lib/data/transfer';
import { csvResponse, errorJson, iterate } from '@/lib/transfer/http';
import { ratificationCsv } from '@/lib/transfer/status-csv';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import { wantsBom } from '@/lib/validation/transfer';

/** GET /api/export/ratification?group=&bom=1 — member states × the 19 instruments, with each state's status. */
export async function GET(request: NextRequest) {
  const reader = await exportReader();
  if (!reader.ok) return errorJson(reader.status, reader.code, reader.message);
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const { group } = parseDashboardFilter(params);
  const { header, rows } = await ratificationCsv(await exportPrisma(), { group });
  return csvResponse('ratification', header, iterate(rows), wantsBom(params));
}
