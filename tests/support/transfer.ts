import type { CurrentUser } from '@/lib/auth/current-user';
import { csvStream, csvText } from '@/lib/csv';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { evidenceExportCells, evidenceHeader, exportSourceGroups } from '@/lib/transfer/evidence-csv';
import { parseEvidenceExportFilter } from '@/lib/validation/transfer';

/** The evidence export as the download route streams it, as text. */
export async function exportEvidenceCsv(
  prisma: PrismaClient,
  reader: CurrentUser | null,
  params: Record<string, string> = {},
  { bom = false } = {},
): Promise<string> {
  const filter = parseEvidenceExportFilter(params);
  const audience = { publicOnly: reader === null, userId: reader?.id ?? null };
  const groups = await exportSourceGroups(prisma, filter, audience);
  return csvText(csvStream(evidenceHeader(groups), evidenceExportCells(prisma, filter, audience, groups), { bom }));
}

/** A valid evidence CSV data row for one group of source columns; `cells` overrides columns by name. */
export function evidenceRow(cells: Record<string, string> = {}): Record<string, string> {
  return {
    id: '',
    version: '',
    state: '',
    actor_code: 'KEN',
    commitment_code: 'P08-financing',
    observed_on: '2024-03-01',
    status: 'IN_PROGRESS',
    score: '',
    summary_zh: '',
    summary_en: 'Bill tabled in parliament.',
    visibility: 'INTERNAL',
    tags: '',
    source_1_type: 'NATIONAL_LEGISLATION',
    source_1_url: 'https://example.org/bill',
    source_1_reference: '',
    source_1_title: '',
    source_1_published_on: '',
    ...cells,
  };
}

/** CSV text (header with one source group) from rows made by evidenceRow. */
export async function evidenceCsv(rows: Record<string, string>[]): Promise<string> {
  const header = evidenceHeader(1);
  async function* cells() {
    for (const row of rows) yield header.map((column) => row[column] ?? '');
  }
  return csvText(csvStream(header, cells()));
}
