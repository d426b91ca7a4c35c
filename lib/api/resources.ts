import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { DateTime, Id } from '@/lib/validation/primitives';
import { ApiError } from '@/lib/api/errors';
import type { EvidenceSchema, RatificationSchema } from '@/lib/api/schemas';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { isPartyStatus } from '@/lib/status/constants';
import type { EvidenceQuery, RatificationQuery } from '@/lib/validation/api';

/**
 * The reads of the API as functions of a Prisma client, and the records as the API shows them. Codes, not
 * database ids, name actors, commitments and instruments; dates are YYYY-MM-DD, times ISO 8601 in UTC.
 */
const day = (value: Date) => value.toISOString().slice(0, 10);
const dayOrNull = (value: Date | null) => (value ? day(value) : null);

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
      observedOn: day(latest.observedOn),
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
        publishedOn: dayOrNull(source.publishedOn),
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
 * A page of evidence, oldest change first, keyset-paginated on (updatedAt, id) so that a client polling with
 * updatedSince and the cursor sees every change once. Filters on status and observed date apply to the latest
 * revision, as the lists of the site show it.
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
    signedOn: dayOrNull(row.signedOn),
    consentedOn: dayOrNull(row.consentedOn),
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
