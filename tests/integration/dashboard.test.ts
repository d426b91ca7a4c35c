import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedAggregate, readRollupVersion } from '@/lib/dashboard/cache';
import type { Database } from '@/lib/db';
import { parseDashboardFilter } from '@/lib/dashboard/filter';
import {
  changeSince,
  headline,
  partiesOverTime,
  recentVerifications,
  resolveSince,
  statusBreakdown,
  statusPerState,
  statusSeries,
} from '@/lib/dashboard/queries';
import { refreshPairRollups } from '@/lib/evidence/rollups';
import { emptyCounts, type StatusCounts } from '@/lib/status/constants';
import { day, insertEvidenceRecord, type RevisionSpec } from '../support/evidence-records';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * The dashboard's aggregates on a small hand-made data set over the seeded reference data: 193 member states ×
 * 32 commitments on member states = 6,176 pairs. Expected values are worked out by hand from the data below.
 */
let db: Database;
let dispose: () => Promise<void>;
const ids = { actor: new Map<string, number>(), commitment: new Map<string, number>() };
const internal = { publicOnly: false };
const forPublic = { publicOnly: true };
const PAIRS = 193 * 32;
const NOW = new Date('2026-11-26T12:00:00Z');

function counts(known: Partial<StatusCounts>, pairs = PAIRS): StatusCounts {
  const all = { ...emptyCounts(), ...known };
  const sum = Object.values(all).reduce((total, n) => total + n, 0);
  return { ...all, NO_INFORMATION: pairs - sum };
}

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  for (const actor of await db.prisma.actor.findMany()) ids.actor.set(actor.code, actor.id);
  for (const commitment of await db.prisma.commitment.findMany()) ids.commitment.set(commitment.code, commitment.id);
  const authorId = (await signedInUser(db.prisma, 'EDITOR')).id;
  const reviewerId = (await signedInUser(db.prisma, 'REVIEWER')).id;
  const record = async (actor: string, commitment: string, revisions: RevisionSpec[]) => {
    const pair = { actorId: ids.actor.get(actor)!, commitmentId: ids.commitment.get(commitment)! };
    await insertEvidenceRecord(db, { ...pair, authorId, reviewerId }, revisions);
    await db.prisma.$transaction((tx) => refreshPairRollups(tx, pair.actorId, pair.commitmentId));
  };

  // Kenya, financing: not started (public) in March 2020, in progress in June 2021, fully implemented in January
  // 2022 (a third record); a returned revision and a draft after that count for nothing. The public observation
  // is a record of its own: a newer internal verified revision of the same record would withdraw it from the
  // public (tests/integration/public-record.test.ts).
  await record('KEN', 'P08-financing', [
    { observedOn: '2020-03-10', status: 'NOT_STARTED', state: 'VERIFIED', visibility: 'PUBLIC' },
  ]);
  await record('KEN', 'P08-financing', [{ observedOn: '2021-06-05', status: 'IN_PROGRESS', state: 'VERIFIED' }]);
  await record('KEN', 'P08-financing', [
    { observedOn: '2022-01-15', status: 'FULLY_IMPLEMENTED', state: 'VERIFIED' },
    { observedOn: '2022-02-01', status: 'NOT_STARTED', state: 'RETURNED' },
  ]);
  await record('KEN', 'P08-financing', [{ observedOn: '2022-02-20', status: 'NOT_STARTED', state: 'DRAFT' }]);
  // Kenya, conventions: partially (public) then in progress later the same month: the month ends in progress.
  await record('KEN', 'P12-conventions', [
    { observedOn: '2021-06-20', status: 'PARTIALLY_IMPLEMENTED', state: 'VERIFIED', visibility: 'PUBLIC' },
  ]);
  await record('KEN', 'P12-conventions', [{ observedOn: '2021-06-25', status: 'IN_PROGRESS', state: 'VERIFIED' }]);
  // Uganda, financing: not applicable (public) from June 2021.
  await record('UGA', 'P08-financing', [
    { observedOn: '2021-06-01', status: 'NOT_APPLICABLE', state: 'VERIFIED', visibility: 'PUBLIC' },
  ]);
  // Ghana, financing: two observations of the same day; the one verified later wins.
  await record('GHA', 'P08-financing', [
    {
      observedOn: '2021-06-10',
      status: 'FULLY_IMPLEMENTED',
      state: 'VERIFIED',
      reviewedAt: '2021-07-01T09:00:00Z',
    },
  ]);
  await record('GHA', 'P08-financing', [
    { observedOn: '2021-06-10', status: 'NOT_STARTED', state: 'VERIFIED', reviewedAt: '2021-07-02T09:00:00Z' },
  ]);
  // Mali, financing: observed in May 2019 but verified only on 20 March 2022: it counts from May 2019.
  await record('MLI', 'P08-financing', [
    { observedOn: '2019-05-01', status: 'IN_PROGRESS', state: 'VERIFIED', reviewedAt: '2022-03-20T10:00:00Z' },
  ]);
  // France, financing: submitted, never verified: counts nowhere.
  await record('FRA', 'P08-financing', [{ observedOn: '2021-01-01', status: 'FULLY_IMPLEMENTED', state: 'SUBMITTED' }]);
});

afterAll(async () => {
  await dispose?.();
});

const filter = (params: Record<string, string>) => parseDashboardFilter(params);

describe('status over time', () => {
  it('counts the pairs at each status at every month end, by the latest verified evidence observed by then', async () => {
    const series = await statusSeries(db.prisma, filter({ from: '2019-04', to: '2022-03' }), internal);
    expect(series.pairs).toBe(PAIRS);
    expect(series.points).toHaveLength(36);
    const at = (month: string) => series.points.find((point) => point.month === month)!.counts;
    expect(at('2019-04')).toEqual(counts({}));
    expect(at('2019-05')).toEqual(counts({ IN_PROGRESS: 1 }));
    expect(at('2020-02')).toEqual(counts({ IN_PROGRESS: 1 }));
    expect(at('2020-03')).toEqual(counts({ IN_PROGRESS: 1, NOT_STARTED: 1 }));
    expect(at('2021-05')).toEqual(counts({ IN_PROGRESS: 1, NOT_STARTED: 1 }));
    // June 2021: Kenya financing and conventions in progress, Ghana not started (verified later the same day),
    // Uganda not applicable, Mali still in progress.
    expect(at('2021-06')).toEqual(counts({ IN_PROGRESS: 3, NOT_STARTED: 1, NOT_APPLICABLE: 1 }));
    expect(at('2021-12')).toEqual(counts({ IN_PROGRESS: 3, NOT_STARTED: 1, NOT_APPLICABLE: 1 }));
    // January 2022 on: Kenya financing fully implemented; the returned revision and the draft change nothing.
    const last = counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 2, NOT_STARTED: 1, NOT_APPLICABLE: 1 });
    expect(at('2022-01')).toEqual(last);
    expect(at('2022-03')).toEqual(last);
  });

  it('shows the public only the evidence marked public', async () => {
    const series = await statusSeries(db.prisma, filter({ from: '2022-03', to: '2022-03' }), forPublic);
    expect(series.points).toEqual([
      { month: '2022-03', counts: counts({ NOT_STARTED: 1, PARTIALLY_IMPLEMENTED: 1, NOT_APPLICABLE: 1 }) },
    ]);
  });

  it('narrows to a country, a commitment, a theme or a regional group', async () => {
    const one = async (params: Record<string, string>) =>
      (await statusSeries(db.prisma, filter({ from: '2022-03', to: '2022-03', ...params }), internal)).points[0]!
        .counts;
    expect(await one({ country: 'KEN' })).toEqual(counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 1 }, 32));
    expect(await one({ commitment: 'P08-financing' })).toEqual(
      counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 1, NOT_STARTED: 1, NOT_APPLICABLE: 1 }, 193),
    );
    expect(await one({ theme: 'legal-framework' })).toEqual(counts({ IN_PROGRESS: 1 }, 193 * 5));
    expect(await one({ group: 'WESTERN_EUROPEAN_OTHERS' })).toEqual(counts({}, 29 * 32));
  });
});

describe('headline figures', () => {
  it('counts commitments, states with evidence, shares and recent verifications as of the range end', async () => {
    const figures = await headline(db.prisma, filter({ to: '2022-03' }), internal, NOW);
    expect(figures).toEqual({
      commitments: 32,
      states: 193,
      statesWithEvidence: 4,
      pairs: PAIRS,
      counts: counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 2, NOT_STARTED: 1, NOT_APPLICABLE: 1 }),
      // Coverage: the five pairs with any verified evidence, not applicable included.
      withEvidence: 5,
      // Not applicable is left out of the denominator.
      fullyOfApplicable: 1 / (PAIRS - 1),
      // Mali's record, verified on 20 March 2022 (the 30 days up to the end of March).
      verifiedLast30Days: 1,
    });
    const earlier = await headline(db.prisma, filter({ to: '2021-06' }), internal, NOW);
    expect(earlier.statesWithEvidence).toBe(4);
    expect(earlier.counts).toEqual(counts({ IN_PROGRESS: 3, NOT_STARTED: 1, NOT_APPLICABLE: 1 }));
    // Verified in the 30 days before 1 July 2021: Kenya's two conventions revisions and its June financing one,
    // and Uganda's (Ghana's were verified in July).
    expect(earlier.verifiedLast30Days).toBe(4);
    const current = await headline(db.prisma, filter({}), internal, NOW);
    expect(current.verifiedLast30Days).toBe(0);
  });
});

describe('counts and change since a month', () => {
  it('keeps the counts of a one-month range, and coverage at every month end', async () => {
    const series = await statusSeries(db.prisma, filter({ from: '2021-06', to: '2021-06' }), internal);
    expect(series.points).toEqual([
      { month: '2021-06', counts: counts({ IN_PROGRESS: 3, NOT_STARTED: 1, NOT_APPLICABLE: 1 }) },
    ]);
    const coverage = await statusSeries(db.prisma, filter({ from: '2019-04', to: '2022-01' }), internal);
    const withEvidence = (month: string) => {
      const point = coverage.points.find((p) => p.month === month)!;
      return PAIRS - point.counts.NO_INFORMATION;
    };
    expect([
      withEvidence('2019-04'),
      withEvidence('2019-05'),
      withEvidence('2020-03'),
      withEvidence('2021-06'),
    ]).toEqual([0, 1, 2, 5]);
  });

  it('counts from the range’s last 12 months unless the URL names a month, never after the range', () => {
    expect(resolveSince(filter({ to: '2022-03' }), NOW)).toBe('2021-04');
    expect(resolveSince(filter({}), NOW)).toBe('2025-12');
    expect(resolveSince(filter({ to: '2022-03', since: '2021-06' }), NOW)).toBe('2021-06');
    expect(resolveSince(filter({ to: '2022-03', since: '2023-01' }), NOW)).toBe('2022-03');
    // A malformed month is dropped by the filter parser: the default applies.
    expect(resolveSince(filter({ to: '2022-03', since: '2021-13' }), NOW)).toBe('2021-04');
  });

  it('counts pairs newly covered and pairs whose status changed since a month, per regional group', async () => {
    const labels = (group: string) => `group ${group}`;
    const change = await changeSince(
      db.prisma,
      filter({ since: '2021-06', to: '2022-03' }),
      internal,
      labels,
      'All',
      NOW,
    );
    expect(change.since).toBe('2021-06');
    expect(change.to).toBe('2022-03');
    // Before June 2021: Kenya's financing not started, Mali's in progress. By March 2022 Kenya's financing is fully
    // implemented (changed), and Kenya's conventions, Uganda's and Ghana's financing are new.
    expect(change.total).toEqual({
      key: 'all',
      label: 'All',
      pairs: PAIRS,
      before: counts({ NOT_STARTED: 1, IN_PROGRESS: 1 }),
      after: counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 2, NOT_STARTED: 1, NOT_APPLICABLE: 1 }),
      newlyCovered: 3,
      changed: 1,
    });
    expect(change.groups.map((row) => [row.key, row.label, row.pairs, row.newlyCovered, row.changed])).toEqual([
      ['AFRICAN', 'group AFRICAN', 54 * 32, 3, 1],
      ['ASIA_PACIFIC', 'group ASIA_PACIFIC', 54 * 32, 0, 0],
      ['EASTERN_EUROPEAN', 'group EASTERN_EUROPEAN', 23 * 32, 0, 0],
      ['LATIN_AMERICAN_CARIBBEAN', 'group LATIN_AMERICAN_CARIBBEAN', 33 * 32, 0, 0],
      ['WESTERN_EUROPEAN_OTHERS', 'group WESTERN_EUROPEAN_OTHERS', 29 * 32, 0, 0],
    ]);
    expect(change.groups[0]!.after).toEqual(
      counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 2, NOT_STARTED: 1, NOT_APPLICABLE: 1 }, 54 * 32),
    );
    expect(change.groups[4]!.before).toEqual(counts({}, 29 * 32));

    // From January 2022: only Kenya's financing moved (in progress to fully implemented).
    const recent = await changeSince(db.prisma, filter({ since: '2022-01', to: '2022-03' }), internal, labels, 'All');
    expect([recent.total.newlyCovered, recent.total.changed]).toEqual([0, 1]);
    // Narrowed to a commitment: Kenya's conventions are out of scope.
    const financing = await changeSince(
      db.prisma,
      filter({ since: '2021-06', to: '2022-03', commitment: 'P08-financing' }),
      internal,
      labels,
      'All',
    );
    expect([financing.total.pairs, financing.total.newlyCovered, financing.total.changed]).toEqual([193, 2, 1]);
  });

  it('shows the public only the change in evidence marked public', async () => {
    const change = await changeSince(
      db.prisma,
      filter({ since: '2021-06', to: '2022-03' }),
      forPublic,
      (g) => g,
      'All',
    );
    // Kenya's public financing record (not started) stays; Kenya's conventions and Uganda's are new to the public.
    expect(change.total.before).toEqual(counts({ NOT_STARTED: 1 }));
    expect(change.total.after).toEqual(counts({ NOT_STARTED: 1, PARTIALLY_IMPLEMENTED: 1, NOT_APPLICABLE: 1 }));
    expect([change.total.newlyCovered, change.total.changed]).toEqual([2, 0]);
  });
});

describe('breakdowns', () => {
  it('gives each theme and regional group its pairs at each status', async () => {
    const byGroup = await statusBreakdown(db.prisma, filter({ to: '2022-03' }), 'group', 'en', internal, (g) => g);
    expect(byGroup.map((row) => [row.key, row.pairs])).toEqual([
      ['AFRICAN', 54 * 32],
      ['ASIA_PACIFIC', 54 * 32],
      ['EASTERN_EUROPEAN', 23 * 32],
      ['LATIN_AMERICAN_CARIBBEAN', 33 * 32],
      ['WESTERN_EUROPEAN_OTHERS', 29 * 32],
    ]);
    expect(byGroup[0]!.counts).toEqual(
      counts({ FULLY_IMPLEMENTED: 1, IN_PROGRESS: 2, NOT_STARTED: 1, NOT_APPLICABLE: 1 }, 54 * 32),
    );
    expect(byGroup[4]!.counts).toEqual(counts({}, 29 * 32));

    const byTheme = await statusBreakdown(db.prisma, filter({ to: '2022-03' }), 'theme', 'en', internal, (g) => g);
    const financing = byTheme.find((row) => row.key === 'terrorist-financing')!;
    expect(financing.counts.FULLY_IMPLEMENTED + financing.counts.IN_PROGRESS).toBe(2);
    expect(financing.counts.NOT_APPLICABLE).toBe(1);
    expect(byTheme.find((row) => row.key === 'legal-framework')!.counts).toEqual(counts({ IN_PROGRESS: 1 }, 193 * 5));
    expect(byTheme.reduce((sum, row) => sum + row.pairs, 0)).toBe(PAIRS);
  });

  it('colours each state on one commitment, and on a theme by the median of its commitments', async () => {
    const states = await statusPerState(
      db.prisma,
      { commitment: 'P08-financing' },
      filter({ to: '2022-03' }),
      'en',
      internal,
    );
    expect(states).toHaveLength(193);
    const status = (code: string) => states.find((state) => state.code === code)!.status;
    expect([status('KEN'), status('UGA'), status('GHA'), status('MLI'), status('FRA')]).toEqual([
      'FULLY_IMPLEMENTED',
      'NOT_APPLICABLE',
      'NOT_STARTED',
      'IN_PROGRESS',
      'NO_INFORMATION',
    ]);
    const theme = await statusPerState(db.prisma, { theme: 'legal-framework' }, filter({}), 'en', internal);
    expect(theme.find((state) => state.code === 'KEN')!.status).toBe('IN_PROGRESS');
  });

  it('lists the latest verifications, newest first, without returned or unverified records', async () => {
    const recent = await recentVerifications(db.prisma, filter({}), 'en', internal);
    expect(recent.map((row) => [row.actorCode, row.status])).toEqual([
      ['MLI', 'IN_PROGRESS'],
      ['KEN', 'FULLY_IMPLEMENTED'],
      ['GHA', 'NOT_STARTED'],
      ['GHA', 'FULLY_IMPLEMENTED'],
      ['KEN', 'IN_PROGRESS'],
      ['KEN', 'PARTIALLY_IMPLEMENTED'],
      ['KEN', 'IN_PROGRESS'],
      ['UGA', 'NOT_APPLICABLE'],
    ]);
    const publicRecent = await recentVerifications(db.prisma, filter({}), 'en', forPublic);
    expect(publicRecent.map((row) => row.actorCode)).toEqual(['KEN', 'UGA', 'KEN']);
  });
});

describe('instruments joined over time', () => {
  it('counts a country’s instruments by year, of all and of those adopted by the statement', async () => {
    const kenya = ids.actor.get('KEN')!;
    const instrument = async (code: string, status: 'RATIFICATION' | 'SIGNED', consentedOn?: string) => {
      const { id } = await db.prisma.instrument.findUniqueOrThrow({ where: { code } });
      await db.prisma.instrumentStatus.create({
        data: { actorId: kenya, instrumentId: id, status, consentedOn: consentedOn ? day(consentedOn) : null },
      });
    };
    await instrument('tokyo-1963', 'RATIFICATION', '1999-03-01');
    await instrument('financing-1999', 'RATIFICATION', '2001-06-27');
    await instrument('montreal-protocol-2014', 'RATIFICATION', '2016-01-10');
    await instrument('hague-1970', 'SIGNED');
    await instrument('bombings-1997', 'RATIFICATION');
    const statement = new Date('2012-05-04T00:00:00Z');
    const result = await partiesOverTime(db.prisma, { actorId: kenya }, null, statement, 2017);
    expect(result.total).toBe(19);
    expect(result.existing).toBe(18);
    expect(result.undated).toBe(1);
    const at = (year: string) => result.points.find((point) => point.year === year);
    expect(result.points[0]).toEqual({ year: '1999', all: 1, existing: 1 });
    expect(at('2000')).toEqual({ year: '2000', all: 1, existing: 1 });
    expect(at('2001')).toEqual({ year: '2001', all: 2, existing: 2 });
    expect(at('2016')).toEqual({ year: '2016', all: 3, existing: 2 });
    expect(result.points.at(-1)).toEqual({ year: '2017', all: 3, existing: 2 });
    // Across all member states: the mean per state.
    const mean = await partiesOverTime(db.prisma, { states: filter({}) }, null, statement, 2017);
    expect(mean.points.at(-1)).toEqual({ year: '2017', all: Math.round((3 / 193) * 100) / 100, existing: 0.01 });
  });
});

describe('cached aggregates', () => {
  it('are keyed by a version that every rollup refresh moves on, in its transaction', async () => {
    const before = await readRollupVersion(db.prisma);
    const kenya = ids.actor.get('KEN')!;
    const financing = ids.commitment.get('P08-financing')!;
    // A refresh that fails with its transaction leaves the version alone.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await refreshPairRollups(tx, kenya, financing);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readRollupVersion(db.prisma)).toBe(before);
    await db.prisma.$transaction((tx) => refreshPairRollups(tx, kenya, financing));
    const after = await readRollupVersion(db.prisma);
    expect(Number(after)).toBe(Number(before) + 1);

    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedAggregate(`test|${after}`, compute)).toBe(1);
    expect(await cachedAggregate(`test|${after}`, compute)).toBe(1);
    expect(await cachedAggregate(`test|${Number(after) + 1}`, compute)).toBe(2);
  });
});
