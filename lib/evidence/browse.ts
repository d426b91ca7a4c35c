import type { RawDb } from '@/lib/raw-sql';
import { evidenceWhere, revisionJoin, type ExportAudience } from '@/lib/transfer/evidence-csv';
import type { EvidenceFilter } from '@/lib/validation/evidence-filters';

/** Records per page of the evidence browser. */
export const BROWSE_PAGE_SIZE = 50;
/** The last page reachable by number (offset paging): past it, narrow the filters. 200 × 50 = 10,000 records. */
export const BROWSE_MAX_PAGE = 200;

/**
 * One page of the records matching `filter` (lib/validation/evidence-filters.ts) that `audience` may see, most
 * recently changed first — the same condition as the evidence CSV export. `page` counts from 1 and is clamped to
 * 1..BROWSE_MAX_PAGE. Returns the record ids in order, the number of matching records and whether a next page exists.
 */
export async function browseEvidenceIds(
  prisma: RawDb,
  filter: EvidenceFilter,
  audience: ExportAudience,
  page = 1,
): Promise<{ ids: number[]; total: number; page: number; hasMore: boolean }> {
  const current = Math.min(BROWSE_MAX_PAGE, Math.max(1, Math.trunc(page) || 1));
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<{ id: number }[]>`
      SELECT e.id
      FROM "Evidence" e
      ${revisionJoin(audience)}
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE ${evidenceWhere(filter, audience)}
      ORDER BY e."updatedAt" DESC, e.id DESC
      LIMIT ${BROWSE_PAGE_SIZE + 1} OFFSET ${(current - 1) * BROWSE_PAGE_SIZE}`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n
      FROM "Evidence" e
      ${revisionJoin(audience)}
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE ${evidenceWhere(filter, audience)}`,
  ]);
  return {
    ids: rows.slice(0, BROWSE_PAGE_SIZE).map((row) => row.id),
    total: count?.n ?? 0,
    page: current,
    hasMore: rows.length > BROWSE_PAGE_SIZE && current < BROWSE_MAX_PAGE,
  };
}
