import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { publicRevisionCondition } from '@/lib/evidence/public';
import { actorScope, scopeSql, type ScopeFilter } from '@/lib/dashboard/scope';
import type { Locale } from '@/lib/i18n/config';
import { localize, LocalizedTextSchema } from '@/lib/i18n/localized';
import { emptyCounts, type SortDirection, type StatusCounts, type StatusSortKey } from '@/lib/status/constants';
import type { ReadAudience } from '@/lib/permissions';
import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
  PARTY_STATUSES,
  progressRank,
  type RatificationStatus,
  type RegionalGroup,
} from '@/lib/vocabulary';

/**
 * The SQL behind the status screens, as plain functions of a Prisma client so that tests can run them without a
 * Next.js request (lib/data/status.ts wraps them with the guard). Counts are aggregated in the database; rows are
 * one per commitment, instrument, state or matrix cell, never one per evidence record.
 */
type Db = Pick<PrismaClient, '$queryRaw'>;

/** Whether the reader is the anonymous public, who sees only evidence marked public (lib/permissions.ts). */
export type Audience = Pick<ReadAudience, 'publicOnly'>;

/**
 * The current status of each pair as the reader may see it: the CurrentStatus rows of the reader's audience (all
 * verified evidence for signed-in readers, the verified evidence marked public for the public), so that an internal
 * record shows nowhere in public. See lib/evidence/rollups.ts.
 */
function currentStatusSource(audience: Audience): Prisma.Sql {
  return Prisma.sql`(SELECT * FROM "CurrentStatus" WHERE "publicOnly" = ${audience.publicOnly})`;
}

const PARTY = Prisma.join([...PARTY_STATUSES]);

function names(value: unknown) {
  const name = LocalizedTextSchema.parse(value);
  return { nameZh: name.zh, nameEn: name.en };
}

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

function countsFrom(rows: { status: string; n: number }[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.status as ImplementationStatus] += Number(row.n);
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Countries

export interface MemberStateHeader {
  id: number;
  code: string;
  alpha2: string | null;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
}

export async function findMemberState(prisma: Db, code: string): Promise<MemberStateHeader | null> {
  const [row] = await prisma.$queryRaw<
    { id: number; code: string; alpha2: string | null; name: unknown; regionalGroup: RegionalGroup | null }[]
  >`
    SELECT id, code, alpha2, name, "regionalGroup"::text AS "regionalGroup"
    FROM "Actor" WHERE code = ${code} AND kind = 'MEMBER_STATE'`;
  if (!row) return null;
  return { id: row.id, code: row.code, alpha2: row.alpha2, ...names(row.name), regionalGroup: row.regionalGroup };
}

export interface ScorecardCommitment {
  code: string;
  title: string;
  status: ImplementationStatus;
  observedOn: Date | null;
}

export interface Scorecard {
  themes: { code: string; name: string; commitments: ScorecardCommitment[] }[];
  counts: StatusCounts;
  total: number;
}

/** Every commitment addressed to member states with the country's current status, grouped by theme. */
export async function countryScorecard(
  prisma: Db,
  actorId: number,
  locale: Locale,
  audience: Audience,
): Promise<Scorecard> {
  const source = currentStatusSource(audience);
  const [rows, countRows] = await Promise.all([
    prisma.$queryRaw<
      {
        code: string;
        title: unknown;
        themeCode: string;
        themeName: unknown;
        status: ImplementationStatus;
        observedOn: Date | null;
      }[]
    >`
      SELECT c.code, c.title, t.code AS "themeCode", t.name AS "themeName",
             COALESCE(cs.status::text, 'NO_INFORMATION') AS status, cs."observedOn"
      FROM "Commitment" c
      JOIN "Theme" t ON t.id = c."themeId"
      JOIN "Document" d ON d.id = c."documentId"
      LEFT JOIN ${source} cs ON cs."commitmentId" = c.id AND cs."actorId" = ${actorId}
      WHERE c.addressee = 'MEMBER_STATES'
      ORDER BY t."sortOrder", d."adoptedOn", c."sortOrder"`,
    prisma.$queryRaw<{ status: string; n: number }[]>`
      SELECT COALESCE(cs.status::text, 'NO_INFORMATION') AS status, count(*)::int AS n
      FROM "Commitment" c
      LEFT JOIN ${source} cs ON cs."commitmentId" = c.id AND cs."actorId" = ${actorId}
      WHERE c.addressee = 'MEMBER_STATES'
      GROUP BY 1`,
  ]);
  const themes: Scorecard['themes'] = [];
  for (const row of rows) {
    let theme = themes.at(-1);
    if (theme?.code !== row.themeCode) {
      theme = { code: row.themeCode, name: localize(row.themeName, locale), commitments: [] };
      themes.push(theme);
    }
    theme.commitments.push({
      code: row.code,
      title: localize(row.title, locale),
      status: row.status,
      observedOn: row.observedOn,
    });
  }
  const counts = countsFrom(countRows);
  return { themes, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// Ratification

/** The statement a ratification count is measured against: its symbol and date. */
export interface StatementDate {
  id: number;
  symbol: string;
  adoptedOn: Date;
}

/** The document of a commitment, or (without one) the first document tracked. */
export async function statementDate(prisma: Db, commitmentCode?: string): Promise<StatementDate | null> {
  const [row] = await prisma.$queryRaw<StatementDate[]>`
    SELECT d.id, d.symbol, d."adoptedOn"
    FROM "Document" d
    ${
      commitmentCode
        ? Prisma.sql`JOIN "Commitment" c ON c."documentId" = d.id WHERE c.code = ${commitmentCode}`
        : Prisma.empty
    }
    ORDER BY d."adoptedOn", d.id
    LIMIT 1`;
  return row ?? null;
}

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

// ---------------------------------------------------------------------------------------------------------------
// A commitment across the member states

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

export async function commitmentAcrossStates(
  prisma: Db,
  commitmentId: number,
  sort: StatusSortKey,
  dir: SortDirection,
  locale: Locale,
  audience: Audience,
): Promise<CommitmentAcrossStates> {
  const source = currentStatusSource(audience);
  const [[linked], statement] = await Promise.all([
    prisma.$queryRaw<{ total: number; existing: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE i."adoptedOn" <= d."adoptedOn")::int AS existing
      FROM "CommitmentLink" l
      JOIN "Instrument" i ON i.id = l."instrumentId"
      JOIN "Commitment" c ON c.id = l."commitmentId"
      JOIN "Document" d ON d.id = c."documentId"
      WHERE l."commitmentId" = ${commitmentId}`,
    prisma.$queryRaw<{ symbol: string; adoptedOn: Date }[]>`
      SELECT d.symbol, d."adoptedOn" FROM "Document" d JOIN "Commitment" c ON c."documentId" = d.id
      WHERE c.id = ${commitmentId}`,
  ]);
  const withInstruments = Boolean(linked && linked.total > 0);
  const [rows, countRows] = await Promise.all([
    prisma.$queryRaw<
      {
        code: string;
        name: unknown;
        regionalGroup: RegionalGroup | null;
        status: ImplementationStatus;
        observedOn: Date | null;
        party: number | null;
        partyOfExisting: number | null;
      }[]
    >`
      SELECT a.code, a.name, a."regionalGroup"::text AS "regionalGroup",
             COALESCE(cs.status::text, 'NO_INFORMATION') AS status, cs."observedOn",
             ${withInstruments ? Prisma.sql`p.party, p."partyOfExisting"` : Prisma.sql`NULL::int AS party, NULL::int AS "partyOfExisting"`}
      FROM "Actor" a
      LEFT JOIN ${source} cs ON cs."actorId" = a.id AND cs."commitmentId" = ${commitmentId}
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
    prisma.$queryRaw<{ status: string; n: number }[]>`
      SELECT COALESCE(cs.status::text, 'NO_INFORMATION') AS status, count(*)::int AS n
      FROM "Actor" a
      LEFT JOIN ${source} cs ON cs."actorId" = a.id AND cs."commitmentId" = ${commitmentId}
      WHERE a.kind = 'MEMBER_STATE'
      GROUP BY 1`,
  ]);
  const states = rows.map(({ name, ...row }) => ({ ...row, ...names(name) }));
  return {
    rows: sortStateRows(states, sort, dir, locale),
    counts: countsFrom(countRows),
    instruments:
      withInstruments && linked && statement[0]
        ? { total: linked.total, existing: linked.existing, statement: statement[0] }
        : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence timelines

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
    prisma.$queryRaw<
      {
        revisionId: number;
        actorCode: string;
        actorName: unknown;
        commitmentCode: string;
        commitmentTitle: unknown;
        observedOn: Date;
        status: ImplementationStatus;
        score: number | null;
        summary: unknown;
        verifiedAt: Date | null;
        current: boolean;
      }[]
    >`
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
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM "EvidenceRevision" r JOIN "Evidence" e ON e.id = r."evidenceId"
      WHERE ${where}`,
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

// ---------------------------------------------------------------------------------------------------------------
// The countries × commitments matrix

export interface MatrixColumn {
  code: string;
  /** Paragraph number and, where a paragraph has several commitments, a letter: "P12c". */
  shortCode: string;
  title: string;
  themeCode: string;
}

export interface MatrixRow {
  code: string;
  nameZh: string;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
  /** Commitment code → status; absent means no information. */
  cells: Record<string, ImplementationStatus>;
}

export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Cells per status over the rows and columns shown. */
  counts: StatusCounts;
}

/** Row orders of the matrix: by name, by regional group, or by progress (most advanced first). */
export const MATRIX_SORTS = ['name', 'group', 'progress'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

export interface MatrixFilter extends ScopeFilter {
  /** 'YYYY-MM': the statuses at the end of that month; absent means today. */
  asOf?: string;
}

/**
 * Member states × commitments on member states with each cell's status, today (CurrentStatus) or at the end of a
 * past month (the latest StatusChange by then). One row per cell with information is read; counts are taken from
 * those cells, so they always match what the matrix shows.
 */
export async function statusMatrix(
  prisma: Db,
  filter: MatrixFilter,
  sort: MatrixSort,
  locale: Locale,
  audience: Audience,
): Promise<Matrix> {
  const [year, month] = (filter.asOf ?? '').split('-').map(Number);
  const cellSource = filter.asOf
    ? Prisma.sql`(
        SELECT DISTINCT ON (sc."actorId", sc."commitmentId") sc."actorId", sc."commitmentId", sc."toStatus" AS status
        FROM "StatusChange" sc
        WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${new Date(Date.UTC(year!, month!, 1))}
        ORDER BY sc."actorId", sc."commitmentId", sc.month DESC
      )`
    : currentStatusSource(audience);
  const [commitments, states, cells] = await Promise.all([
    prisma.$queryRaw<{ code: string; title: unknown; themeCode: string; paragraph: number }[]>`
      SELECT c.code, c.title, t.code AS "themeCode", p.number AS paragraph
      FROM "Commitment" c
      JOIN "Theme" t ON t.id = c."themeId"
      JOIN "Paragraph" p ON p.id = c."paragraphId"
      JOIN "Document" d ON d.id = c."documentId"
      WHERE c.addressee = 'MEMBER_STATES'
      ORDER BY d."adoptedOn", c."sortOrder"`,
    prisma.$queryRaw<{ code: string; name: unknown; regionalGroup: RegionalGroup | null }[]>`
      SELECT a.code, a.name, a."regionalGroup"::text AS "regionalGroup"
      FROM "Actor" a WHERE ${actorScope(filter)}`,
    prisma.$queryRaw<{ actor: string; commitment: string; status: ImplementationStatus }[]>`
      SELECT a.code AS actor, c.code AS commitment, cs.status::text AS status
      FROM ${cellSource} cs
      JOIN "Actor" a ON a.id = cs."actorId"
      JOIN "Commitment" c ON c.id = cs."commitmentId"
      JOIN "Theme" t ON t.id = c."themeId"
      WHERE ${scopeSql(filter)}`,
  ]);

  // Short codes are given over all commitments, so that a column keeps its code whatever the filter.
  const perParagraph = new Map<number, number>();
  for (const commitment of commitments) {
    perParagraph.set(commitment.paragraph, (perParagraph.get(commitment.paragraph) ?? 0) + 1);
  }
  const seen = new Map<number, number>();
  const columns: MatrixColumn[] = [];
  for (const commitment of commitments) {
    const index = seen.get(commitment.paragraph) ?? 0;
    seen.set(commitment.paragraph, index + 1);
    const suffix = perParagraph.get(commitment.paragraph)! > 1 ? String.fromCharCode(97 + index) : '';
    if (filter.theme && commitment.themeCode !== filter.theme) continue;
    if (filter.commitment && commitment.code !== filter.commitment) continue;
    columns.push({
      code: commitment.code,
      shortCode: `P${commitment.paragraph}${suffix}`,
      title: localize(commitment.title, locale),
      themeCode: commitment.themeCode,
    });
  }

  const byState = new Map<string, Record<string, ImplementationStatus>>();
  const counts = emptyCounts();
  for (const cell of cells) {
    let row = byState.get(cell.actor);
    if (!row) byState.set(cell.actor, (row = {}));
    row[cell.commitment] = cell.status;
    counts[cell.status] += 1;
  }
  counts.NO_INFORMATION += states.length * columns.length - cells.length;

  const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : 'en');
  const nameOf = (row: MatrixRow) => (locale === 'zh' ? row.nameZh : row.nameEn);
  const progress = (row: MatrixRow) =>
    Object.values(row.cells).reduce((sum, status) => sum + (progressRank(status) ?? 0), 0);
  const order: Record<MatrixSort, (a: MatrixRow, b: MatrixRow) => number> = {
    name: () => 0,
    group: (a, b) => (a.regionalGroup ?? '').localeCompare(b.regionalGroup ?? ''),
    progress: (a, b) => progress(b) - progress(a),
  };
  const rows = states
    .map(({ name, ...state }) => ({ ...state, ...names(name), cells: byState.get(state.code) ?? {} }))
    .sort((a, b) => order[sort](a, b) || collator.compare(nameOf(a), nameOf(b)));
  return { columns, rows, counts };
}
