import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/config';
import { type SortDirection, type StatusCounts, type StatusSortKey } from '@/lib/status/constants';
import {
  IMPLEMENTATION_STATUSES,
  REGIONAL_GROUPS,
  type ImplementationStatus,
  type RegionalGroup,
} from '@/lib/vocabulary';
import { queryRows, Column } from '@/lib/raw-sql';
import { currentStatusSource, names, pairStatusCounts, PARTY, type Audience, type Db } from '@/lib/status/sql';

/** A commitment across the member states: each state's current status on it, for the commitment's page. */

export interface StateStatusRow {
  code: string;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
  status: ImplementationStatus;
  observedOn: Date | null;
  /** For commitments that name instruments: how many of them the state is party to. */
  party: number | null;
  partyOfExisting: number | null;
}

export interface CommitmentAcrossStates {
  rows: StateStatusRow[];
  counts: StatusCounts;
  /** Instruments the commitment names, all and those adopted by its statement's date; null when it names none. */
  instruments: { total: number; existing: number; statement: { symbol: string; adoptedOn: Date } } | null;
}

const STATUS_RANK = new Map(IMPLEMENTATION_STATUSES.map((status, index) => [status, index]));

/** Sorts rows by one column (names in the reader's collation), then by name. */
export function sortStateRows(
  rows: StateStatusRow[],
  sort: StatusSortKey,
  dir: SortDirection,
  locale: Locale,
): StateStatusRow[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : 'en');
  const nameOf = (row: StateStatusRow) => (locale === 'zh' ? row.nameZh : row.nameEn);
  const byName = (a: StateStatusRow, b: StateStatusRow) => collator.compare(nameOf(a), nameOf(b));
  const sign = dir === 'asc' ? 1 : -1;
  const primary: Record<StatusSortKey, (a: StateStatusRow, b: StateStatusRow) => number> = {
    name: byName,
    status: (a, b) => STATUS_RANK.get(a.status)! - STATUS_RANK.get(b.status)!,
    group: (a, b) => (a.regionalGroup ?? '').localeCompare(b.regionalGroup ?? ''),
    date: (a, b) => a.observedOn!.getTime() - b.observedOn!.getTime(),
  };
  return [...rows].sort((a, b) => {
    // Undated rows (no information) go last whichever the direction.
    if (sort === 'date' && !(a.observedOn && b.observedOn)) {
      return (a.observedOn ? 0 : 1) - (b.observedOn ? 0 : 1) || byName(a, b);
    }
    return sign * primary[sort](a, b) || byName(a, b);
  });
}

const LinkedInstruments = z.object({ total: z.number().int(), existing: z.number().int() });

const StateRow = z.object({
  code: z.string(),
  name: z.unknown(),
  regionalGroup: z.enum(REGIONAL_GROUPS).nullable(),
  status: Column.status,
  observedOn: z.date().nullable(),
  party: z.number().int().nullable(),
  partyOfExisting: z.number().int().nullable(),
});

/**
 * Every member state's current status on the commitment (NO_INFORMATION without one), sorted by `sort` and `dir`
 * (sortStateRows), with the counts per status and, when the commitment names instruments, how many of them each state
 * is party to. Throws on a malformed stored name.
 */
export async function commitmentAcrossStates(
  prisma: Db,
  commitmentId: number,
  sort: StatusSortKey,
  dir: SortDirection,
  locale: Locale,
  audience: Audience,
): Promise<CommitmentAcrossStates> {
  const [[linked], commitment] = await Promise.all([
    queryRows(
      prisma,
      LinkedInstruments,
      Prisma.sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE i."adoptedOn" <= d."adoptedOn")::int AS existing
      FROM "CommitmentLink" l
      JOIN "Instrument" i ON i.id = l."instrumentId"
      JOIN "Commitment" c ON c.id = l."commitmentId"
      JOIN "Document" d ON d.id = c."documentId"
      WHERE l."commitmentId" = ${commitmentId}`,
    ),
    prisma.commitment.findUnique({
      where: { id: commitmentId },
      select: { document: { select: { symbol: true, adoptedOn: true } } },
    }),
  ]);
  const withInstruments = Boolean(linked && linked.total > 0);
  const [rows, counts] = await Promise.all([
    queryRows(
      prisma,
      StateRow,
      Prisma.sql`
      SELECT a.code, a.name, a."regionalGroup"::text AS "regionalGroup",
             COALESCE(cs.status::text, 'NO_INFORMATION') AS status, cs."observedOn",
             ${withInstruments ? Prisma.sql`p.party, p."partyOfExisting"` : Prisma.sql`NULL::int AS party, NULL::int AS "partyOfExisting"`}
      FROM "Actor" a
      LEFT JOIN ${currentStatusSource(audience)} cs ON cs."actorId" = a.id AND cs."commitmentId" = ${commitmentId}
      ${
        withInstruments
          ? Prisma.sql`
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS party,
               count(*) FILTER (WHERE i."adoptedOn" <= d."adoptedOn")::int AS "partyOfExisting"
        FROM "CommitmentLink" l
        JOIN "Instrument" i ON i.id = l."instrumentId"
        JOIN "Commitment" c ON c.id = l."commitmentId"
        JOIN "Document" d ON d.id = c."documentId"
        JOIN "InstrumentStatus" s ON s."instrumentId" = i.id AND s."actorId" = a.id
        WHERE l."commitmentId" = ${commitmentId} AND s.status::text IN (${PARTY})
      ) p ON true`
          : Prisma.empty
      }
      WHERE a.kind = 'MEMBER_STATE'`,
    ),
    pairStatusCounts(prisma, { commitmentId }, audience),
  ]);
  const states = rows.map(({ name, ...row }) => ({ ...row, ...names(name) }));
  return {
    rows: sortStateRows(states, sort, dir, locale),
    counts,
    instruments:
      withInstruments && linked && commitment
        ? { total: linked.total, existing: linked.existing, statement: commitment.document }
        : null,
  };
}
