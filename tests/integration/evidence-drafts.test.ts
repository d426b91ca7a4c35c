import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { rebuildAllRollups } from '@/lib/evidence/rollups';
import { operations } from '@/lib/operations';
import { createTestDatabase } from '../support/test-database';
import { fingerprint } from '../support/fingerprint';
import { signedInUser } from '../support/users';

/**
 * Never losing input: a draft saves with only its country and commitment, submitting checks everything, and an
 * author can delete a draft that never entered review or withdraw a submission before it is reviewed — through
 * the operation wrapper (permissions, versions, audit), leaving the status rollups exact.
 */
let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
});
afterAll(async () => dispose?.());

const complete = {
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2023-06-01',
  status: 'IN_PROGRESS',
  summaryEn: 'Draft law on terrorist financing published for consultation.',
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/draft-law' }],
};

type User = Awaited<ReturnType<typeof signedInUser>>['user'];
const run = (name: keyof typeof operations, user: User, input: unknown) =>
  operations[name].run({ user, requestId: `test-${name}`, prisma: db.prisma }, input);

async function version(id: number) {
  return (await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).version;
}

async function created(user: User, input: Record<string, unknown>) {
  const outcome = await run('createEvidence', user, input);
  if (!outcome.ok) throw new Error(`could not create evidence: ${JSON.stringify(outcome)}`);
  return (outcome.value as { id: number }).id;
}

/** Both rollup tables, in a stable order. */
async function rollups() {
  return {
    current: await db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT "actorId", "commitmentId", "publicOnly", "revisionId", status::text FROM "CurrentStatus" ORDER BY 1, 2, 3`,
    ),
    changes: await db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT "actorId", "commitmentId", "publicOnly", month::text, "toStatus"::text FROM "StatusChange" ORDER BY 1, 2, 3, 4`,
    ),
  };
}

/** The rollups as stored equal the rollups rebuilt from every revision (rebuilt in a transaction rolled back). */
async function expectRollupsExact() {
  const stored = await rollups();
  const rebuilt = await db.prisma
    .$transaction(async (tx) => {
      await rebuildAllRollups(tx);
      const current = await tx.$queryRawUnsafe<unknown[]>(
        `SELECT "actorId", "commitmentId", "publicOnly", "revisionId", status::text FROM "CurrentStatus" ORDER BY 1, 2, 3`,
      );
      const changes = await tx.$queryRawUnsafe<unknown[]>(
        `SELECT "actorId", "commitmentId", "publicOnly", month::text, "toStatus"::text FROM "StatusChange" ORDER BY 1, 2, 3, 4`,
      );
      throw Object.assign(new Error('rollback'), { result: { current, changes } });
    })
    .catch((error: { result?: unknown }) => {
      if (!error.result) throw error;
      return error.result;
    });
  expect(rebuilt).toEqual(stored);
}

describe('drafts', () => {
  it('save with only country and commitment; submitting them checks every field', async () => {
    const editor = (await signedInUser(db.prisma, 'EDITOR')).user;
    const id = await created(editor, { actorCode: 'ken', commitmentCode: 'P08-financing', summaryEn: '  ' });
    const revision = await db.prisma.evidenceRevision.findFirstOrThrow({ where: { evidenceId: id } });
    expect(revision).toMatchObject({ observedOn: null, status: null, state: 'DRAFT', summary: {} });

    // Without country or commitment even a draft is refused.
    expect(await run('createEvidence', editor, { commitmentCode: 'P08-financing' })).toMatchObject({
      ok: false,
      fieldErrors: { actorCode: ['unknownCountry'] },
    });
    // Saving it for review at once: everything missing is named.
    expect(
      await run('createEvidence', editor, {
        actorCode: 'KEN',
        commitmentCode: 'P08-financing',
        sources: [{ type: 'MEDIA', title: 'A title only' }],
        intent: 'submit',
      }),
    ).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        observedOn: ['dateRequired'],
        status: ['statusRequired'],
        summaryEn: ['summaryRequired'],
        'sources.0.url': ['sourceNeedsUrlOrReference'],
      },
    });
    // Submitting the stored draft: the same rule, and nothing changes.
    const before = await fingerprint(db);
    expect(await run('submitEvidence', editor, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 400,
      message: 'evidenceIncomplete',
      fieldErrors: {
        observedOn: ['dateRequired'],
        status: ['statusRequired'],
        summaryEn: ['summaryRequired'],
        sources: ['sourceRequired'],
      },
    });
    expect(await fingerprint(db)).toBe(before);
    // Completed as a draft, then submitted.
    expect(await run('updateEvidence', editor, { id, version: await version(id), ...complete })).toMatchObject({
      ok: true,
    });
    expect(await run('submitEvidence', editor, { id, version: await version(id) })).toMatchObject({
      ok: true,
      value: { state: 'SUBMITTED' },
    });
  });
});

describe('deleting a draft', () => {
  it('is for its author, needs the version read, is audited and leaves the rollups exact', async () => {
    const author = (await signedInUser(db.prisma, 'EDITOR')).user;
    const other = (await signedInUser(db.prisma, 'EDITOR')).user;
    const reviewer = (await signedInUser(db.prisma, 'REVIEWER')).user;
    // A verified record on the same pair, so that there are rollups to keep.
    const verified = await created(author, { ...complete, intent: 'submit' });
    expect(
      await run('reviewEvidence', reviewer, { id: verified, version: await version(verified), decision: 'verify' }),
    ).toMatchObject({ ok: true });
    const before = await rollups();
    expect(before.current.length).toBeGreaterThan(0);

    const id = await created(author, { actorCode: 'KEN', commitmentCode: 'P08-financing', status: 'NOT_STARTED' });
    const read = await version(id);
    expect(await run('deleteEvidence', other, { id, version: read })).toMatchObject({
      ok: false,
      status: 403,
      code: 'not_author',
      message: 'notYourRecord',
    });
    // Someone saved it meanwhile: the stale delete is a conflict, as a stale save is.
    expect(await run('updateEvidence', author, { id, version: read, ...complete })).toMatchObject({ ok: true });
    expect(await run('deleteEvidence', author, { id, version: read })).toMatchObject({
      ok: false,
      status: 409,
      code: 'stale_save',
    });
    expect(await run('deleteEvidence', author, { id, version: await version(id) })).toMatchObject({
      ok: true,
      value: { id, state: 'DELETED' },
    });
    expect(await db.prisma.evidence.findUnique({ where: { id } })).toBeNull();
    expect(await db.prisma.evidenceRevision.count({ where: { evidenceId: id } })).toBe(0);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'evidence.delete', entityId: String(id) },
    });
    expect(event.userId).toBe(author!.id);
    expect(event.before).toMatchObject({ revisions: 2, state: 'DRAFT', actor: 'KEN', status: 'IN_PROGRESS' });
    expect(await rollups()).toEqual(before);
    await expectRollupsExact();
  });

  it('is refused for a record that was ever submitted, whose history is kept', async () => {
    const author = (await signedInUser(db.prisma, 'EDITOR')).user;
    const reviewer = (await signedInUser(db.prisma, 'REVIEWER')).user;
    const id = await created(author, { ...complete, intent: 'submit' });
    expect(await run('deleteEvidence', author, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 409,
      message: 'evidenceInReview',
    });
    expect(
      await run('reviewEvidence', reviewer, { id, version: await version(id), decision: 'return', comment: 'Fix' }),
    ).toMatchObject({ ok: true });
    expect(await run('updateEvidence', author, { id, version: await version(id), ...complete })).toMatchObject({
      ok: true,
      value: { state: 'DRAFT' },
    });
    const before = await fingerprint(db);
    expect(await run('deleteEvidence', author, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 409,
      message: 'evidenceHasHistory',
    });
    expect(await fingerprint(db)).toBe(before);
  });

  it('stays within an editor’s country scope', async () => {
    const author = (await signedInUser(db.prisma, 'EDITOR')).user;
    const id = await created(author, { actorCode: 'UGA', commitmentCode: 'P08-financing' });
    // The same author, later limited to Kenya.
    const limited = { ...author!, countryScope: ['KEN'] };
    expect(await run('deleteEvidence', limited, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 409,
      code: 'out_of_scope',
    });
  });
});

describe('withdrawing a submission', () => {
  it('takes it back to draft for its author before review, audited, with the rollups untouched', async () => {
    const author = (await signedInUser(db.prisma, 'EDITOR')).user;
    const other = (await signedInUser(db.prisma, 'EDITOR')).user;
    const reviewer = (await signedInUser(db.prisma, 'REVIEWER')).user;
    const id = await created(author, { ...complete, actorCode: 'TZA', intent: 'submit' });
    const before = await rollups();

    expect(await run('withdrawEvidence', other, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 403,
      message: 'notYourRecord',
    });
    expect(await run('withdrawEvidence', author, { id, version: 99 })).toMatchObject({
      ok: false,
      status: 409,
      code: 'stale_save',
    });
    expect(await run('withdrawEvidence', author, { id, version: await version(id) })).toMatchObject({
      ok: true,
      value: { state: 'DRAFT' },
    });
    const record = await db.prisma.evidence.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(record.state).toBe('DRAFT');
    expect(record.revisions).toMatchObject([{ state: 'DRAFT', submittedAt: null }]);
    expect(await db.prisma.auditEvent.count({ where: { action: 'evidence.withdraw', entityId: String(id) } })).toBe(1);
    expect(await rollups()).toEqual(before);
    // A draft is not in review: nothing to withdraw; and once reviewed it is too late.
    expect(await run('withdrawEvidence', author, { id, version: await version(id) })).toMatchObject({
      ok: false,
      status: 409,
      message: 'evidenceNotSubmitted',
    });
    expect(await run('submitEvidence', author, { id, version: await version(id) })).toMatchObject({ ok: true });
    expect(await run('reviewEvidence', reviewer, { id, version: await version(id), decision: 'verify' })).toMatchObject(
      { ok: true },
    );
    expect(await run('withdrawEvidence', author, { id, version: await version(id) })).toMatchObject({
      ok: false,
      message: 'evidenceNotSubmitted',
    });
    await expectRollupsExact();
  });
});

describe('attachments', () => {
  it('refuses an empty file by name, with every other refused file, and stores none of the save', async () => {
    const editor = (await signedInUser(db.prisma, 'EDITOR')).user;
    const bytes = (text: string) => new TextEncoder().encode(text);
    const before = await fingerprint(db);
    const outcome = await run('createEvidence', editor, {
      ...complete,
      attachments: [
        { fileName: 'empty.txt', size: 0, bytes: new Uint8Array() },
        { fileName: 'notes.txt', size: 6, bytes: bytes('Notes\n') },
        { fileName: 'program.exe', size: 4, bytes: bytes('MZ\u0090\u0000') },
      ],
    });
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        attachments: ['attachmentRefused:empty.txt|fileEmpty', 'attachmentRefused:program.exe|fileTypeNotAllowed'],
      },
    });
    expect(await fingerprint(db)).toBe(before);
  });
});
