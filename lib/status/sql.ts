import { z } from 'zod';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { LocalizedTextSchema } from '@/lib/i18n/localized';
import type { ReadAudience } from '@/lib/permissions';
import { emptyCounts, type StatusCounts } from '@/lib/status/constants';
import { Column, queryRows } from '@/lib/raw-sql';
import { PARTY_STATUSES } from '@/lib/vocabulary';

/**
 * What the status queries share (lib/status/country.ts, statement.ts, ratification.ts, across-states.ts,
 * timeline.ts, matrix.ts, and the status CSVs of lib/transfer/status-csv.ts): the reads behind the status screens
 * are written as plain functions of a Prisma client so that tests can run them without a Next.js request
 * (lib/data/status.ts wraps them with the guard). Plain reads of rows go through Prisma's query builder; raw SQL is
 * kept for aggregates and for joins on the current-status rollup, and each raw row is parsed with a zod schema as it
 * arrives (`queryRows` of lib/raw-sql.ts). Counts are aggregated in the database; rows are one per commitment, instrument, state or
 * matrix cell, never one per evidence record.
 */

/** The part of a Prisma client the status queries use: raw SQL and the models they read through the query builder. */
export type Db = Pick<
  PrismaClient,
  '$queryRaw' | 'actor' | 'commitment' | 'document' | 'instrument' | 'instrumentStatus' | 'instrumentStatusRevision'
>;

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

const StatusCountRow = z.object({ status: Column.status, n: Column.count });

/**
 * Pairs (member state, commitment addressed to member states) at each status as the reader may see them: for
 * `{ actorId }` one state's pairs (one per such commitment), for `{ commitmentId }` one commitment's (one per member
 * state). A pair with no current status counts as NO_INFORMATION; statuses without a pair count 0.
 */
export async function pairStatusCounts(
  prisma: Db,
  of: { actorId: number } | { commitmentId: number },
  audience: Audience,
): Promise<StatusCounts> {
  const source = currentStatusSource(audience);
  const pairs =
    'actorId' in of
      ? Prisma.sql`"Commitment" c
        LEFT JOIN ${source} cs ON cs."commitmentId" = c.id AND cs."actorId" = ${of.actorId}
        WHERE c.addressee = 'MEMBER_STATES'`
      : Prisma.sql`"Actor" a
        LEFT JOIN ${source} cs ON cs."actorId" = a.id AND cs."commitmentId" = ${of.commitmentId}
        WHERE a.kind = 'MEMBER_STATE'`;
  const rows = await queryRows(
    prisma,
    StatusCountRow,
    Prisma.sql`SELECT COALESCE(cs.status::text, 'NO_INFORMATION') AS status, count(*)::int AS n FROM ${pairs} GROUP BY 1`,
  );
  const counts = emptyCounts();
  for (const row of rows) counts[row.status] += row.n;
  return counts;
}
