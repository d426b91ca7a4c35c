import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import { isPartyStatus, type RatificationStatus } from '@/lib/vocabulary';
import type { Audience, Db } from '@/lib/status/sql';
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

/**
 * Every instrument (by adoption date, then the seed's order) with the state's recorded status on it, short names in
 * `locale`, and the summary counted over those rows: the instruments the state is party to (PARTY_STATUSES), of all
 * and of those adopted by `statement`'s date (all of them without a statement). One read of ~19 rows.
 */
export async function ratificationTable(
  prisma: Db,
  actorId: number,
  statement: StatementDate | null,
  locale: Locale,
): Promise<RatificationTable> {
  const instruments = await prisma.instrument.findMany({
    orderBy: [{ adoptedOn: 'asc' }, { sortOrder: 'asc' }],
    select: {
      code: true,
      year: true,
      shortName: true,
      adoptedOn: true,
      statuses: {
        where: { actorId },
        select: {
          status: true,
          signedOn: true,
          consentedOn: true,
          note: true,
          sourceUrl: true,
          version: true,
          updatedAt: true,
        },
      },
    },
  });
  const rows = instruments.map(({ code, year, shortName, adoptedOn, statuses: [recorded] }): RatificationRow => ({
    instrumentCode: code,
    year,
    shortName: localize(shortName, locale),
    adoptedOn,
    existedAtStatement: !statement || adoptedOn.getTime() <= statement.adoptedOn.getTime(),
    status: recorded?.status ?? null,
    party: recorded ? isPartyStatus(recorded.status) : false,
    signedOn: recorded?.signedOn ?? null,
    consentedOn: recorded?.consentedOn ?? null,
    note: recorded?.note ?? null,
    sourceUrl: recorded?.sourceUrl ?? null,
    version: recorded?.version ?? 0,
    updatedAt: recorded?.updatedAt ?? null,
  }));
  const count = (keep: (row: RatificationRow) => boolean) => rows.filter(keep).length;
  return {
    rows,
    summary: {
      party: count((row) => row.party),
      total: rows.length,
      partyOfExisting: count((row) => row.party && row.existedAtStatement),
      existing: count((row) => row.existedAtStatement),
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

/**
 * Every state the pair (member state `actorId`, instrument `instrumentCode`) has had, newest first, with who changed
 * it (null for the public); the short name in `locale`. Null for an unknown instrument; no revisions when nothing is
 * recorded.
 */
export async function ratificationHistory(
  prisma: Db,
  actorId: number,
  instrumentCode: string,
  locale: Locale,
  audience: Audience,
): Promise<RatificationHistory | null> {
  const instrument = await prisma.instrument.findUnique({
    where: { code: instrumentCode },
    select: { id: true, code: true, shortName: true },
  });
  if (!instrument) return null;
  const revisions = await prisma.instrumentStatusRevision.findMany({
    where: { instrumentStatus: { actorId, instrumentId: instrument.id } },
    orderBy: { number: 'desc' },
    select: {
      number: true,
      status: true,
      signedOn: true,
      consentedOn: true,
      note: true,
      sourceUrl: true,
      changedAt: true,
      changedBy: { select: { name: true } },
    },
  });
  return {
    instrumentCode: instrument.code,
    shortName: localize(instrument.shortName, locale),
    revisions: revisions.map(({ changedBy, ...revision }) => ({
      ...revision,
      changedBy: audience.publicOnly ? null : changedBy.name,
    })),
  };
}
