import { describe, expect, it } from 'vitest';
import { loadSeedData } from '@/lib/seed/data';
import {
  benchPairs,
  BENCH_EDITORS,
  BENCH_REVIEWERS,
  DEFAULT_SEED,
  evidenceRecord,
  generateEvidence,
  pairProfile,
  pairsFingerprint,
  SIZES,
  statusOn,
} from '@/bench/data/generator';

const pair = { actorCode: 'KEN', commitmentCode: 'P12-conventions' };
const ORDER = ['NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED'];

describe('bench data generator', () => {
  it('computes the same record from the same seed, and another from another seed', () => {
    const profile = pairProfile(DEFAULT_SEED, pair, 20);
    const once = evidenceRecord(DEFAULT_SEED, pair, profile, 3);
    const again = evidenceRecord(DEFAULT_SEED, pair, pairProfile(DEFAULT_SEED, pair, 20), 3);
    expect(again).toEqual(once);
    const other = evidenceRecord(DEFAULT_SEED + 1, pair, pairProfile(DEFAULT_SEED + 1, pair, 20), 3);
    expect(other).not.toEqual(once);
  });

  it('writes records that the workflow could have produced', () => {
    for (const record of generateEvidence({ size: 'xs' })) {
      const { revisions } = record;
      expect(revisions.length).toBeGreaterThanOrEqual(1);
      expect(revisions.length).toBeLessThanOrEqual(4);
      revisions.forEach((revision, i) => {
        expect(revision.number).toBe(i + 1);
        expect(BENCH_EDITORS).toContain(revision.author);
        expect(revision.sources.length).toBeGreaterThanOrEqual(1);
        expect(revision.summary.en).toContain(record.actorCode);
        // Drafts are not submitted; only decisions have a reviewer, other than the author; returns carry a comment.
        expect(revision.submittedAt === null).toBe(revision.state === 'DRAFT');
        const decided = revision.state === 'VERIFIED' || revision.state === 'RETURNED';
        expect(revision.reviewedAt !== null).toBe(decided);
        if (decided) expect(BENCH_REVIEWERS).toContain(revision.reviewer);
        expect(revision.reviewComment !== null).toBe(revision.state === 'RETURNED');
        if (revision.submittedAt) expect(revision.submittedAt >= revision.createdAt).toBe(true);
        if (revision.reviewedAt) expect(revision.reviewedAt > revision.submittedAt!).toBe(true);
        // Only the latest revision may still be open: earlier ones were verified or returned.
        if (i < revisions.length - 1) expect(['VERIFIED', 'RETURNED']).toContain(revision.state);
        const previous = revisions[i - 1];
        if (previous) expect(revision.createdAt > (previous.reviewedAt ?? previous.createdAt)).toBe(true);
        expect(revision.observedOn >= '2005-01-01' && revision.observedOn <= '2026-06-30').toBe(true);
        expect(revision.createdAt.toISOString() < '2026-11-01').toBe(true);
      });
    }
  });

  it('observes each pair in date order along a trajectory that changes a handful of times', () => {
    const { states, commitments } = benchPairs('s');
    let changes = 0;
    let pairs = 0;
    let notApplicable = 0;
    for (const actorCode of states.slice(0, 40)) {
      for (const commitmentCode of commitments) {
        const profile = pairProfile(DEFAULT_SEED, { actorCode, commitmentCode }, SIZES.s.recordsPerPair);
        if (profile.kind === 'not-applicable') notApplicable += 1;
        if (profile.kind !== 'tracked') continue;
        const records = Array.from({ length: profile.records }, (_, i) =>
          evidenceRecord(DEFAULT_SEED, { actorCode, commitmentCode }, profile, i),
        );
        const days = records.map((record) => record.revisions[0]!.observedOn);
        expect([...days].sort()).toEqual(days);
        const statuses = records.map((record) => record.revisions.at(-1)!.status);
        expect(statuses[0]).toBe(statusOn(profile, Date.parse(`${days[0]}T00:00:00Z`) / 86_400_000));
        pairs += 1;
        changes += statuses.filter((status, i) => i > 0 && status !== statuses[i - 1]).length;
        // Without a regression the trajectory never goes back.
        if (!profile.regression) {
          const ranks = statuses.map((status) => ORDER.indexOf(status));
          expect(ranks.every((rank, i) => i === 0 || rank >= ranks[i - 1]!)).toBe(true);
        }
      }
    }
    expect(changes / pairs).toBeGreaterThan(0.5);
    expect(changes / pairs).toBeLessThan(6);
    expect(notApplicable / (40 * commitments.length)).toBeLessThan(0.06);
  });

  it('sizes S at ~20 records per pair over all 193 states and 32 member-state commitments', () => {
    const { states, commitments } = benchPairs('s');
    expect(states).toHaveLength(193);
    expect(commitments).toHaveLength(32);
    let records = 0;
    for (const actorCode of states) {
      for (const commitmentCode of commitments) {
        records += pairProfile(DEFAULT_SEED, { actorCode, commitmentCode }, SIZES.s.recordsPerPair).records;
      }
    }
    expect(records).toBeGreaterThan(95_000);
    expect(records).toBeLessThan(125_000);
  });

  it('fingerprints the states and commitments a size covers, so that a change to the seed reloads the data', () => {
    const data = loadSeedData();
    const shipped = benchPairs('s', data);
    expect(pairsFingerprint(shipped)).toMatch(/^[0-9a-f]{16}$/);
    expect(pairsFingerprint(benchPairs('s', data))).toBe(pairsFingerprint(shipped));
    // The release before paragraph 9 was seeded had other pairs, hence other records.
    const earlier = benchPairs('s', {
      ...data,
      documents: data.documents.map((document) => ({
        ...document,
        commitments: document.commitments.filter((commitment) => commitment.paragraph !== 9),
      })),
    });
    expect(earlier.commitments).toHaveLength(29);
    expect(pairsFingerprint(earlier)).not.toBe(pairsFingerprint(shipped));
    expect(pairsFingerprint({ ...shipped, states: shipped.states.slice(1) })).not.toBe(pairsFingerprint(shipped));
  });
});
