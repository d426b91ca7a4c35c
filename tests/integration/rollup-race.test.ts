import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db';
import { rebuildAllRollups } from '@/lib/evidence/rollups';
import type { ImplementationStatus } from '@/lib/generated/prisma/client';
import { operations } from '@/lib/operations';
import type { Outcome } from '@/lib/operations/define';
import { POSTGRES_SKIP_MESSAGE, TEST_DATABASE_URL } from '../support/databases';
import { runCount } from '../support/run-counts';
import { seededDatabase } from '../support/test-database';
import { evidenceCsv, evidenceRow } from '../support/transfer';
import { signedInUser } from '../support/users';

/**
 * Review decisions, edits and imports that touch the same country × commitment at the same moment must each end
 * in a proper outcome (done, or a 409 for a stale version), never a 500, and leave the status rollups exactly as a
 * from-scratch recomputation gives them. Before the rollups took a per-pair lock, two verifications of two records
 * of one pair collided on CurrentStatus's primary key (a 500), or the later one rebuilt the pair from a snapshot
 * that missed the other's revision (stale rollups). ROLLUP_RACE_ROUNDS (default 10) sets the rounds of each race.
 */
const ROUNDS = runCount('ROLLUP_RACE_ROUNDS', 10);
const OPERATIONS_PER_ROUND = 20;
const RECORDS = 3;
const PAIR = { actorCode: 'KEN', commitmentCode: 'P08-financing' };
const OTHER_PAIR = { actorCode: 'UGA', commitmentCode: 'P08-financing' };
const STATUSES: ImplementationStatus[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'PARTIALLY_IMPLEMENTED',
  'FULLY_IMPLEMENTED',
  'NO_INFORMATION',
];

const fields = (round: number, record: number, pair = PAIR) => ({
  ...pair,
  // Each round moves the observations across months, so that StatusChange rows come and go as well.
  observedOn: `2024-${String(((round * 5 + record * 3) % 12) + 1).padStart(2, '0')}-${String(10 + record).padStart(2, '0')}`,
  status: STATUSES[(round + record) % STATUSES.length],
  score: '',
  summaryEn: `Round ${round}, record ${record}.`,
  visibility: (round + record) % 2 === 0 ? 'PUBLIC' : 'INTERNAL',
  tags: '',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/law', title: '', publishedOn: '' }],
});

type AnyOutcome = Outcome<unknown>;

function run(
  db: Database,
  op: { run: (c: never, i: unknown) => Promise<unknown> },
  user: CurrentUser | null,
  input: unknown,
) {
  return op.run({ user, requestId: null, prisma: db.prisma } as never, input) as Promise<AnyOutcome>;
}

const ROLLUP_QUERIES = {
  CurrentStatus: `SELECT "actorId", "commitmentId", "publicOnly", "revisionId", status::text, score,
                         "observedOn"::text, "verifiedAt"::text
                  FROM "CurrentStatus" ORDER BY 1, 2, 3`,
  StatusChange: `SELECT "actorId", "commitmentId", "publicOnly", month::text, "fromStatus"::text, "toStatus"::text
                 FROM "StatusChange" ORDER BY 1, 2, 3, 4`,
};

/** Both rollups as rows, from the tables as they are, and as rebuildAllRollups computes them from scratch. */
async function rollupsAndRecomputation(db: Database) {
  const read = async (client: Pick<Database['prisma'], '$queryRawUnsafe'>) => ({
    CurrentStatus: await client.$queryRawUnsafe<unknown[]>(ROLLUP_QUERIES.CurrentStatus),
    StatusChange: await client.$queryRawUnsafe<unknown[]>(ROLLUP_QUERIES.StatusChange),
  });
  const stored = await read(db.prisma);
  let recomputed: typeof stored | undefined;
  const rollback = new Error('rollback');
  await db.prisma
    .$transaction(async (tx) => {
      await rebuildAllRollups(tx);
      recomputed = await read(tx);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return { stored, recomputed: recomputed! };
}

function isInternalFailure(outcome: AnyOutcome) {
  return !outcome.ok && outcome.status >= 500;
}

function raceSuite(name: string, kind: Database['kind']) {
  describe(name, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let editor: CurrentUser;
    let importer: CurrentUser;
    const reviewers: CurrentUser[] = [];
    let pairIds: { actorId: number; commitmentId: number };

    beforeAll(async () => {
      ({ db, dispose } = await seededDatabase(kind));
      editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
      importer = (await signedInUser(db.prisma, 'EDITOR')).user!;
      for (let i = 0; i < 4; i++) reviewers.push((await signedInUser(db.prisma, 'REVIEWER')).user!);
      const [actor, commitment] = await Promise.all([
        db.prisma.actor.findUniqueOrThrow({ where: { code: PAIR.actorCode } }),
        db.prisma.commitment.findUniqueOrThrow({ where: { code: PAIR.commitmentCode } }),
      ]);
      pairIds = { actorId: actor.id, commitmentId: commitment.id };
    });
    afterAll(async () => dispose?.());

    const version = async (id: number) => (await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).version;

    /** Creates a record and has it verified, sequentially. */
    async function verifiedRecord(round: number, record: number, pair = PAIR) {
      const created = await run(db, operations.createEvidence, editor, {
        ...fields(round, record, pair),
        intent: 'submit',
      });
      if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created)}`);
      const id = (created.value as { id: number }).id;
      const verified = await run(db, operations.reviewEvidence, reviewers[0]!, {
        id,
        version: await version(id),
        decision: 'verify',
      });
      if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified)}`);
      return id;
    }

    /** Sends each record of the pair back for review with new fields. */
    async function resubmit(ids: number[], round: number) {
      for (const [record, id] of ids.entries()) {
        // A record whose every review failed is still submitted.
        if ((await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).state === 'SUBMITTED') continue;
        const updated = await run(db, operations.updateEvidence, editor, {
          id,
          version: await version(id),
          ...fields(round, record),
          intent: 'submit',
        });
        if (!updated.ok) throw new Error(`update failed: ${JSON.stringify(updated)}`);
      }
    }

    /** 20 concurrent verifications and returns spread over the records; returns the outcomes by record. */
    async function reviewStorm(ids: number[], round: number) {
      const versions = await Promise.all(ids.map(version));
      const outcomes = await Promise.all(
        Array.from({ length: OPERATIONS_PER_ROUND }, (_, i) => {
          const record = i % ids.length;
          const verify = (i + round) % 5 !== 0;
          return run(db, operations.reviewEvidence, reviewers[i % reviewers.length]!, {
            id: ids[record],
            version: versions[record],
            decision: verify ? 'verify' : 'return',
            ...(verify ? {} : { comment: 'Please cite the gazette.' }),
          }).then((outcome) => ({ record, verify, outcome }));
        }),
      );
      return outcomes;
    }

    it(`${ROUNDS} rounds of ${OPERATIONS_PER_ROUND} concurrent reviews over ${RECORDS} records of one pair: no internal failure, rollups exact`, async () => {
      const ids: number[] = [];
      for (let record = 0; record < RECORDS; record++) ids.push(await verifiedRecord(0, record));

      let internalFailures = 0;
      let verificationsDone = 0;
      let verificationFailures = 0;
      const unexpected: AnyOutcome[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        await resubmit(ids, round);
        const outcomes = await reviewStorm(ids, round);
        for (const { outcome, verify } of outcomes) {
          if (isInternalFailure(outcome)) {
            internalFailures++;
            if (verify) verificationFailures++;
          } else if (!outcome.ok && outcome.status !== 409) unexpected.push(outcome);
          else if (outcome.ok && verify) verificationsDone++;
        }
        // Exactly one decision per record is taken; the others are refused as stale (409).
        for (let record = 0; record < ids.length; record++) {
          const taken = outcomes.filter((o) => o.record === record && o.outcome.ok).length;
          const failed = outcomes.filter((o) => o.record === record && isInternalFailure(o.outcome)).length;
          expect(taken + failed, `round ${round}, record ${record}`).toBeGreaterThanOrEqual(1);
        }
      }
      // Which decision wins each record is up to the race, so the storm may leave no public record verified; one
      // more public record, verified after the storm, makes sure the pair has both audiences' status to compare.
      await verifiedRecord(ROUNDS + 1, 1);
      const { stored, recomputed } = await rollupsAndRecomputation(db);
      console.info(
        `[rollup race, ${db.kind}] ${ROUNDS} rounds × ${OPERATIONS_PER_ROUND} reviews: ${verificationsDone} verifications done, ` +
          `${internalFailures} internal failures (${verificationFailures} of them verifications); ` +
          `compared ${stored.CurrentStatus.length} CurrentStatus and ${stored.StatusChange.length} StatusChange rows`,
      );
      expect(unexpected).toEqual([]);
      expect(internalFailures).toBe(0);
      expect(verificationsDone).toBeGreaterThanOrEqual(ROUNDS);
      expect(stored).toEqual(recomputed);
      // The pair has both audiences' current status and a history.
      expect(
        stored.CurrentStatus.filter(
          (row) =>
            (row as { actorId: number }).actorId === pairIds.actorId &&
            (row as { commitmentId: number }).commitmentId === pairIds.commitmentId,
        ).length,
      ).toBe(2);
    });

    it('an import that moves a record onto the pair, run beside verifications of the pair, leaves exact rollups', async () => {
      // A verified record on another pair; each round the import moves it onto the pair or back (as drafts, so
      // this holds whoever may verify in an import), which rebuilds both pairs, while reviewers verify the pair.
      const moving = await verifiedRecord(0, 7, OTHER_PAIR);
      const ids: number[] = [];
      for (let record = 0; record < RECORDS; record++) ids.push(await verifiedRecord(20, record));

      let internalFailures = 0;
      let imports = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        await resubmit(ids, 20 + round);
        const target = round % 2 === 1 ? PAIR : OTHER_PAIR;
        const csv = await evidenceCsv([
          evidenceRow({
            id: String(moving),
            version: String(await version(moving)),
            actor_code: target.actorCode,
            commitment_code: target.commitmentCode,
            observed_on: `2023-0${(round % 9) + 1}-15`,
            status: 'IN_PROGRESS',
            summary_en: `Moved in round ${round}.`,
          }),
        ]);
        const [imported, storm] = await Promise.all([
          run(db, operations.importEvidence, importer, { csv, intent: 'draft' }),
          reviewStorm(ids, round),
        ]);
        if (imported.ok) imports++;
        else expect(imported, `import in round ${round}`).toMatchObject({ status: 409 });
        internalFailures += [imported, ...storm.map((r) => r.outcome)].filter(isInternalFailure).length;
      }
      const { stored, recomputed } = await rollupsAndRecomputation(db);
      console.info(
        `[rollup race with import, ${db.kind}] ${ROUNDS} rounds: ${imports} imports applied, ${internalFailures} internal failures; ` +
          `compared ${stored.CurrentStatus.length} CurrentStatus and ${stored.StatusChange.length} StatusChange rows`,
      );
      expect(internalFailures).toBe(0);
      expect(imports).toBe(ROUNDS);
      expect(stored).toEqual(recomputed);
    });

    it('an edit that moves a verified record to another pair refreshes both pairs', async () => {
      const id = await verifiedRecord(40, 0, OTHER_PAIR);
      const moved = await run(db, operations.updateEvidence, editor, {
        id,
        version: await version(id),
        ...fields(41, 0, PAIR),
        intent: 'draft',
      });
      expect(moved).toMatchObject({ ok: true });
      const { stored, recomputed } = await rollupsAndRecomputation(db);
      expect(stored).toEqual(recomputed);
    });
  });
}

if (!TEST_DATABASE_URL) console.warn(POSTGRES_SKIP_MESSAGE);
describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => raceSuite('concurrent rollup writers', 'postgresql'));
raceSuite('concurrent rollup writers on PGlite (one connection)', 'pglite');
