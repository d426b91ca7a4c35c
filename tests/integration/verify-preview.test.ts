import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import { previewVerification } from '@/lib/evidence/rollups';
import { operations } from '@/lib/operations';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';
import { IMPLEMENTATION_STATUSES } from '@/lib/vocabulary';

/**
 * "Verifying this changes Kenya × P08 from … to …" is computed by the rollup rule itself: for every record verified
 * in turn, the preview's "before" is the pair's CurrentStatus before the review and its "after" the CurrentStatus
 * the review writes; other verified records observed the same day or later are named as rivals.
 */
let db: Database;
let dispose: () => Promise<void>;
let editor: CurrentUser;
let reviewer: CurrentUser;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
  reviewer = (await signedInUser(db.prisma, 'REVIEWER')).user!;
});
afterAll(async () => dispose?.());

const context = (user: CurrentUser) => ({ user, requestId: null, prisma: db.prisma }) as never;

/** A submitted record on `actorCode` × P08-financing; returns its id and its latest revision's id. */
async function submitted(actorCode: string, observedOn: string, status: string) {
  const outcome = (await operations.createEvidence.run(context(editor), {
    actorCode,
    commitmentCode: 'P08-financing',
    observedOn,
    status,
    summaryEn: `${status} on ${observedOn}`,
    visibility: 'INTERNAL',
    sources: [{ type: 'GOVERNMENT_REPORT', url: 'https://example.org/report' }],
    intent: 'submit',
  })) as { ok: true; value: { id: number } };
  expect(outcome).toMatchObject({ ok: true });
  const revision = await db.prisma.evidenceRevision.findFirstOrThrow({
    where: { evidenceId: outcome.value.id },
    orderBy: { number: 'desc' },
  });
  return { id: outcome.value.id, revisionId: revision.id };
}

async function verify(id: number) {
  const { version } = await db.prisma.evidence.findUniqueOrThrow({ where: { id } });
  const outcome = await operations.reviewEvidence.run(context(reviewer), { id, version, decision: 'verify' });
  expect(outcome).toMatchObject({ ok: true });
}

async function currentStatus(actorCode: string): Promise<string> {
  const [actor, commitment] = await Promise.all([
    db.prisma.actor.findUniqueOrThrow({ where: { code: actorCode } }),
    db.prisma.commitment.findUniqueOrThrow({ where: { code: 'P08-financing' } }),
  ]);
  const row = await db.prisma.currentStatus.findFirst({
    where: { actorId: actor.id, commitmentId: commitment.id, publicOnly: false },
  });
  return row?.status ?? 'NO_INFORMATION';
}

describe('the verification preview', () => {
  it('tells the change, a kept status, and rivals of the same day or later', async () => {
    const first = await submitted('KEN', '2024-03-01', 'IN_PROGRESS');
    expect(await previewVerification(db.prisma, first.revisionId)).toEqual({
      before: 'NO_INFORMATION',
      after: 'IN_PROGRESS',
      rivals: [],
    });
    await verify(first.id);

    // Observed earlier than the verified record: the status stays, and the later record is named.
    const earlier = await submitted('KEN', '2024-01-01', 'NOT_STARTED');
    const kept = await previewVerification(db.prisma, earlier.revisionId);
    expect(kept).toMatchObject({ before: 'IN_PROGRESS', after: 'IN_PROGRESS' });
    expect(kept!.rivals).toEqual([{ evidenceId: first.id, observedOn: new Date('2024-03-01'), status: 'IN_PROGRESS' }]);
    await verify(earlier.id);
    expect(await currentStatus('KEN')).toBe('IN_PROGRESS');

    // Observed the same day: verified later, it decides; the other record of that day is named.
    const sameDay = await submitted('KEN', '2024-03-01', 'FULLY_IMPLEMENTED');
    const decides = await previewVerification(db.prisma, sameDay.revisionId);
    expect(decides).toMatchObject({ before: 'IN_PROGRESS', after: 'FULLY_IMPLEMENTED' });
    expect(decides!.rivals.map((rival) => rival.evidenceId)).toEqual([first.id]);
    await verify(sameDay.id);
    expect(await currentStatus('KEN')).toBe('FULLY_IMPLEMENTED');
  });

  it('agrees with the status each verification writes, over many records in any order', async () => {
    // A fixed pseudo-random sequence (no seed dependence on time): dates within a year, any status.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let index = 0; index < 15; index++) {
      const observedOn = `2023-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
      const status = IMPLEMENTATION_STATUSES[next(IMPLEMENTATION_STATUSES.length)]!;
      const record = await submitted('GHA', observedOn, status);
      const preview = await previewVerification(db.prisma, record.revisionId);
      expect(preview!.before).toBe(await currentStatus('GHA'));
      // Every rival is another verified record of the pair observed on or after this one's date.
      for (const rival of preview!.rivals) {
        expect(rival.evidenceId).not.toBe(record.id);
        expect(rival.observedOn.getTime()).toBeGreaterThanOrEqual(new Date(observedOn).getTime());
      }
      await verify(record.id);
      expect(await currentStatus('GHA'), `record ${index}: ${observedOn} ${status}`).toBe(preview!.after);
    }
  });

  it('is null for a revision that does not exist', async () => {
    expect(await previewVerification(db.prisma, 987654)).toBeNull();
  });
});
