import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

let db: Database;
let dispose: () => Promise<void>;
let kind: string;

beforeAll(async () => {
  ({ db, dispose, kind } = await createTestDatabase());
});
afterAll(async () => dispose?.());

const evidence = (overrides: Record<string, unknown> = {}) => ({
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2023-06-01',
  status: 'IN_PROGRESS',
  score: '0',
  summaryEn: 'Draft law on terrorist financing published for consultation.',
  summaryZh: '关于资助恐怖主义的法律草案公开征求意见。',
  tags: 'financing, legislation',
  sources: [
    {
      type: 'NATIONAL_LEGISLATION',
      url: 'https://example.org/draft-law',
      title: 'Draft law',
      publishedOn: '2023-05-20',
    },
  ],
  ...overrides,
});

const run = async <T>(op: { run: (c: never, i: unknown) => Promise<T> }, user: unknown, input: unknown) =>
  op.run({ user, requestId: null, prisma: db.prisma } as never, input);

async function version(id: number) {
  return (await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).version;
}

async function currentStatus(actorCode: string, commitmentCode: string) {
  const row = await db.prisma.currentStatus.findFirst({
    where: { actor: { code: actorCode }, commitment: { code: commitmentCode } },
    include: { revision: { select: { evidenceId: true, number: true } } },
  });
  return (
    row && {
      status: row.status,
      observedOn: row.observedOn.toISOString().slice(0, 10),
      evidenceId: row.revision.evidenceId,
      revision: row.revision.number,
    }
  );
}

describe('the review workflow', () => {
  it('goes draft → submitted → returned with a comment → resubmitted → verified, and only then counts', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const created = await run(operations.createEvidence, editor.user, evidence({ actorCode: 'UGA' }));
    expect(created).toMatchObject({ ok: true, value: { state: 'DRAFT' } });
    const id = created.ok ? created.value.id : 0;

    expect(await run(operations.submitEvidence, editor.user, { id, version: await version(id) })).toMatchObject({
      ok: true,
    });
    expect(await currentStatus('UGA', 'P08-financing')).toBeNull();

    const returned = await run(operations.reviewEvidence, reviewer.user, {
      id,
      version: await version(id),
      decision: 'return',
    });
    expect(returned).toMatchObject({ ok: false, status: 400, fieldErrors: { comment: ['commentRequired'] } });
    expect(
      await run(operations.reviewEvidence, reviewer.user, {
        id,
        version: await version(id),
        decision: 'return',
        comment: 'Cite the gazette.',
      }),
    ).toMatchObject({ ok: true, value: { state: 'RETURNED' } });
    expect(await currentStatus('UGA', 'P08-financing')).toBeNull();

    const fixed = await run(operations.updateEvidence, editor.user, {
      ...evidence({ actorCode: 'UGA' }),
      id,
      version: await version(id),
      sources: [{ type: 'NATIONAL_LEGISLATION', reference: 'Gazette No. 12 of 2023' }],
      intent: 'submit',
    });
    expect(fixed).toMatchObject({ ok: true, value: { state: 'SUBMITTED' } });
    expect(
      await run(operations.reviewEvidence, reviewer.user, { id, version: await version(id), decision: 'verify' }),
    ).toMatchObject({
      ok: true,
      value: { state: 'VERIFIED' },
    });
    expect(await currentStatus('UGA', 'P08-financing')).toEqual({
      status: 'IN_PROGRESS',
      observedOn: '2023-06-01',
      evidenceId: id,
      revision: 2,
    });

    const revisions = await db.prisma.evidenceRevision.findMany({
      where: { evidenceId: id },
      orderBy: { number: 'asc' },
      include: { sources: true },
    });
    expect(revisions.map((r) => [r.number, r.state, r.reviewComment])).toEqual([
      [1, 'RETURNED', 'Cite the gazette.'],
      [2, 'VERIFIED', null],
    ]);
    expect(revisions[1]!.sources.map((s) => s.reference)).toEqual(['Gazette No. 12 of 2023']);
  });

  it('lets nobody review their own record', async () => {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const created = await run(
      operations.createEvidence,
      reviewer.user,
      evidence({ intent: 'submit', actorCode: 'TZA' }),
    );
    const id = created.ok ? created.value.id : 0;
    expect(
      await run(operations.reviewEvidence, reviewer.user, { id, version: await version(id), decision: 'verify' }),
    ).toMatchObject({
      ok: false,
      status: 409,
      message: 'cannotReviewOwn',
    });
    expect(await currentStatus('TZA', 'P08-financing')).toBeNull();
  });

  it('keeps a verified revision counting while its edit waits for review', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const created = await run(operations.createEvidence, editor.user, evidence({ actorCode: 'RWA', intent: 'submit' }));
    const id = created.ok ? created.value.id : 0;
    await run(operations.reviewEvidence, reviewer.user, { id, version: await version(id), decision: 'verify' });
    expect(
      await run(operations.updateEvidence, editor.user, {
        ...evidence({ actorCode: 'RWA', status: 'FULLY_IMPLEMENTED', intent: 'submit' }),
        id,
        version: await version(id),
      }),
    ).toMatchObject({ ok: true });
    expect(await currentStatus('RWA', 'P08-financing')).toMatchObject({ status: 'IN_PROGRESS', revision: 1 });
    expect(
      await run(operations.updateEvidence, editor.user, {
        ...evidence({ actorCode: 'RWA' }),
        id,
        version: await version(id),
      }),
    ).toMatchObject({
      ok: false,
      status: 409,
      message: 'evidenceInReview',
    });
    await run(operations.reviewEvidence, reviewer.user, { id, version: await version(id), decision: 'verify' });
    expect(await currentStatus('RWA', 'P08-financing')).toMatchObject({ status: 'FULLY_IMPLEMENTED', revision: 2 });
  });
});

describe('the current status', () => {
  it('is the latest verified evidence by observed date, then by verification time; returned and draft evidence do not count', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const record = async (observedOn: string, status: string, decision: 'verify' | 'return' | null) => {
      const created = await run(
        operations.createEvidence,
        editor.user,
        evidence({ actorCode: 'GHA', observedOn, status, intent: decision ? 'submit' : 'draft' }),
      );
      const id = created.ok ? created.value.id : 0;
      if (decision)
        await run(operations.reviewEvidence, reviewer.user, {
          id,
          version: await version(id),
          decision,
          comment: 'checked',
        });
      return id;
    };
    await record('2020-01-01', 'NOT_STARTED', 'verify');
    const newest = await record('2022-01-01', 'PARTIALLY_IMPLEMENTED', 'verify');
    await record('2021-01-01', 'FULLY_IMPLEMENTED', 'verify'); // verified later, but observed earlier
    await record('2024-01-01', 'FULLY_IMPLEMENTED', 'return');
    await record('2025-01-01', 'NOT_APPLICABLE', null);
    expect(await currentStatus('GHA', 'P08-financing')).toMatchObject({
      status: 'PARTIALLY_IMPLEMENTED',
      observedOn: '2022-01-01',
      evidenceId: newest,
    });
    const sameDay = await record('2022-01-01', 'IN_PROGRESS', 'verify');
    expect(await currentStatus('GHA', 'P08-financing')).toMatchObject({ status: 'IN_PROGRESS', evidenceId: sameDay });
  });
});

describe('concurrent edits', () => {
  it('of 20 stale saves of one record, exactly one wins, 19 conflict, and the version advances by one', async () => {
    const editors = await Promise.all(Array.from({ length: 4 }, () => signedInUser(db.prisma, 'EDITOR')));
    const created = await run(operations.createEvidence, editors[0]!.user, evidence({ actorCode: 'NGA' }));
    const id = created.ok ? created.value.id : 0;
    const start = await version(id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(operations.updateEvidence, editors[i % 4]!.user, {
          ...evidence({ actorCode: 'NGA', summaryEn: `Edit number ${i}` }),
          id,
          version: start,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const conflicts = results.filter((r) => !r.ok);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts)
      expect(conflict).toMatchObject({ status: 409, code: 'stale_save', message: 'evidenceChangedMeanwhile' });
    // What changed meanwhile, as a typed object: who saved the winning version, when, and where the record is now.
    expect(conflicts[0]).toMatchObject({
      staleSave: {
        entity: 'evidence',
        expected: start,
        current: start + 1,
        changedBy: expect.stringMatching(/@test\.example$/),
        changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        state: 'DRAFT',
      },
    });
    expect(await version(id)).toBe(start + 1);
    expect(await db.prisma.evidenceRevision.count({ where: { evidenceId: id } })).toBe(2);
    if (kind !== 'postgresql')
      console.warn('The concurrency proof ran on PGlite, which serialises everything; set TEST_DATABASE_URL.');
  });
});

describe('bad input', () => {
  it('gets one field error per problem and stores nothing', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const before = await db.prisma.evidence.count();
    const future = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const outcome = await run(operations.createEvidence, editor.user, {
      actorCode: 'XXX',
      commitmentCode: 'P99-nothing',
      observedOn: future,
      status: 'DONE',
      summaryEn: 'x'.repeat(5001),
      sources: [
        { type: 'MEDIA', url: 'javascript:alert(1)' },
        { type: 'MEDIA', publishedOn: '1939-09-01', reference: 'r' },
      ],
    });
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        observedOn: ['dateInFuture'],
        status: ['statusRequired'],
        summaryEn: ['tooLong'],
        'sources.0.url': ['urlNotHttp'],
        'sources.1.publishedOn': ['dateBefore1945'],
      },
    });
    const unknown = await run(
      operations.createEvidence,
      editor.user,
      evidence({ actorCode: 'XXX', commitmentCode: 'P99-nothing' }),
    );
    expect(unknown).toMatchObject({
      fieldErrors: { actorCode: ['unknownCountry'], commitmentCode: ['unknownCommitment'] },
    });
    const noSource = await run(operations.createEvidence, editor.user, evidence({ sources: [], intent: 'submit' }));
    expect(noSource).toMatchObject({ fieldErrors: { sources: ['sourceRequired'] } });
    const wrongAddressee = await run(
      operations.createEvidence,
      editor.user,
      evidence({ commitmentCode: 'P26-cted-1624' }),
    );
    expect(wrongAddressee).toMatchObject({ fieldErrors: { commitmentCode: ['commitmentNotForStates'] } });
    expect(await db.prisma.evidence.count()).toBe(before);
  });

  it('keeps an editor limited to some countries to those countries', async () => {
    const scoped = await signedInUser(db.prisma, 'EDITOR', { countryCodes: ['KEN'] });
    expect(await run(operations.createEvidence, scoped.user, evidence({ actorCode: 'KEN' }))).toMatchObject({
      ok: true,
    });
    expect(await run(operations.createEvidence, scoped.user, evidence({ actorCode: 'UGA' }))).toMatchObject({
      ok: false,
      fieldErrors: { actorCode: ['outsideCountryScope'] },
    });
  });
});
