import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { publicRevisionCondition } from '@/lib/evidence/public';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { ImplementationStatus } from '@/lib/vocabulary';
import { queryRows, Column } from '@/lib/raw-sql';
import { currentStatusSource, type Audience, type Db } from '@/lib/status/sql';

/** Evidence timelines: the verified evidence of one country or one commitment, newest first. */

/** Text of a summary that may be written in only some languages: the reader's, else any, with its language. */
function looseText(value: unknown, locale: Locale): { text: string; lang: string } | null {
  if (!value || typeof value !== 'object') return null;
  const texts = value as Record<string, unknown>;
  const wanted = texts[locale];
  if (typeof wanted === 'string' && wanted.trim()) return { text: wanted, lang: locale };
  for (const [lang, text] of Object.entries(texts)) {
    if (typeof text === 'string' && text.trim()) return { text, lang };
  }
  return null;
}

export const TIMELINE_LIMIT = 50;

export interface TimelineEntry {
  revisionId: number;
  actorCode: string;
  actorName: string;
  commitmentCode: string;
  commitmentTitle: string;
  observedOn: Date;
  status: ImplementationStatus;
  score: number | null;
  summary: { text: string; lang: string } | null;
  verifiedAt: Date | null;
  /** Whether this revision is the pair's current status. */
  current: boolean;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** All verified revisions the reader may see; entries holds at most TIMELINE_LIMIT of them. */
  total: number;
}

const EntryRow = z.object({
  revisionId: z.number().int(),
  actorCode: z.string(),
  actorName: z.unknown(),
  commitmentCode: z.string(),
  commitmentTitle: z.unknown(),
  observedOn: z.date(),
  status: Column.status,
  score: z.number().int().nullable(),
  summary: z.unknown(),
  verifiedAt: z.date().nullable(),
  current: z.boolean(),
});

const Total = z.object({ total: z.number().int() });

/** Verified evidence of one country or one commitment, newest observation first. */
export async function evidenceTimeline(
  prisma: Db,
  of: { actorId: number } | { commitmentId: number },
  locale: Locale,
  audience: Audience,
): Promise<Timeline> {
  const where = Prisma.sql`r.state = 'VERIFIED'
    AND ${'actorId' in of ? Prisma.sql`e."actorId" = ${of.actorId}` : Prisma.sql`e."commitmentId" = ${of.commitmentId}`}
    ${audience.publicOnly ? Prisma.sql`AND ${publicRevisionCondition('r', 'e')}` : Prisma.empty}`;
  const [rows, [count]] = await Promise.all([
    queryRows(
      prisma,
      EntryRow,
      Prisma.sql`
      SELECT r.id AS "revisionId", a.code AS "actorCode", a.name AS "actorName", c.code AS "commitmentCode",
             c.title AS "commitmentTitle", r."observedOn", r.status::text AS status, r.score, r.summary,
             r."reviewedAt" AS "verifiedAt",
             r.id IN (SELECT cs."revisionId" FROM ${currentStatusSource(audience)} cs) AS current
      FROM "EvidenceRevision" r
      JOIN "Evidence" e ON e.id = r."evidenceId"
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE ${where}
      ORDER BY r."observedOn" DESC, r."reviewedAt" DESC NULLS LAST, r.id DESC
      LIMIT ${TIMELINE_LIMIT}`,
    ),
    queryRows(
      prisma,
      Total,
      Prisma.sql`
      SELECT count(*)::int AS total
      FROM "EvidenceRevision" r JOIN "Evidence" e ON e.id = r."evidenceId"
      WHERE ${where}`,
    ),
  ]);
  return {
    entries: rows.map(({ actorName, commitmentTitle, summary, ...row }) => ({
      ...row,
      actorName: localize(actorName, locale),
      commitmentTitle: localize(commitmentTitle, locale),
      summary: looseText(summary, locale),
    })),
    total: count?.total ?? 0,
  };
}
