import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { publicRevisionCondition } from '@/lib/evidence/public';
import type { Locale } from '@/lib/i18n/config';
import { localize } from '@/lib/i18n/localized';
import type { DashboardFilter } from '@/lib/dashboard/filter';
import { actorScope, commitmentScope, scopeSql } from '@/lib/dashboard/scope';
import { emptyCounts, pairsWithEvidence, type StatusCounts } from '@/lib/status/constants';
import type { Audience } from '@/lib/status/sql';
import { addMonths, isoMonth, monthsBetween } from '@/lib/dates';
import { Column, queryRows, type RawDb } from '@/lib/raw-sql';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus, PARTY_STATUSES, PROGRESS_STEPS } from '@/lib/vocabulary';

/**
 * The dashboard's aggregates, in SQL over the rollups of lib/evidence/rollups.ts: the number of member state ×
 * commitment pairs at each status at the end of a month is the sum of the StatusChange deltas up to that month, so
 * no query reads evidence rows except the two that list or count recent verifications (through an index).
 * Plain functions of a Prisma client, so that tests and the benchmark run them without a request; each raw row is
 * parsed as it arrives (lib/raw-sql.ts).
 */
type Db = RawDb;

/** A regional group or theme code as a grouping key; null for a state in no regional group. */
const GroupKey = z.string().nullable();

/** The first month the charts show when the filter names none. */
export const DEFAULT_FROM = '2005-01';

/** First day of the month after `month`: changes dated before it count at the end of `month`. */
function endOf(month: string): Date {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 1));
}

export function resolveRange(filter: DashboardFilter, now = new Date()): { from: string; to: string } {
  const to = filter.to ?? isoMonth(now);
  const from = filter.from ?? (DEFAULT_FROM < to ? DEFAULT_FROM : to);
  return { from, to };
}

function completeCounts(counts: StatusCounts, pairs: number): StatusCounts {
  const known = IMPLEMENTATION_STATUSES.filter((s) => s !== 'NO_INFORMATION').reduce((sum, s) => sum + counts[s], 0);
  return { ...counts, NO_INFORMATION: Math.max(0, pairs - known) };
}

/** Member states × commitments in the filter, optionally per theme or per regional group. */
async function pairTotals(
  prisma: Db,
  filter: DashboardFilter,
  by: 'none' | 'theme' | 'group',
): Promise<Map<string, number>> {
  const key =
    by === 'theme' ? Prisma.sql`t.code` : by === 'group' ? Prisma.sql`a."regionalGroup"::text` : Prisma.sql`'all'`;
  const rows = await queryRows(
    prisma,
    z.object({ key: GroupKey, n: Column.count }),
    Prisma.sql`
    SELECT ${key} AS key, count(*)::int AS n
    FROM "Actor" a
    CROSS JOIN "Commitment" c
    JOIN "Theme" t ON t.id = c."themeId"
    WHERE ${scopeSql(filter)}
    GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.key ?? '', row.n]));
}

export interface StatusSeries {
  /** One point per month from `from` to `to`: the pairs at each status at the month's end. */
  points: { month: string; counts: StatusCounts }[];
  /** Member state × commitment pairs in the filter. */
  pairs: number;
  from: string;
  to: string;
}

/** Pairs at each status, month by month. */
export async function statusSeries(prisma: Db, filter: DashboardFilter, audience: Audience): Promise<StatusSeries> {
  const { from, to } = resolveRange(filter);
  const [rows, totals] = await Promise.all([
    queryRows(
      prisma,
      z.object({ month: z.string(), status: Column.status, n: Column.count }),
      Prisma.sql`
      WITH deltas AS (
        SELECT sc.month, d.status, sum(d.delta)::int AS delta
        FROM "StatusChange" sc
        JOIN "Actor" a ON a.id = sc."actorId"
        JOIN "Commitment" c ON c.id = sc."commitmentId"
        JOIN "Theme" t ON t.id = c."themeId"
        CROSS JOIN LATERAL (VALUES (sc."toStatus", 1), (sc."fromStatus", -1)) AS d(status, delta)
        WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${endOf(to)} AND d.status IS NOT NULL
          AND ${scopeSql(filter)}
        GROUP BY 1, 2
      )
      SELECT to_char(month, 'YYYY-MM') AS month, status::text AS status,
             (sum(delta) OVER (PARTITION BY status ORDER BY month))::int AS n
      FROM deltas
      ORDER BY month`,
    ),
    pairTotals(prisma, filter, 'none'),
  ]);
  const pairs = totals.get('all') ?? 0;
  // Cumulative counts per status, carried forward to every month of the range.
  const running = emptyCounts();
  const points: StatusSeries['points'] = [];
  let next = 0;
  for (const month of monthsBetween(from, to)) {
    while (next < rows.length && rows[next]!.month <= month) {
      running[rows[next]!.status] = rows[next]!.n;
      next += 1;
    }
    points.push({ month, counts: completeCounts({ ...running }, pairs) });
  }
  return { points, pairs, from, to };
}

export interface StatusBreakdownRow {
  key: string;
  label: string;
  counts: StatusCounts;
  pairs: number;
}

/** Pairs at each status at the end of the range, per theme or per UN regional group. */
export async function statusBreakdown(
  prisma: Db,
  filter: DashboardFilter,
  by: 'theme' | 'group',
  locale: Locale,
  audience: Audience,
  groupLabels: (group: string) => string,
): Promise<StatusBreakdownRow[]> {
  const { to } = resolveRange(filter);
  const key = by === 'theme' ? Prisma.sql`t.code` : Prisma.sql`a."regionalGroup"::text`;
  const [rows, totals, themes] = await Promise.all([
    queryRows(
      prisma,
      z.object({ key: GroupKey, status: Column.status, n: Column.count }),
      Prisma.sql`
      SELECT ${key} AS key, d.status::text AS status, sum(d.delta)::int AS n
      FROM "StatusChange" sc
      JOIN "Actor" a ON a.id = sc."actorId"
      JOIN "Commitment" c ON c.id = sc."commitmentId"
      JOIN "Theme" t ON t.id = c."themeId"
      CROSS JOIN LATERAL (VALUES (sc."toStatus", 1), (sc."fromStatus", -1)) AS d(status, delta)
      WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${endOf(to)} AND d.status IS NOT NULL
        AND ${scopeSql(filter)}
      GROUP BY 1, 2`,
    ),
    pairTotals(prisma, filter, by),
    by === 'theme'
      ? queryRows(
          prisma,
          z.object({ code: z.string(), name: Column.localized }),
          Prisma.sql`SELECT code, name FROM "Theme" ORDER BY "sortOrder"`,
        )
      : Promise.resolve([]),
  ]);
  const counts = new Map<string, StatusCounts>();
  for (const row of rows) {
    const group = row.key ?? '';
    if (!counts.has(group)) counts.set(group, emptyCounts());
    counts.get(group)![row.status] = row.n;
  }
  const order = by === 'theme' ? themes.map((theme) => theme.code) : [...totals.keys()].sort();
  const labels = new Map(themes.map((theme) => [theme.code, localize(theme.name, locale)]));
  return order
    .filter((group) => totals.has(group))
    .map((group) => ({
      key: group,
      label: by === 'theme' ? (labels.get(group) ?? group) : groupLabels(group),
      pairs: totals.get(group)!,
      counts: completeCounts(counts.get(group) ?? emptyCounts(), totals.get(group)!),
    }));
}

export interface Headline {
  /** Member-state commitments in the filter. */
  commitments: number;
  /** Member states in the filter with verified evidence on any commitment in the filter, by the range's end. */
  statesWithEvidence: number;
  states: number;
  /** Pairs at each status at the range's end, and all pairs. */
  counts: StatusCounts;
  pairs: number;
  /** Pairs with any verified evidence at the range's end (coverage; "not applicable" counts as evidence). */
  withEvidence: number;
  /** Fully implemented, as a share of the pairs where the commitment applies (not "not applicable"); null if none. */
  fullyOfApplicable: number | null;
  /** Revisions verified in the 30 days up to the range's end (today when the range ends this month). */
  verifiedLast30Days: number;
}

export async function headline(
  prisma: Db,
  filter: DashboardFilter,
  audience: Audience,
  now = new Date(),
): Promise<Headline> {
  const { to } = resolveRange(filter, now);
  const end = to === isoMonth(now) ? now : endOf(to);
  const since = new Date(end.getTime() - 30 * 24 * 3600 * 1000);
  const [series, [figures], [recent]] = await Promise.all([
    statusSeries(prisma, { ...filter, from: to, to }, audience),
    queryRows(
      prisma,
      z.object({ commitments: Column.count, states: Column.count, statesWithEvidence: Column.count }),
      Prisma.sql`
      SELECT
        (SELECT count(*)::int FROM "Commitment" c JOIN "Theme" t ON t.id = c."themeId"
          WHERE ${commitmentScope(filter)}) AS commitments,
        (SELECT count(*)::int FROM "Actor" a WHERE ${actorScope(filter)}) AS states,
        (SELECT count(DISTINCT sc."actorId")::int
          FROM "StatusChange" sc
          JOIN "Actor" a ON a.id = sc."actorId"
          JOIN "Commitment" c ON c.id = sc."commitmentId"
          JOIN "Theme" t ON t.id = c."themeId"
          WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${endOf(to)} AND ${scopeSql(filter)})
          AS "statesWithEvidence"`,
    ),
    queryRows(
      prisma,
      z.object({ n: Column.count }),
      Prisma.sql`
      SELECT count(*)::int AS n
      FROM "EvidenceRevision" r
      JOIN "Evidence" e ON e.id = r."evidenceId"
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      JOIN "Theme" t ON t.id = c."themeId"
      WHERE r.state = 'VERIFIED' AND r."reviewedAt" > ${since} AND r."reviewedAt" <= ${end}
        ${audience.publicOnly ? Prisma.sql`AND ${publicRevisionCondition('r', 'e')}` : Prisma.empty}
        AND ${scopeSql(filter)}`,
    ),
  ]);
  const counts = series.points.at(-1)?.counts ?? emptyCounts();
  const applicable = series.pairs - counts.NOT_APPLICABLE;
  return {
    commitments: figures?.commitments ?? 0,
    states: figures?.states ?? 0,
    statesWithEvidence: figures?.statesWithEvidence ?? 0,
    counts,
    pairs: series.pairs,
    withEvidence: pairsWithEvidence(counts),
    fullyOfApplicable: applicable > 0 ? counts.FULLY_IMPLEMENTED / applicable : null,
    verifiedLast30Days: recent?.n ?? 0,
  };
}

/** How many months a "change since" looks back when the filter names no month: the range's last 12 months. */
export const DEFAULT_SINCE_MONTHS = 12;

/**
 * The month that the "change since" figures count from ('YYYY-MM'; changes from its first day on): the filter's
 * `since`, else the start of the range's last DEFAULT_SINCE_MONTHS months; never later than the range's end.
 */
export function resolveSince(filter: DashboardFilter, now = new Date()): string {
  const { to } = resolveRange(filter, now);
  const since = filter.since ?? addMonths(to, 1 - DEFAULT_SINCE_MONTHS);
  return since > to ? to : since;
}

export interface ChangeSinceRow {
  /** The UN regional group ('' for a state in none), or 'all' for the total. */
  key: string;
  label: string;
  /** Member state × commitment pairs in the filter. */
  pairs: number;
  /** Pairs at each status just before `since` (the end of the month before it), and at the range's end. */
  before: StatusCounts;
  after: StatusCounts;
  /** Pairs without verified evidence before `since` that have some by the range's end. */
  newlyCovered: number;
  /** Pairs that had a status before `since` and a different one at the range's end. */
  changed: number;
}

export interface ChangeSince {
  /** First month counted ('YYYY-MM') and the range's last month. */
  since: string;
  to: string;
  /** All pairs in the filter, then each UN regional group in code order. */
  total: ChangeSinceRow;
  groups: ChangeSinceRow[];
}

/**
 * What changed from the start of month `since` (resolveSince) to the end of the range, per UN regional group and in
 * all: each pair's status then and at the end is its latest StatusChange before each moment, so a pair counts once
 * however often it changed in between.
 */
export async function changeSince(
  prisma: Db,
  filter: DashboardFilter,
  audience: Audience,
  groupLabels: (group: string) => string,
  totalLabel: string,
  now = new Date(),
): Promise<ChangeSince> {
  const { to } = resolveRange(filter, now);
  const since = resolveSince(filter, now);
  const [rows, totals] = await Promise.all([
    queryRows(
      prisma,
      z.object({ key: GroupKey, before: Column.status.nullable(), after: Column.status, n: Column.count }),
      Prisma.sql`
      WITH pairs AS (
        SELECT a."regionalGroup"::text AS key,
               (array_agg(sc."toStatus"::text ORDER BY sc.month DESC)
                 FILTER (WHERE sc.month < ${endOf(addMonths(since, -1))}))[1] AS before,
               (array_agg(sc."toStatus"::text ORDER BY sc.month DESC))[1] AS after
        FROM "StatusChange" sc
        JOIN "Actor" a ON a.id = sc."actorId"
        JOIN "Commitment" c ON c.id = sc."commitmentId"
        JOIN "Theme" t ON t.id = c."themeId"
        WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${endOf(to)} AND ${scopeSql(filter)}
        GROUP BY sc."actorId", sc."commitmentId", a."regionalGroup"
      )
      SELECT key, before, after, count(*)::int AS n FROM pairs GROUP BY 1, 2, 3`,
    ),
    pairTotals(prisma, filter, 'group'),
  ]);
  const row = (key: string, label: string): ChangeSinceRow => ({
    key,
    label,
    pairs: 0,
    before: emptyCounts(),
    after: emptyCounts(),
    newlyCovered: 0,
    changed: 0,
  });
  const total = row('all', totalLabel);
  const groups = new Map([...totals.keys()].sort().map((key) => [key, row(key, groupLabels(key))]));
  for (const [key, pairs] of totals) {
    groups.get(key)!.pairs = pairs;
    total.pairs += pairs;
  }
  for (const { key, before, after, n } of rows) {
    const group = groups.get(key ?? '');
    for (const target of group ? [group, total] : [total]) {
      if (before) target.before[before] += n;
      target.after[after] += n;
      if (!before) target.newlyCovered += n;
      else if (before !== after) target.changed += n;
    }
  }
  for (const target of [total, ...groups.values()]) {
    target.before = completeCounts(target.before, target.pairs);
    target.after = completeCounts(target.after, target.pairs);
  }
  return { since, to, total, groups: [...groups.values()] };
}

export interface RecentVerification {
  revisionId: number;
  evidenceId: number;
  actorCode: string;
  actorName: string;
  commitmentCode: string;
  commitmentTitle: string;
  status: ImplementationStatus;
  observedOn: Date;
  verifiedAt: Date;
}

export const RECENT_LIMIT = 8;

/** The latest verifications in the filter, newest first. */
export async function recentVerifications(
  prisma: Db,
  filter: DashboardFilter,
  locale: Locale,
  audience: Audience,
): Promise<RecentVerification[]> {
  const { to } = resolveRange(filter);
  const rows = await queryRows(
    prisma,
    z.object({
      revisionId: z.number().int(),
      evidenceId: z.number().int(),
      actorCode: z.string(),
      actorName: Column.localized,
      commitmentCode: z.string(),
      commitmentTitle: Column.localized,
      status: Column.status,
      observedOn: z.date(),
      verifiedAt: z.date(),
    }),
    Prisma.sql`
    SELECT r.id AS "revisionId", e.id AS "evidenceId", a.code AS "actorCode", a.name AS "actorName",
           c.code AS "commitmentCode", c.title AS "commitmentTitle", r.status::text AS status, r."observedOn",
           r."reviewedAt" AS "verifiedAt"
    FROM "EvidenceRevision" r
    JOIN "Evidence" e ON e.id = r."evidenceId"
    JOIN "Actor" a ON a.id = e."actorId"
    JOIN "Commitment" c ON c.id = e."commitmentId"
    JOIN "Theme" t ON t.id = c."themeId"
    WHERE r.state = 'VERIFIED' AND r."reviewedAt" < ${endOf(to)}
      ${audience.publicOnly ? Prisma.sql`AND ${publicRevisionCondition('r', 'e')}` : Prisma.empty}
      AND ${scopeSql(filter)}
    ORDER BY r."reviewedAt" DESC, r.id DESC
    LIMIT ${RECENT_LIMIT}`,
  );
  return rows.map(({ actorName, commitmentTitle, ...row }) => ({
    ...row,
    actorName: localize(actorName, locale),
    commitmentTitle: localize(commitmentTitle, locale),
  }));
}

export interface StateStatus {
  code: string;
  name: string;
  status: ImplementationStatus;
}

/**
 * Each member state's status at the range's end on one commitment, or on one theme as the median status of the
 * theme's commitments that apply to the state (statuses ranked from not started to fully implemented; "no
 * information" when none of them has any).
 */
export async function statusPerState(
  prisma: Db,
  of: { commitment: string } | { theme: string },
  filter: DashboardFilter,
  locale: Locale,
  audience: Audience,
): Promise<StateStatus[]> {
  const { to } = resolveRange(filter);
  const commitments = 'commitment' in of ? Prisma.sql`c.code = ${of.commitment}` : Prisma.sql`t.code = ${of.theme}`;
  // A status's rank is its position among the steps (1-based, as array_position counts); the others have none.
  const steps = [...PROGRESS_STEPS];
  const rows = await queryRows(
    prisma,
    z.object({ code: z.string(), name: Column.localized, status: Column.status }),
    Prisma.sql`
    WITH latest AS (
      SELECT DISTINCT ON (sc."actorId", sc."commitmentId") sc."actorId", sc."toStatus" AS status
      FROM "StatusChange" sc
      JOIN "Commitment" c ON c.id = sc."commitmentId"
      JOIN "Theme" t ON t.id = c."themeId"
      WHERE sc."publicOnly" = ${audience.publicOnly} AND sc.month < ${endOf(to)} AND c.addressee = 'MEMBER_STATES'
        AND ${commitments}
      ORDER BY sc."actorId", sc."commitmentId", sc.month DESC
    ), ranked AS (
      SELECT "actorId",
             percentile_disc(0.5) WITHIN GROUP (ORDER BY array_position(${steps}::text[], status::text)) AS rank,
             bool_and(status = 'NOT_APPLICABLE') AS "allNotApplicable"
      FROM latest GROUP BY "actorId"
    )
    SELECT a.code, a.name,
           CASE WHEN r."allNotApplicable" THEN 'NOT_APPLICABLE'
                ELSE COALESCE((${steps}::text[])[r.rank], 'NO_INFORMATION') END AS status
    FROM "Actor" a
    LEFT JOIN ranked r ON r."actorId" = a.id
    WHERE ${actorScope(filter)}`,
  );
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : 'en');
  return rows
    .map((row) => ({ code: row.code, name: localize(row.name, locale), status: row.status }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export interface PartiesOverTime {
  /** One point per year: instruments joined by the year's end, of all and of those adopted by the statement. */
  points: { year: string; all: number; existing: number }[];
  /** The maxima: instruments in all, and adopted by the statement's date. */
  total: number;
  existing: number;
  /** Party statuses recorded without a date of consent, which the chart cannot place. */
  undated: number;
}

/**
 * Instruments joined over time: for one country, the number it had joined by each year's end; for all member
 * states, the mean number per state. Only instruments the commitment names, when one is given.
 */
export async function partiesOverTime(
  prisma: Db,
  scope: { actorId: number } | { states: DashboardFilter },
  commitmentId: number | null,
  statementAdoptedOn: Date,
  untilYear = new Date().getUTCFullYear(),
): Promise<PartiesOverTime> {
  const instruments = commitmentId
    ? Prisma.sql`i.id IN (SELECT "instrumentId" FROM "CommitmentLink" WHERE "commitmentId" = ${commitmentId})`
    : Prisma.sql`true`;
  const actors = 'actorId' in scope ? Prisma.sql`a.id = ${scope.actorId}` : actorScope(scope.states);
  const party = Prisma.join([...PARTY_STATUSES]);
  const [yearly, [sizes]] = await Promise.all([
    queryRows(
      prisma,
      z.object({ year: z.number().int().nullable(), all: Column.count, existing: Column.count }),
      Prisma.sql`
      SELECT extract(year FROM s."consentedOn")::int AS year, count(*)::int AS all,
             count(*) FILTER (WHERE i."adoptedOn" <= ${statementAdoptedOn})::int AS existing
      FROM "InstrumentStatus" s
      JOIN "Instrument" i ON i.id = s."instrumentId"
      JOIN "Actor" a ON a.id = s."actorId"
      WHERE s.status::text IN (${party}) AND ${instruments} AND ${actors}
      GROUP BY 1 ORDER BY 1`,
    ),
    queryRows(
      prisma,
      z.object({ states: Column.count, total: Column.count, existing: Column.count }),
      Prisma.sql`
      SELECT (SELECT count(*)::int FROM "Actor" a WHERE ${actors}) AS states,
             count(*)::int AS total, count(*) FILTER (WHERE i."adoptedOn" <= ${statementAdoptedOn})::int AS existing
      FROM "Instrument" i WHERE ${instruments}`,
    ),
  ]);
  const states = Math.max(1, sizes?.states ?? 1);
  const dated = yearly.filter((row) => row.year !== null) as { year: number; all: number; existing: number }[];
  const undated = yearly.find((row) => row.year === null)?.all ?? 0;
  const points: PartiesOverTime['points'] = [];
  if (dated.length > 0) {
    let all = 0;
    let existing = 0;
    let next = 0;
    for (let year = dated[0]!.year; year <= Math.max(untilYear, dated.at(-1)!.year); year++) {
      while (next < dated.length && dated[next]!.year <= year) {
        all += dated[next]!.all;
        existing += dated[next]!.existing;
        next += 1;
      }
      const round = (n: number) => Math.round((n / states) * 100) / 100;
      points.push({ year: String(year), all: round(all), existing: round(existing) });
    }
  }
  return { points, total: sizes?.total ?? 0, existing: sizes?.existing ?? 0, undated };
}
