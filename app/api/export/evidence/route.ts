import { exportPrisma, exportReader } from '@/lib/data/transfer';
import { evidenceExportCells, evidenceHeader, exportSourceGroups } from '@/lib/transfer/evidence-csv';
import { csvResponse } from '@/lib/transfer/http';
import { parseEvidenceExportFilter, wantsBom } from '@/lib/validation/transfer';
import { readAudience } from '@/lib/permissions';

/**
 * GET /api/export/evidence?country=&commitment=&state=&theme=&group=&mine=1&bom=1 — one row per evidence record
 * (its latest revision; for the public, its latest verified public revision), streamed in batches. The file is
 * the import format: edit it in a spreadsheet and import it to update the same records.
 */
export async function GET(request: Request) {
  const reader = await exportReader(request);
  if (!reader.ok) return reader.response;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = parseEvidenceExportFilter(params);
  const audience = readAudience(reader.user);
  const prisma = await exportPrisma();
  const groups = await exportSourceGroups(prisma, filter, audience);
  return csvResponse(
    'evidence',
    evidenceHeader(groups),
    evidenceExportCells(prisma, filter, audience, groups),
    wantsBom(params),
  );
}
