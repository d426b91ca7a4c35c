import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { RatificationStatus } from '@/lib/vocabulary';
import { PARTY, type Audience, type Db } from '@/lib/status/sql';
import type { StatementDate } from '@/lib/status/statement';

/** A member state's ratification of the instruments: the table with its summary, and one pair's history. */

export interface RatificationRow {
  instrumentCode: string;
  year: number;
  shortName: string;
  adoptedOn: Date;
  /** Whether the instrument had been adopted by the statement's date. */
  existedAtStatement: boolean;
  /** null: nothing recorded yet. */
  status: RatificationStatus | null;
  party: boolean;
  signedOn: Date | null;
  consentedOn: Date | null;
  note: string | null;
  sourceUrl: string | null;
  /** 0 when nothing is recorded: the form then creates the row. */
  version: number;
  updatedAt: Date | null;
}

export interface RatificationSummary {
  /** Instruments the state is party to, of all instruments. */
  party: number;
  total: number;
  /** The same among the instruments adopted by the statement's date. */
  partyOfExisting: number;
  existing: number;
  statement: { symbol: string; adoptedOn: Date } | null;
}

export interface RatificationTable {
  rows: RatificationRow[];
  summary: RatificationSummary;
}

export async function ratificationTable(
  prisma: Db,
  actorId: number,
  statement: StatementDate | null,
  locale: Locale,
): Promise<RatificationTable> {
  const statementDay = statement ? Prisma.sql`(SELECT "adoptedOn" FROM "Document" WHERE id = ${statement.id})` : null;
  const existed = statementDay ? Prisma.sql`i."adoptedOn" <= ${statementDay}` : Prisma.sql`true`;
  const [rows, [summary]] = await Promise.all([
    prisma.$queryRaw<
      {
        instrumentCode: string;
        year: number;
        shortName: unknown;
        adoptedOn: Date;
        existed: boolean;
        status: RatificationStatus | null;
        party: boolean;
        signedOn: Date | null;
        consentedOn: Date | null;
        note: string | null;
        sourceUrl: string | null;
        version: number;
        updatedAt: Date | null;
      }[]
    >`
      SELECT i.code AS "instrumentCode", i.year, i."shortName", i."adoptedOn", (${existed}) AS existed,
             s.status::text AS status, COALESCE(s.status::text IN (${PARTY}), false) AS party,
             s."signedOn", s."consentedOn", s.note, s."sourceUrl", COALESCE(s.version, 0) AS version, s."updatedAt"
      FROM "Instrument" i
      LEFT JOIN "InstrumentStatus" s ON s."instrumentId" = i.id AND s."actorId" = ${actorId}
      ORDER BY i."adoptedOn", i."sortOrder"`,
    prisma.$queryRaw<{ party: number; total: number; partyOfExisting: number; existing: number }[]>`
      SELECT count(*) FILTER (WHERE s.status::text IN (${PARTY}))::int AS party,
             count(*)::int AS total,
             count(*) FILTER (WHERE s.status::text IN (${PARTY}) AND ${existed})::int AS "partyOfExisting",
             count(*) FILTER (WHERE ${existed})::int AS existing
      FROM "Instrument" i
      LEFT JOIN "InstrumentStatus" s ON s."instrumentId" = i.id AND s."actorId" = ${actorId}`,
  ]);
  return {
    rows: rows.map(({ shortName, existed: existedAtStatement, ...row }) => ({
      ...row,
      shortName: localize(shortName, locale),
      existedAtStatement,
    })),
    summary: {
      party: summary?.party ?? 0,
      total: summary?.total ?? 0,
      partyOfExisting: summary?.partyOfExisting ?? 0,
      existing: summary?.existing ?? 0,
      statement: statement ? { symbol: statement.symbol, adoptedOn: statement.adoptedOn } : null,
    },
  };
}

export interface RatificationRevisionView {
  number: number;
  status: RatificationStatus;
  signedOn: Date | null;
  consentedOn: Date | null;
  note: string | null;
  sourceUrl: string | null;
  changedAt: Date;
  /** Who made the change; null for the public, who see no user data. */
  changedBy: string | null;
}

export interface RatificationHistory {
  instrumentCode: string;
  shortName: string;
  revisions: RatificationRevisionView[];
}

/** Every state the pair has had, newest first; null for an unknown instrument. */
export async function ratificationHistory(
  prisma: Db,
  actorId: number,
  instrumentCode: string,
  locale: Locale,
  audience: Audience,
): Promise<RatificationHistory | null> {
  const [instrument] = await prisma.$queryRaw<{ id: number; code: string; shortName: unknown }[]>`
    SELECT id, code, "shortName" FROM "Instrument" WHERE code = ${instrumentCode}`;
  if (!instrument) return null;
  const revisions = await prisma.$queryRaw<(Omit<RatificationRevisionView, 'changedBy'> & { changedBy: string })[]>`
    SELECT r.number, r.status::text AS status, r."signedOn", r."consentedOn", r.note, r."sourceUrl", r."changedAt",
           u.name AS "changedBy"
    FROM "InstrumentStatusRevision" r
    JOIN "InstrumentStatus" s ON s.id = r."instrumentStatusId"
    JOIN "User" u ON u.id = r."changedById"
    WHERE s."actorId" = ${actorId} AND s."instrumentId" = ${instrument.id}
    ORDER BY r.number DESC`;
  return {
    instrumentCode: instrument.code,
    shortName: localize(instrument.shortName, locale),
    revisions: revisions.map((revision) => ({
      ...revision,
      changedBy: audience.publicOnly ? null : revision.changedBy,
    })),
  };
}
