import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormMessage } from '@/components/forms/FormStatus';
import { failureFormState, type FormState } from '@/lib/actions/form-state';
import { errorResponse, failureToApiError } from '@/lib/api/errors';
import type { Database } from '@/lib/db';
import { loadMessages } from '@/lib/i18n/messages';
import { operations } from '@/lib/operations';
import type { Failure, Outcome } from '@/lib/operations/define';
import { createTestDatabase } from '../support/test-database';
import { signedInUser, TEST_PASSWORD } from '../support/users';

/**
 * The one optimistic-lock claim (lib/operations/version-claim.ts) on every versioned row, and its stale save as
 * one typed object through both doors: the form (FormState → FormMessage, which says what changed) and the JSON
 * API (412 `precondition_failed` with `current`).
 */
let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
});
afterAll(async () => dispose?.());

type Runnable = { run: (context: never, input: unknown) => Promise<Outcome<unknown>> };
const run = (operation: Runnable, user: unknown, input: unknown) =>
  operation.run({ user, requestId: null, prisma: db.prisma } as never, input);

function failed(outcome: Outcome<unknown>): Failure {
  if (outcome.ok) throw new Error('expected a failure, got success');
  return outcome;
}

const evidenceInput = (summaryEn: string) => ({
  actorCode: 'KEN',
  commitmentCode: 'P08-financing',
  observedOn: '2023-06-01',
  status: 'IN_PROGRESS',
  summaryEn,
  sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/law', title: 'Law', publishedOn: '2023-05-20' }],
});

/** A record saved once by `first` over version 1, and the stale save of `second` over the same version 1. */
async function staleEvidenceSave() {
  const first = await signedInUser(db.prisma, 'EDITOR');
  const second = await signedInUser(db.prisma, 'EDITOR');
  const created = await run(operations.createEvidence, first.user, evidenceInput('First words.'));
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = (created.value as { id: number }).id;
  const won = await run(operations.updateEvidence, first.user, { ...evidenceInput('Second words.'), id, version: 1 });
  expect(won.ok).toBe(true);
  const lost = failed(
    await run(operations.updateEvidence, second.user, { ...evidenceInput('Lost words.'), id, version: 1 }),
  );
  return { id, first, lost };
}

describe('the version claim on every versioned row', () => {
  it('evidence: the stale save writes nothing and names who saved, when, the version and state now', async () => {
    const { id, first, lost } = await staleEvidenceSave();
    expect(lost).toMatchObject({
      status: 409,
      code: 'stale_save',
      message: 'evidenceChangedMeanwhile',
      staleSave: { entity: 'evidence', expected: 1, current: 2, changedBy: first.email, state: 'DRAFT' },
    });
    const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(row.version).toBe(2);
    expect(lost.staleSave!.changedAt).toBe(row.updatedAt.toISOString());
    expect(row.revisions).toHaveLength(2);
  });

  it('users: an admin’s stale edit, and a user’s own new password making an admin’s open form stale', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const other = await signedInUser(db.prisma, 'ADMIN');
    const target = await signedInUser(db.prisma, 'EDITOR');
    const edit = (name: string, version: number) => ({ id: target.id, version, name, role: 'EDITOR' });
    expect((await run(operations.updateUser, admin.user, edit('Renamed once', 1))).ok).toBe(true);
    const stale = failed(await run(operations.updateUser, other.user, edit('Renamed twice', 1)));
    expect(stale).toMatchObject({
      status: 409,
      code: 'stale_save',
      message: 'userChangedMeanwhile',
      staleSave: { entity: 'user', expected: 1, current: 2, changedBy: null, state: null },
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe('Renamed once');

    // The user's own change names no version (bumpVersion) but moves it, so the admin's form read at 2 is stale.
    const changed = await run(operations.changeOwnPassword, target.user, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new passphrase of the editor',
      confirmPassword: 'a new passphrase of the editor',
    });
    expect(changed.ok).toBe(true);
    expect(failed(await run(operations.updateUser, admin.user, edit('Renamed again', 2)))).toMatchObject({
      code: 'stale_save',
      staleSave: { entity: 'user', expected: 2, current: 3 },
    });
  });

  it('commitments: the stale edit of an admin', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const { version } = await db.prisma.commitment.findUniqueOrThrow({ where: { code: 'P16-dialogue' } });
    const input = {
      code: 'P16-dialogue',
      version,
      titleEn: 'Promote dialogue',
      titleZh: '促进对话',
      summaryEn: 'Edited.',
      summaryZh: '已修改。',
      guidanceEn: 'Dialogue.',
      guidanceZh: '对话。',
      theme: 'prevention',
      strength: 'ENCOURAGEMENT',
    };
    expect((await run(operations.updateCommitment, admin.user, input)).ok).toBe(true);
    expect(failed(await run(operations.updateCommitment, admin.user, { ...input, titleEn: 'Lost' }))).toMatchObject({
      status: 409,
      code: 'stale_save',
      message: 'commitmentChangedMeanwhile',
      staleSave: { entity: 'commitment', expected: version, current: version + 1 },
    });
  });

  it('ratification: a second first save and a stale update name who recorded the status', async () => {
    const first = await signedInUser(db.prisma, 'EDITOR');
    const second = await signedInUser(db.prisma, 'EDITOR');
    const input = { actorCode: 'UGA', instrumentCode: 'bombings-1997', status: 'SIGNED', signedOn: '1998-01-12' };
    expect((await run(operations.updateRatification, first.user, { ...input, version: 0 })).ok).toBe(true);
    expect(failed(await run(operations.updateRatification, second.user, { ...input, version: 0 }))).toMatchObject({
      code: 'stale_save',
      message: 'ratificationChangedMeanwhile',
      staleSave: { entity: 'ratification', expected: 0, current: 1, changedBy: first.email },
    });
    expect((await run(operations.updateRatification, first.user, { ...input, version: 1, note: 'n' })).ok).toBe(true);
    expect(failed(await run(operations.updateRatification, second.user, { ...input, version: 1 }))).toMatchObject({
      code: 'stale_save',
      staleSave: { entity: 'ratification', expected: 1, current: 2, changedBy: first.email },
    });
  });
});

/** The server HTML of a form's message for an answer, as the form renders it in `locale`. */
async function formHtml(locale: 'en' | 'zh', state: FormState): Promise<string> {
  const messages = await loadMessages(locale);
  const provider = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToString(createElement(NextIntlClientProvider, provider, createElement(FormMessage, { state })));
}

describe('the stale save through both doors', () => {
  it('the form: FormState carries the typed stale save, and the form says who saved, when and the version', async () => {
    const { first, lost } = await staleEvidenceSave();
    const state = failureFormState(lost, { summaryEn: 'Lost words.' });
    expect(state).toEqual({
      status: 'error',
      message: 'evidenceChangedMeanwhile',
      staleSave: lost.staleSave,
      values: { summaryEn: 'Lost words.' },
    });
    // Plain data: it crosses the server-action boundary unchanged.
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    for (const [locale, said] of [
      ['en', `${first.email} saved this record meanwhile`],
      ['zh', `${first.email} 刚刚保存了此记录`],
    ] as const) {
      const html = await formHtml(locale, state);
      expect(html).toContain(said);
      expect(html).toContain('data-stale-save="evidence"');
      expect(html).toMatch(locale === 'en' ? /now Draft, version 2/ : /版本 2/);
    }
  });

  it('a form of another row says when it was saved and its version, without a name it does not record', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const target = await signedInUser(db.prisma, 'VIEWER');
    const edit = (name: string) => ({ id: target.id, version: 1, name, role: 'VIEWER' });
    expect((await run(operations.updateUser, admin.user, edit('One'))).ok).toBe(true);
    const state = failureFormState(failed(await run(operations.updateUser, admin.user, edit('Two'))));
    const html = await formHtml('en', state);
    expect(html).toContain('Someone else changed this user meanwhile');
    expect(html).toContain('It was saved meanwhile (');
    expect(html).toContain('now version 2)');
  });

  it('the API: 412 precondition_failed with what the record is now; another 409 keeps its own code', async () => {
    const { first, lost } = await staleEvidenceSave();
    const response = errorResponse(failureToApiError(lost), 'req-stale');
    expect(response.status).toBe(412);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toEqual({
      code: 'precondition_failed',
      message: expect.stringContaining('Read the record again for its current ETag.'),
      current: { version: 2, changedAt: lost.staleSave!.changedAt, changedBy: first.email, state: 'DRAFT' },
      requestId: 'req-stale',
    });

    // A 409 that is no stale save (an email already taken) stays a 409 with its fields.
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const taken = failed(
      await run(operations.createUser, admin.user, { email: first.email, name: 'Twin', role: 'VIEWER' }),
    );
    const conflict = failureToApiError(taken);
    expect(conflict).toMatchObject({ status: 409, code: 'conflict', fields: { email: ['emailTaken'] } });
    expect(conflict.extra.staleSave).toBeUndefined();
  });
});
