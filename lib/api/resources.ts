import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { DateTime, Id } from '@/lib/validation/primitives';
import { ApiError } from '@/lib/api/errors';
import type {
  EvidenceChangeSchema,
  EvidenceDeletionSchema,
  EvidenceSchema,
  RatificationSchema,
} from '@/lib/api/schemas';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { EvidenceChangesQuery, EvidenceQuery, RatificationQuery } from '@/lib/validation/api';
import { isoDayOrNull } from '@/lib/dates';
import { isPartyStatus } from '@/lib/vocabulary';

/**
 * The reads of the API as functions of a Prisma client, and the records as the API shows them. Codes, not
 * database ids, name actors, commitments and instruments; dates are YYYY-MM-DD, times ISO 8601 in UTC.
 */

// ----------------------------------------------------------------------------------------------------------------
// Evidence

const evidenceInclude = {
  actor: { select: { code: true } },
  commitment: { select: { code: true } },
  createdBy: { select: { email: true } },
  revisions: {
    orderBy: { number: 'desc' },
    take: 1,
    include: {
      author: { select: { email: true } },
      reviewer: { select: { email: true } },
      sources: { orderBy: { sortOrder: 'asc' } },
      attachments: { orderBy: { id: 'asc' } },
    },
  },
} as const satisfies Prisma.EvidenceInclude;

type EvidenceRow = Prisma.EvidenceGetPayload<{ include: typeof evidenceInclude }>;

function evidenceView(row: EvidenceRow): z.input<typeof EvidenceSchema> {
  const latest = row.revisions[0]!;
  const summary = latest.summary as { zh?: string; en?: string };
  return {
    id: row.id,
    version: row.version,
    state: row.state,
    actor: row.actor.code,
    commitment: row.commitment.code,
    createdBy: row.createdBy.email,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revision: {
      number: latest.number,
      state: latest.state,
      observedOn: isoDayOrNull(latest.observedOn),
      status: latest.status,
      score: latest.score,
      summary: { ...(summary.zh ? { zh: summary.zh } : {}), ...(summary.en ? { en: summary.en } : {}) },
      visibility: latest.visibility,
      tags: latest.tags,
      sources: latest.sources.map((source) => ({
        type: source.type,
        url: source.url,
        reference: source.reference,
        title: source.title,
        publishedOn: isoDayOrNull(source.publishedOn),
      })),
      attachments: latest.attachments.map((attachment) => ({
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
        url: `/api/attachments/${attachment.id}`,
      })),
      author: latest.author.email,
      submittedAt: latest.submittedAt?.toISOString() ?? null,
      reviewer: latest.reviewer?.email ?? null,
      reviewedAt: latest.reviewedAt?.toISOString() ?? null,
      reviewComment: latest.reviewComment,
    },
  };
}

export async function findEvidence(prisma: PrismaClient, id: number) {
  const row = await prisma.evidence.findUnique({ where: { id }, include: evidenceInclude });
  return row ? evidenceView(row) : null;
}

export async function requireEvidence(prisma: PrismaClient, id: number) {
  const evidence = await findEvidence(prisma, id);
  if (!evidence) throw new ApiError(404, 'not_found', 'There is no such evidence record.');
  return evidence;
}

/** The current version of a record, for If-Match; 404 when there is none. */
export async function currentEvidenceVersion(prisma: PrismaClient, id: number): Promise<number> {
  const row = await prisma.evidence.findUnique({ where: { id }, select: { version: true } });
  if (!row) throw new ApiError(404, 'not_found', 'There is no such evidence record.');
  return row.version;
}

const EvidenceCursor = z.tuple([DateTime(), Id]);

/**
 * A page of evidence, oldest change first, keyset-paginated on (updatedAt, id). Filters on status and observed date
 * apply to the latest revision, as the lists of the site show it. Not a way to sync: `updatedAt` is the writing
 * transaction's start, and a transaction that commits late puts its records behind a poller that has moved on;
 * listEvidenceChanges is the feed that cannot skip.
 */
export async function listEvidence(prisma: PrismaClient, query: z.output<typeof EvidenceQuery>) {
  const after = decodeCursor(query.cursor, EvidenceCursor);
  const conditions: Prisma.Sql[] = [Prisma.sql`r.number = e."latestRevision"`];
  if (query.actor) conditions.push(Prisma.sql`a.code = ${query.actor}`);
  if (query.commitment) conditions.push(Prisma.sql`c.code = ${query.commitment}`);
  if (query.theme) conditions.push(Prisma.sql`t.code = ${query.theme}`);
  if (query.state) conditions.push(Prisma.sql`e.state = ${query.state}::"ReviewState"`);
  if (query.status) conditions.push(Prisma.sql`r.status = ${query.status}::"ImplementationStatus"`);
  if (query.observedFrom) conditions.push(Prisma.sql`r."observedOn" >= ${query.observedFrom}::date`);
  if (query.observedTo) conditions.push(Prisma.sql`r."observedOn" <= ${query.observedTo}::date`);
  if (query.updatedSince) conditions.push(Prisma.sql`e."updatedAt" >= ${new Date(query.updatedSince)}`);
  if (after) {
    conditions.push(Prisma.sql`(e."updatedAt", e.id) > (${new Date(after[0])}, ${after[1]})`);
  }
  const ids = await prisma.$queryRaw<{ id: number }[]>`
    SELECT e.id
    FROM "Evidence" e
    JOIN "EvidenceRevision" r ON r."evidenceId" = e.id
    JOIN "Actor" a ON a.id = e."actorId"
    JOIN "Commitment" c ON c.id = e."commitmentId"
    JOIN "Theme" t ON t.id = c."themeId"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY e."updatedAt", e.id
    LIMIT ${query.limit + 1}`;
  const pageIds = ids.slice(0, query.limit).map((row) => row.id);
  const rows = await prisma.evidence.findMany({
    where: { id: { in: pageIds } },
    include: evidenceInclude,
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
  });
  const last = rows.at(-1);
  return {
    data: rows.map(evidenceView),
    nextCursor: ids.length > query.limit && last ? encodeCursor([last.updatedAt.toISOString(), last.id]) : null,
  };
}

/** A change-feed position: ["c", changeXid as a decimal string (a 64-bit number), record id]. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;
const ChangeToken = z.tuple([
  z.literal('c'),
  z
    .string()
    .regex(/^(0|[1-9]\d{0,18})$/)
    .refine((xid) => BigInt(xid) <= MAX_BIGINT),
  z.number().int().nonnegative().max(2_147_483_647),
]);

/**
 * The change feed: the records changed after the position `since` (a token this function gave out; absent: from
 * the beginning), at most `limit`, in the order of the transactions that last changed them ("changeXid", set by
 * PostgreSQL triggers on every write to a record, its revisions, sources and attachments), then by id.
 *
 * Only changes of transactions older than the oldest one still running are handed out (changeXid below the
 * snapshot's xmin), so every change that commits later has a larger changeXid than any position given out before:
 * a client resuming from its last token never skips a committed change, however long a transaction ran. The price
 * is a delay: while a transaction runs (in any database of the cluster), changes committed after it began wait for it.
 * A record changed again comes again, as it is then. A deleted record comes once more as its tombstone,
 * `{ id, deleted: true, deletedAt }`, at the position of the deleting transaction (table EvidenceDeletion, written
 * by a trigger on every delete), to every reader of the feed: those who could read the record in it.
 *
 * Answers `{ data, nextCursor, changeToken }`: changeToken is the position after this page (the same position when
 * nothing changed), nextCursor equals it when more changes are waiting now and is null when caught up. 400
 * invalid_cursor for a token that is malformed or ahead of this database (one restored from a dump).
 */
export async function listEvidenceChanges(prisma: PrismaClient, query: z.output<typeof EvidenceChangesQuery>) {
  const [, fromXid, fromId] = decodeCursor(query.since, ChangeToken) ?? ['c', '0', 0];
  // Records and tombstones of deleted records in one (changeXid, id) order; an id is never in both at once (a
  // record inserted again with a deleted id takes its tombstone away, migration evidence_deletions).
  const found = await prisma.$queryRaw<
    { xmax: string; id: number | null; xid: string | null; deletedAt: Date | null }[]
  >`
    WITH s AS (
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin,
             pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax
    )
    SELECT s.xmax::text AS xmax, c.id, c.xid::text AS xid, c."deletedAt"
    FROM s
    LEFT JOIN LATERAL (
      (SELECT e.id, e."changeXid" AS xid, NULL::timestamp(3) AS "deletedAt"
       FROM "Evidence" e
       WHERE e."changeXid" < s.xmin AND (e."changeXid", e.id) > (${fromXid}::bigint, ${fromId}::int)
       ORDER BY e."changeXid", e.id
       LIMIT ${query.limit + 1})
      UNION ALL
      (SELECT d."evidenceId", d."changeXid", d."deletedAt"
       FROM "EvidenceDeletion" d
       WHERE d."changeXid" < s.xmin AND (d."changeXid", d."evidenceId") > (${fromXid}::bigint, ${fromId}::int)
       ORDER BY d."changeXid", d."evidenceId"
       LIMIT ${query.limit + 1})
      ORDER BY 2, 1
      LIMIT ${query.limit + 1}
    ) c ON true`;
  if (BigInt(found[0]!.xmax) <= BigInt(fromXid)) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'The change token is ahead of this database (it was replaced or restored); sync again without it.',
    );
  }
  const changed = found.flatMap((row) =>
    row.id !== null && row.xid !== null ? [{ id: row.id, xid: row.xid, deletedAt: row.deletedAt }] : [],
  );
  const pageRows = changed.slice(0, query.limit);
  // Read after the positions, so a record may already show a later change; it comes again at that change's
  // position. One deleted meanwhile is left out here: its tombstone comes at the deleting transaction's position.
  const rows = await prisma.evidence.findMany({
    where: { id: { in: pageRows.flatMap((row) => (row.deletedAt ? [] : [row.id])) } },
    include: evidenceInclude,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const last = pageRows.at(-1);
  const changeToken = encodeCursor(last ? ['c', last.xid, last.id] : ['c', fromXid, fromId]);
  return {
    data: pageRows.flatMap((row): z.input<typeof EvidenceChangeSchema>[] => {
      if (row.deletedAt) return [deletionView({ evidenceId: row.id, deletedAt: row.deletedAt })];
      const record = byId.get(row.id);
      return record ? [evidenceView(record)] : [];
    }),
    nextCursor: changed.length > query.limit ? changeToken : null,
    changeToken,
  };
}

/** A deleted record as the feed and DELETE /api/v1/evidence/{id} show it. */
export function deletionView(row: { evidenceId: number; deletedAt: Date }): z.input<typeof EvidenceDeletionSchema> {
  return { id: row.evidenceId, deleted: true, deletedAt: row.deletedAt.toISOString() };
}

/** The tombstone of a deleted record, as deletionView shows it; throws (Prisma's not-found) when there is none. */
export async function requireDeletion(
  prisma: PrismaClient,
  id: number,
): Promise<z.input<typeof EvidenceDeletionSchema>> {
  return deletionView(await prisma.evidenceDeletion.findUniqueOrThrow({ where: { evidenceId: id } }));
}

// ----------------------------------------------------------------------------------------------------------------
// Ratification

const ratificationInclude = {
  actor: { select: { code: true } },
  instrument: { select: { code: true } },
} as const satisfies Prisma.InstrumentStatusInclude;

function ratificationView(
  row: Prisma.InstrumentStatusGetPayload<{ include: typeof ratificationInclude }>,
): z.input<typeof RatificationSchema> {
  return {
    actor: row.actor.code,
    instrument: row.instrument.code,
    status: row.status,
    party: isPartyStatus(row.status),
    signedOn: isoDayOrNull(row.signedOn),
    consentedOn: isoDayOrNull(row.consentedOn),
    note: row.note,
    sourceUrl: row.sourceUrl,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The recorded status of one pair; null when none is recorded (or either code is unknown). */
export async function findRatification(prisma: PrismaClient, actorCode: string, instrumentCode: string) {
  const row = await prisma.instrumentStatus.findFirst({
    where: { actor: { code: actorCode }, instrument: { code: instrumentCode } },
    include: ratificationInclude,
  });
  return row ? ratificationView(row) : null;
}

const RatificationCursor = z.tuple([Id]);

export async function listRatifications(prisma: PrismaClient, query: z.output<typeof RatificationQuery>) {
  const after = decodeCursor(query.cursor, RatificationCursor);
  const rows = await prisma.instrumentStatus.findMany({
    where: {
      ...(query.actor ? { actor: { code: query.actor } } : {}),
      ...(query.instrument ? { instrument: { code: query.instrument } } : {}),
      ...(after ? { id: { gt: after[0] } } : {}),
    },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
    include: ratificationInclude,
  });
  const pageRows = rows.slice(0, query.limit);
  return {
    data: pageRows.map(ratificationView),
    nextCursor: rows.length > query.limit ? encodeCursor([pageRows.at(-1)!.id]) : null,
  };
}
