import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { LocalizedTextSchema } from '@/lib/i18n/localized';
import type { ReadAudience } from '@/lib/permissions';
import { emptyCounts, type StatusCounts } from '@/lib/status/constants';
import { PARTY_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

/**
 * What the status queries share (lib/status/country.ts, statement.ts, ratification.ts, across-states.ts,
 * timeline.ts, matrix.ts): the SQL behind the status screens is written as plain functions of a Prisma client so
 * that tests can run them without a Next.js request (lib/data/status.ts wraps them with the guard). Counts are
 * aggregated in the database; rows are one per commitment, instrument, state or matrix cell, never one per
 * evidence record.
 */

/** The part of a Prisma client the status queries use: raw SQL only. */
export type Db = Pick<PrismaClient, '$queryRaw'>;

/** Whether the reader is the anonymous public, who sees only evidence marked public (lib/permissions.ts). */
export type Audience = Pick<ReadAudience, 'publicOnly'>;

/**
 * The current status of each pair as the reader may see it: the CurrentStatus rows of the reader's audience (all
 * verified evidence for signed-in readers, the verified evidence marked public for the public), so that an internal
 * record shows nowhere in public. See lib/evidence/rollups.ts.
 */
export function currentStatusSource(audience: Audience): Prisma.Sql {
  return Prisma.sql`(SELECT * FROM "CurrentStatus" WHERE "publicOnly" = ${audience.publicOnly})`;
}

/** The ratification statuses that make a state a party, as a SQL list for `IN (…)`. */
export const PARTY = Prisma.join([...PARTY_STATUSES]);

/** `{ nameZh, nameEn }` of a stored name ({ zh, en }); throws (zod) when either is missing. */
export function names(value: unknown) {
  const name = LocalizedTextSchema.parse(value);
  return { nameZh: name.zh, nameEn: name.en };
}

/** Counts per status from `GROUP BY status` rows ({ status, n }); statuses without a row count 0. */
export function countsFrom(rows: { status: string; n: number }[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.status as ImplementationStatus] += Number(row.n);
  return counts;
}
