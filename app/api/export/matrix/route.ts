import type { NextRequest } from 'next/server';
import { exportPrisma, exportReader } from '@/lib/data/transfer';
import { csvResponse, errorJson, iterate } from '@/lib/transfer/http';
import { matrixCsv } from '@/lib/transfer/status-csv';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import { parseMatrixSort } from '@/lib/validation/status';
import { wantsBom } from '@/lib/validation/transfer';

/** GET /api/export/matrix?theme=&commitment=&group=&country=&to=&sort=&bom=1 — the status matrix as on its page: states × commitments. */
export async function GET(request: NextRequest) {
  const reader = await exportReader();
  if (!reader.ok) return errorJson(reader.status, reader.code, reader.message);
  const params = Object.fromEntries(request.nextUrl.searchParams);
  // The page's own filters: theme, commitment, group, country, as of a month (?to=), and its row order.
  const filter = { ...parseDashboardFilter(params), from: undefined };
  const { header, rows } = await matrixCsv(
    await exportPrisma(),
    { ...filter, asOf: filter.to },
    parseMatrixSort(params),
    { publicOnly: reader.publicOnly },
  );
  return csvResponse('status-matrix', header, iterate(rows), wantsBom(params));
}
