import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { MAX_SOURCES } from '@/lib/validation/evidence';
import type { EvidenceExportFilter } from '@/lib/validation/transfer';

/**
 * The evidence CSV: one row per evidence record with its latest revision's fields, a stable id and the version
 * an import must name. Export and import share this one definition of the columns. `state` is informative and
 * ignored on import. Sources take five columns each (source_1_type … source_1_published_on, source_2_…), as many
 * groups as the record with the most sources in the export needs (at least one).
 */
export const BASE_COLUMNS = [
  'id',
  'version',
  'state',
  'actor_code',
  'commitment_code',
  'observed_on',
  'status',
  'score',
  'summary_zh',
  'summary_en',
  'visibility',
  'tags',
] as const;
export const SOURCE_FIELDS = ['type', 'url', 'reference', 'title', 'published_on'] as const;

export function sourceColumn(index: number, field: (typeof SOURCE_FIELDS)[number]): string {
  return `source_${index + 1}_${field}`;
}

export function evidenceHeader(sourceGroups: number): string[] {
  const header: string[] = [...BASE_COLUMNS];
  for (let index = 0; index < sourceGroups; index++) {
    for (const field of SOURCE_FIELDS) header.push(sourceColumn(index, field));
  }
  return header;
}

/**
 * The number of source groups a header has, or the first column that differs from the format (the expected name,
 * or the name found where none belongs).
 */
export function readHeader(cells: string[]): { ok: true; sourceGroups: number } | { ok: false; column: string } {
  const sourceGroups = Math.max(1, Math.ceil((cells.length - BASE_COLUMNS.length) / SOURCE_FIELDS.length));
  const expected = evidenceHeader(Math.min(sourceGroups, MAX_SOURCES));
  for (let index = 0; index < Math.max(cells.length, expected.length); index++) {
    if (cells[index]?.trim() !== expected[index]) return { ok: false, column: expected[index] ?? cells[index]! };
  }
  return { ok: true, sourceGroups };
}

export interface ExportSource {
  type: string;
  url: string | null;
  reference: string | null;
  title: string | null;
  publishedOn: string | null;
}

type Db = Pick<PrismaClient, '$queryRaw'>;

/** Who reads: the anonymous public sees only verified public revisions; `userId` serves the "mine" filter. */
export interface ExportAudience {
  publicOnly: boolean;
  userId: number | null;
}

/**
 * The revision a reader sees of each record: the latest, or for the public the latest verified one, and only when
 * it is marked public (a newer internal verification withdraws the record: lib/evidence/public.ts).
 */
function revisionJoin(audience: ExportAudience): Prisma.Sql {
  return audience.publicOnly
    ? Prisma.sql`JOIN LATERAL (
        SELECT * FROM "EvidenceRevision" pr
        WHERE pr."evidenceId" = e.id AND pr.state = 'VERIFIED'
        ORDER BY pr.number DESC LIMIT 1
      ) r ON r.visibility = 'PUBLIC'`
    : Prisma.sql`JOIN "EvidenceRevision" r ON r."evidenceId" = e.id AND r.number = e."latestRevision"`;
}

function whereOf(filter: EvidenceExportFilter, audience: ExportAudience): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.country) parts.push(Prisma.sql`a.code = ${filter.country}`);
  if (filter.commitment) parts.push(Prisma.sql`c.code = ${filter.commitment}`);
  if (filter.theme) parts.push(Prisma.sql`c."themeId" = (SELECT id FROM "Theme" WHERE code = ${filter.theme})`);
  if (filter.group) parts.push(Prisma.sql`a."regionalGroup" = ${filter.group}::"RegionalGroup"`);
  if (!audience.publicOnly && filter.state) parts.push(Prisma.sql`e.state = ${filter.state}::"ReviewState"`);
  if (filter.mine) {
    const userId = audience.userId ?? -1;
    parts.push(Prisma.sql`(e."createdById" = ${userId}
      OR EXISTS (SELECT 1 FROM "EvidenceRevision" mr WHERE mr."evidenceId" = e.id AND mr."authorId" = ${userId}))`);
  }
  return Prisma.join(parts, ' AND ');
}

/** How many source groups the export needs: the most sources any exported record has, at least one. */
export async function exportSourceGroups(
  prisma: Db,
  filter: EvidenceExportFilter,
  audience: ExportAudience,
): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number | null }[]>`
    SELECT max(n)::int AS n FROM (
      SELECT (SELECT count(*) FROM "EvidenceSource" s WHERE s."revisionId" = r.id) AS n
      FROM "Evidence" e
      ${revisionJoin(audience)}
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE ${whereOf(filter, audience)}
    ) counts`;
  return Math.min(MAX_SOURCES, Math.max(1, row?.n ?? 1));
}

export interface ExportRow {
  id: number;
  version: number;
  state: string;
  actorCode: string;
  commitmentCode: string;
  observedOn: string;
  status: string;
  score: number | null;
  summary: { zh?: string; en?: string };
  visibility: string;
  tags: string[];
  sources: ExportSource[];
}

export const EXPORT_BATCH_SIZE = 1000;

/**
 * The records the reader may see, in id order, read in batches by keyset (id > last id) so that an export of any
 * size holds one batch in memory at a time.
 */
export async function* evidenceExportRecords(
  prisma: Db,
  filter: EvidenceExportFilter,
  audience: ExportAudience,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportRow> {
  let after = 0;
  for (;;) {
    const batch = await prisma.$queryRaw<ExportRow[]>`
      SELECT e.id, e.version, ${audience.publicOnly ? Prisma.sql`'VERIFIED'` : Prisma.sql`e.state::text`} AS state,
             a.code AS "actorCode", c.code AS "commitmentCode", to_char(r."observedOn", 'YYYY-MM-DD') AS "observedOn",
             r.status::text AS status, r.score, r.summary, r.visibility::text AS visibility, COALESCE(r.tags, '{}') AS tags,
             COALESCE((
               SELECT json_agg(json_build_object('type', s.type, 'url', s.url, 'reference', s.reference,
                                                 'title', s.title, 'publishedOn', s."publishedOn")
                               ORDER BY s."sortOrder")
               FROM "EvidenceSource" s WHERE s."revisionId" = r.id
             ), '[]'::json) AS sources
      FROM "Evidence" e
      ${revisionJoin(audience)}
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE e.id > ${after} AND ${whereOf(filter, audience)}
      ORDER BY e.id
      LIMIT ${batchSize}`;
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.id;
  }
}

/** One record as the cells of its CSV row. */
export function evidenceCells(row: ExportRow, sourceGroups: number): (string | number | null)[] {
  const cells: (string | number | null)[] = [
    row.id,
    row.version,
    row.state,
    row.actorCode,
    row.commitmentCode,
    row.observedOn,
    row.status,
    row.score,
    row.summary?.zh ?? '',
    row.summary?.en ?? '',
    row.visibility,
    row.tags.join(', '),
  ];
  for (let index = 0; index < sourceGroups; index++) {
    const source = row.sources[index];
    cells.push(
      source?.type ?? '',
      source?.url ?? '',
      source?.reference ?? '',
      source?.title ?? '',
      source?.publishedOn ?? '',
    );
  }
  return cells;
}

export async function* evidenceExportCells(
  prisma: Db,
  filter: EvidenceExportFilter,
  audience: ExportAudience,
  sourceGroups: number,
): AsyncGenerator<(string | number | null)[]> {
  for await (const row of evidenceExportRecords(prisma, filter, audience)) yield evidenceCells(row, sourceGroups);
}
