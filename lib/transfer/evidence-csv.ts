import { Prisma } from '@/lib/generated/prisma/client';
import type { RawDb } from '@/lib/raw-sql';
import { MAX_SOURCES } from '@/lib/validation/evidence';
import type { EvidenceExportFilter } from '@/lib/validation/transfer';
import type { ReadAudience } from '@/lib/permissions';

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

/** A problem with the header row: the column it concerns (as found, or as expected) and a key of "validation". */
export interface HeaderProblem {
  column: string;
  reason: string;
}

/**
 * Where each column of the format is in a file's header. Columns are found by name (trimmed, any case), so their
 * order does not matter; `sourceGroups` are the 0-based numbers of the source groups present, in order.
 * `unnamed` are the positions of empty header cells (spreadsheets keep cleared columns as trailing separators):
 * allowed, as long as no row has a value under them.
 */
export interface EvidenceHeader {
  index: Map<string, number>;
  sourceGroups: number[];
  unnamed: number[];
}

const SOURCE_COLUMN = /^source_(\d{1,4})_(type|url|reference|title|published_on)$/;

/**
 * Reads an evidence CSV header, or says everything that is wrong with it, each problem naming its column: a
 * column that belongs to no format ("importColumnUnexpected"), one that is there twice ("importColumnDuplicated"),
 * a required one that is missing ("importColumnMissing": every base column and the first source group), a source
 * group that lacks some of its five columns ("importSourceGroupIncomplete") and source groups beyond MAX_SOURCES
 * ("importTooManySourceGroups:20"). A file separated by semicolons or tabs is caught before (sniffSeparator).
 */
export function readHeader(
  cells: string[],
): { ok: true; header: EvidenceHeader } | { ok: false; problems: HeaderProblem[] } {
  const problems: HeaderProblem[] = [];
  const index = new Map<string, number>();
  const unnamed: number[] = [];
  const groups = new Set<number>();
  const base = new Set<string>(BASE_COLUMNS);
  cells.forEach((cell, position) => {
    const name = cell.trim().toLowerCase();
    if (name === '') {
      unnamed.push(position);
      return;
    }
    if (index.has(name)) {
      if (!problems.some((problem) => problem.column === name)) {
        problems.push({ column: name, reason: 'importColumnDuplicated' });
      }
      return;
    }
    const source = SOURCE_COLUMN.exec(name);
    const group = source ? Number(source[1]) : 0;
    if (source && group > MAX_SOURCES) {
      problems.push({ column: name, reason: `importTooManySourceGroups:${MAX_SOURCES}` });
    } else if (!base.has(name) && !(source && group >= 1)) {
      problems.push({ column: cell.trim(), reason: 'importColumnUnexpected' });
    } else {
      index.set(name, position);
      if (source) groups.add(group - 1);
    }
  });
  for (const name of BASE_COLUMNS) {
    if (!index.has(name)) problems.push({ column: name, reason: 'importColumnMissing' });
  }
  if (groups.size === 0) {
    for (const field of SOURCE_FIELDS) problems.push({ column: sourceColumn(0, field), reason: 'importColumnMissing' });
  }
  const sourceGroups = [...groups].sort((a, b) => a - b);
  for (const group of sourceGroups) {
    for (const field of SOURCE_FIELDS) {
      if (!index.has(sourceColumn(group, field))) {
        problems.push({ column: sourceColumn(group, field), reason: 'importSourceGroupIncomplete' });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, header: { index, sourceGroups, unnamed } };
}

/** A spreadsheet's name of the column at a 0-based position: A … Z, AA, AB … */
export function spreadsheetColumn(position: number): string {
  let name = '';
  for (let n = position + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export interface ExportSource {
  type: string;
  url: string | null;
  reference: string | null;
  title: string | null;
  publishedOn: string | null;
}

type Db = RawDb;

/** Who reads (lib/permissions.ts, readAudience): the public sees only verified public revisions. */
export type ExportAudience = ReadAudience;

/**
 * The revision a reader sees of each record: the latest, or for the public the latest verified one, and only when
 * it is marked public (a newer internal verification withdraws the record: lib/evidence/public.ts).
 */
export function revisionJoin(audience: ExportAudience): Prisma.Sql {
  return audience.publicOnly
    ? Prisma.sql`JOIN LATERAL (
        SELECT * FROM "EvidenceRevision" pr
        WHERE pr."evidenceId" = e.id AND pr.state = 'VERIFIED'
        ORDER BY pr.number DESC LIMIT 1
      ) r ON r.visibility = 'PUBLIC'`
    : Prisma.sql`JOIN "EvidenceRevision" r ON r."evidenceId" = e.id AND r.number = e."latestRevision"`;
}

/**
 * The condition of the evidence filter (lib/validation/evidence-filters.ts) over `e` (Evidence), `r` (the revision
 * the reader sees), `a` (Actor) and `c` (Commitment). The text search is ILIKE (no index: it runs over the rows the
 * other filters leave, at most a few ten thousand records here), the same on PostgreSQL and PGlite.
 */
export function evidenceWhere(filter: EvidenceExportFilter, audience: ExportAudience): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(
      EXISTS (SELECT 1 FROM jsonb_each_text(r.summary) qv WHERE qv.value ILIKE ${pattern})
      OR EXISTS (SELECT 1 FROM unnest(r.tags) qt WHERE qt ILIKE ${pattern})
      OR EXISTS (SELECT 1 FROM "EvidenceSource" qs WHERE qs."revisionId" = r.id
                 AND (qs.title ILIKE ${pattern} OR qs.reference ILIKE ${pattern} OR qs.url ILIKE ${pattern})))`);
  }
  if (filter.author) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "EvidenceRevision" ar JOIN "User" au ON au.id = ar."authorId"
      WHERE ar."evidenceId" = e.id AND au.email = ${filter.author})`);
  }
  if (filter.reviewer) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "EvidenceRevision" rr JOIN "User" ru ON ru.id = rr."reviewerId"
      WHERE rr."evidenceId" = e.id AND ru.email = ${filter.reviewer})`);
  }
  if (filter.from) parts.push(Prisma.sql`r."observedOn" >= ${filter.from}::date`);
  if (filter.to) parts.push(Prisma.sql`r."observedOn" <= ${filter.to}::date`);
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
      WHERE ${evidenceWhere(filter, audience)}
    ) counts`;
  return Math.min(MAX_SOURCES, Math.max(1, row?.n ?? 1));
}

export interface ExportRow {
  id: number;
  version: number;
  state: string;
  actorCode: string;
  commitmentCode: string;
  observedOn: string | null;
  status: string | null;
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
      -- The keyset on the revision too (r."evidenceId" = e.id): without it a merge join reads the revisions from
      -- the first record on, every batch, and an export slows with the square of its length.
      WHERE e.id > ${after} AND r."evidenceId" > ${after} AND ${evidenceWhere(filter, audience)}
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
