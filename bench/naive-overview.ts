import { performance } from 'node:perf_hooks';
import type { RawDb } from '@/lib/raw-sql';
import { resolveRange, statusSeries, type StatusSeries } from '@/lib/dashboard/queries';
import { emptyCounts, type StatusCounts } from '@/lib/status/constants';
import { isoMonth, monthsBetween } from '@/lib/dates';
import type { ImplementationStatus } from '@/lib/vocabulary';

/**
 * The dashboard overview computed the naive way, for comparison with lib/dashboard/queries.ts: every verified
 * revision of every member state × member-state commitment pair is read into JavaScript, and the status of each
 * pair at the end of each month follows the rule of lib/evidence/rollups.ts (latest verified evidence observed by
 * then; same day: verified last; then the highest id). Signed-in audience (all verified evidence).
 */
type Db = RawDb;

interface VerifiedRow {
  actorId: number;
  commitmentId: number;
  id: number;
  observedOn: Date;
  reviewedAt: Date;
  status: ImplementationStatus;
}

/** 'YYYY-MM' of a date. */

export async function naiveStatusSeries(prisma: Db, from: string, to: string): Promise<StatusSeries> {
  const [rows, [pairRow]] = await Promise.all([
    prisma.$queryRaw<VerifiedRow[]>`
      SELECT e."actorId", e."commitmentId", r.id, r."observedOn", r."reviewedAt", r.status::text AS status
      FROM "EvidenceRevision" r
      JOIN "Evidence" e ON e.id = r."evidenceId"
      JOIN "Actor" a ON a.id = e."actorId"
      JOIN "Commitment" c ON c.id = e."commitmentId"
      WHERE r.state = 'VERIFIED' AND a.kind = 'MEMBER_STATE' AND c.addressee = 'MEMBER_STATES'`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Actor" a CROSS JOIN "Commitment" c
      WHERE a.kind = 'MEMBER_STATE' AND c.addressee = 'MEMBER_STATES'`,
  ]);
  const pairs = pairRow?.n ?? 0;
  const months = monthsBetween(from, to);

  const byPair = new Map<string, VerifiedRow[]>();
  for (const row of rows) {
    const key = `${row.actorId}:${row.commitmentId}`;
    const list = byPair.get(key);
    if (list) list.push(row);
    else byPair.set(key, [row]);
  }
  // delta[i][status]: pairs entering (+1) or leaving (−1) a status at the end of month i.
  const deltas = months.map(() => new Map<ImplementationStatus, number>());
  const add = (i: number, status: ImplementationStatus, n: number) =>
    deltas[i]!.set(status, (deltas[i]!.get(status) ?? 0) + n);
  for (const list of byPair.values()) {
    list.sort(
      (a, b) =>
        a.observedOn.getTime() - b.observedOn.getTime() ||
        a.reviewedAt.getTime() - b.reviewedAt.getTime() ||
        a.id - b.id,
    );
    let current: ImplementationStatus | null = null;
    let index = 0;
    for (let m = 0; m < months.length; m++) {
      // The latest revision observed by the end of month m decides the status then.
      let status: ImplementationStatus | null = current;
      while (index < list.length && isoMonth(list[index]!.observedOn) <= months[m]!) {
        status = list[index]!.status;
        index += 1;
      }
      if (status !== current) {
        if (current) add(m, current, -1);
        if (status) add(m, status, 1);
        current = status;
      }
    }
  }
  const running = emptyCounts();
  const points = months.map((month, i) => {
    for (const [status, n] of deltas[i]!) running[status] += n;
    const known = Object.entries(running)
      .filter(([status]) => status !== 'NO_INFORMATION')
      .reduce((sum, [, n]) => sum + n, 0);
    return { month, counts: { ...running, NO_INFORMATION: Math.max(0, pairs - known) } as StatusCounts };
  });
  return { points, pairs, from, to };
}

export interface OverviewComparison {
  /** Verified member-state revisions the naive way reads. */
  rowsRead: number;
  months: number;
  sqlMs: number;
  naiveMs: number;
  ratio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The first difference between two series, in words, or null when they are equal. */
export function seriesDifference(sql: StatusSeries, naive: StatusSeries): string | null {
  if (sql.pairs !== naive.pairs) return `pairs: SQL ${sql.pairs}, naive ${naive.pairs}`;
  if (sql.points.length !== naive.points.length) {
    return `months: SQL ${sql.points.length}, naive ${naive.points.length}`;
  }
  for (const [i, point] of sql.points.entries()) {
    const other = naive.points[i]!;
    for (const [status, n] of Object.entries(point.counts)) {
      const m = other.counts[status as ImplementationStatus];
      if (point.month !== other.month || n !== m) return `${point.month} ${status}: SQL ${n}, naive ${m}`;
    }
  }
  return null;
}

/**
 * Times both ways (the naive one `runs` times, SQL five times after a warm-up; medians) and fails loudly if they disagree: the series of
 * status counts month by month, whose last point is the current distribution.
 */
export async function compareOverview(prisma: Db, runs = 3): Promise<OverviewComparison> {
  const { from, to } = resolveRange({});
  const audience = { publicOnly: false };
  // The first naive run is both timed and checked; the SQL one is cheap enough to time after a warm-up.
  let naive: StatusSeries | null = null;
  const naiveTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await naiveStatusSeries(prisma, from, to);
    naiveTimes.push(performance.now() - started);
    naive ??= result;
  }
  const sql = await statusSeries(prisma, {}, audience);
  const difference = seriesDifference(sql, naive!);
  if (difference) throw new Error(`The naive overview disagrees with the SQL one: ${difference}`);
  const sqlTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await statusSeries(prisma, {}, audience);
    sqlTimes.push(performance.now() - started);
  }
  const sqlMs = median(sqlTimes);
  const naiveMs = median(naiveTimes);
  const [rowsRead] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "EvidenceRevision" r JOIN "Evidence" e ON e.id = r."evidenceId"
    JOIN "Actor" a ON a.id = e."actorId" JOIN "Commitment" c ON c.id = e."commitmentId"
    WHERE r.state = 'VERIFIED' AND a.kind = 'MEMBER_STATE' AND c.addressee = 'MEMBER_STATES'`;
  return { rowsRead: rowsRead?.n ?? 0, months: sql.points.length, sqlMs, naiveMs, ratio: naiveMs / sqlMs };
}
