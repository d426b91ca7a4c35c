import { z } from 'zod';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

/**
 * The boundary of raw SQL. Plain reads of rows go through Prisma's query builder; raw SQL is kept for aggregates,
 * rollup joins and keyset batches, and every raw row is parsed here as it arrives (`queryRows`).
 */

/** The part of a Prisma client that raw SQL needs. */
export type RawDb = Pick<PrismaClient, '$queryRaw'>;

/**
 * Runs a raw query and parses each row with `row` (a zod object schema of the selected columns), so that a column
 * renamed or retyped in the SQL fails here, naming the column, rather than as a wrong value further on. Resolves to
 * the parsed rows in the query's order; rejects with the database's error, or with a ZodError for a row that does
 * not match. Select integers as `::int` (PostgreSQL's bigint arrives as a BigInt) and enums as `::text`.
 */
export async function queryRows<Row extends z.ZodType>(
  prisma: RawDb,
  row: Row,
  query: Prisma.Sql,
): Promise<z.output<Row>[]> {
  return z.array(row).parse(await prisma.$queryRaw<unknown[]>(query));
}

/** Column types that raw rows share. */
export const Column = {
  /** A count selected as `count(*)::int` or `sum(…)::int`. */
  count: z.number().int(),
  /** An implementation status selected as `status::text`. */
  status: z.enum(IMPLEMENTATION_STATUSES),
  /** A stored localized text ({ zh, en }), parsed by lib/i18n/localized when it is shown. */
  localized: z.unknown(),
};
