import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { operations } from '@/lib/operations';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * The ratification operation on a real database: create, update with history, audit, optimistic locking (also
 * under concurrency, which only PostgreSQL proves), the editor's country scope, and field errors of their own.
 */
let db: Database;
let dispose: () => Promise<void>;
let kind: string;
let editor: CurrentUser;

beforeAll(async () => {
  ({ db, dispose, kind } = await createTestDatabase());
  editor = (await signedInUser(db.prisma, 'EDITOR')).user!;
});
afterAll(async () => dispose?.());

const run = (input: Record<string, unknown>, user: CurrentUser = editor) =>
  operations.updateRatification.run({ user, requestId: 'req-ratification', prisma: db.prisma }, input);

async function pair(actorCode: string, instrumentCode: string) {
  return db.prisma.instrumentStatus.findFirst({
    where: { actor: { code: actorCode }, instrument: { code: instrumentCode } },
    include: { revisions: { orderBy: { number: 'asc' } } },
  });
}

async function newEvents<T>(work: () => Promise<T>) {
  const before = await db.prisma.auditEvent.aggregate({ _max: { id: true } });
  const result = await work();
  const events = await db.prisma.auditEvent.findMany({
    where: { id: { gt: before._max.id ?? 0n } },
    orderBy: { id: 'asc' },
  });
  return { result, events };
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('updateRatification', () => {
  it('creates the row at version 1 with its first revision and one audit event', async () => {
    const { result, events } = await newEvents(() =>
      run({
        actorCode: 'ken',
        instrumentCode: 'bombings-1997',
        version: '0',
        status: 'ACCESSION',
        signedOn: '',
        consentedOn: '2001-11-16',
        note: '  With a declaration.  ',
        sourceUrl: 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-9',
      }),
    );
    expect(result).toMatchObject({ ok: true, value: { actorCode: 'KEN', version: 1, status: 'ACCESSION' } });
    const row = await pair('KEN', 'bombings-1997');
    expect(row).toMatchObject({ status: 'ACCESSION', version: 1, note: 'With a declaration.', signedOn: null });
    expect(row!.consentedOn!.toISOString()).toBe('2001-11-16T00:00:00.000Z');
    expect(row!.updatedById).toBe(editor.id);
    expect(row!.revisions).toHaveLength(1);
    expect(row!.revisions[0]).toMatchObject({ number: 1, status: 'ACCESSION', changedById: editor.id });

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: editor.id,
      userRole: 'EDITOR',
      requestId: 'req-ratification',
      action: 'ratification.update',
      entityType: 'InstrumentStatus',
      entityId: String(row!.id),
      before: null,
      after: {
        actorCode: 'KEN',
        instrumentCode: 'bombings-1997',
        status: 'ACCESSION',
        signedOn: null,
        consentedOn: '2001-11-16',
        note: 'With a declaration.',
        version: 1,
      },
    });
  });

  it('updates the row, keeps the earlier revision and audits before and after', async () => {
    const { result, events } = await newEvents(() =>
      run({
        actorCode: 'KEN',
        instrumentCode: 'bombings-1997',
        version: 1,
        status: 'RATIFICATION',
        signedOn: '1998-01-12',
        consentedOn: '2001-11-16',
        note: '',
        sourceUrl: '',
      }),
    );
    expect(result).toMatchObject({ ok: true, value: { version: 2, status: 'RATIFICATION' } });
    const row = await pair('KEN', 'bombings-1997');
    expect(row).toMatchObject({ version: 2, status: 'RATIFICATION', note: null, sourceUrl: null });
    expect(row!.revisions.map((revision) => [revision.number, revision.status, revision.note])).toEqual([
      [1, 'ACCESSION', 'With a declaration.'],
      [2, 'RATIFICATION', null],
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'ratification.update',
      before: { status: 'ACCESSION', version: 1, signedOn: null },
      after: { status: 'RATIFICATION', version: 2, signedOn: '1998-01-12', sourceUrl: null },
    });
  });

  it('refuses a stale version, or a second creation, with 409 and writes nothing', async () => {
    const before = await pair('KEN', 'bombings-1997');
    const auditCount = await db.prisma.auditEvent.count();
    const input = { actorCode: 'KEN', instrumentCode: 'bombings-1997', status: 'NOT_PARTY' };
    expect(await run({ ...input, version: 1 })).toMatchObject({
      ok: false,
      status: 409,
      code: 'stale_save',
      message: 'ratificationChangedMeanwhile',
    });
    expect(await run({ ...input, version: 0 })).toMatchObject({ ok: false, status: 409, code: 'stale_save' });
    expect(await run(input)).toMatchObject({ ok: false, status: 409, code: 'stale_save' });
    expect(await pair('KEN', 'bombings-1997')).toEqual(before);
    expect(await db.prisma.auditEvent.count()).toBe(auditCount);
  });

  it('lets only one of two concurrent first saves of a pair succeed', async () => {
    const input = { actorCode: 'KEN', instrumentCode: 'hostages-1979', version: 0, status: 'SIGNED' };
    const outcomes = await Promise.all([run({ ...input, note: 'first' }), run({ ...input, note: 'second' })]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([
      expect.objectContaining({ status: 409, code: 'stale_save' }),
    ]);
    const row = await pair('KEN', 'hostages-1979');
    expect(row).toMatchObject({ version: 1 });
    expect(row!.revisions).toHaveLength(1);
    if (kind !== 'postgresql') console.warn('Concurrency is only proven on PostgreSQL (set TEST_DATABASE_URL).');
  });

  it('lets only one of two concurrent updates from the same version succeed', async () => {
    const input = { actorCode: 'KEN', instrumentCode: 'hostages-1979', version: 1, status: 'RATIFICATION' };
    const outcomes = await Promise.all([
      run({ ...input, consentedOn: '1981-12-08' }),
      run({ ...input, consentedOn: '1981-12-09' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ status: 409, code: 'stale_save' });
    const row = await pair('KEN', 'hostages-1979');
    expect(row).toMatchObject({ version: 2 });
    expect(row!.revisions.map((revision) => revision.number)).toEqual([1, 2]);
  });

  it('refuses an editor limited to other countries, and allows one limited to this country', async () => {
    const outside = (await signedInUser(db.prisma, 'EDITOR', { countryCodes: ['UGA', 'TZA'] })).user!;
    const inside = (await signedInUser(db.prisma, 'EDITOR', { countryCodes: ['KEN'] })).user!;
    const input = { actorCode: 'KEN', instrumentCode: 'tokyo-1963', version: 0, status: 'ACCESSION' };
    const consent = { consentedOn: '1970-06-22' };
    expect(await run({ ...input, ...consent }, outside)).toMatchObject({
      ok: false,
      status: 409,
      code: 'out_of_scope',
      message: 'outOfScope',
    });
    expect(await pair('KEN', 'tokyo-1963')).toBeNull();
    expect(await run({ ...input, ...consent, actorCode: 'UGA' }, outside)).toMatchObject({ ok: true });
    expect(await run({ ...input, ...consent }, inside)).toMatchObject({ ok: true, value: { version: 1 } });
  });

  it('gives each bad field its own error and writes nothing', async () => {
    const base = { actorCode: 'KEN', instrumentCode: 'montreal-1971', version: 0 };
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ status: 'RATIFICATION', consentedOn: isoDay(3) }, { consentedOn: ['dateInFuture'] }],
      [{ status: 'SIGNED', signedOn: '1944-12-31' }, { signedOn: ['dateTooEarly'] }],
      [{ status: 'RATIFICATION', consentedOn: '2019-02-30' }, { consentedOn: ['dateInvalid'] }],
      [{ status: 'RATIFICATION', consentedOn: '12/05/2019' }, { consentedOn: ['dateInvalid'] }],
      [{ status: 'RATIFICATION' }, { consentedOn: ['consentDateRequired'] }],
      [{ status: 'SIGNED', consentedOn: '1999-01-01' }, { consentedOn: ['consentDateNotAllowed'] }],
      [{ status: 'NOT_PARTY', consentedOn: '1999-01-01' }, { consentedOn: ['consentDateNotAllowed'] }],
      [
        { status: 'RATIFICATION', signedOn: '2000-01-02', consentedOn: '2000-01-01' },
        { signedOn: ['signedAfterConsent'] },
      ],
      [{ status: 'SIGNED', sourceUrl: 'javascript:alert(1)' }, { sourceUrl: ['urlInvalid'] }],
      [{ status: 'SIGNED', sourceUrl: 'ftp://example.org/list' }, { sourceUrl: ['urlInvalid'] }],
      [{ status: 'SIGNED', sourceUrl: `https://example.org/${'a'.repeat(2000)}` }, { sourceUrl: ['tooLong'] }],
      [{ status: 'SIGNED', note: 'x'.repeat(2001) }, { note: ['tooLong'] }],
      [{ status: 'PARTY' }, { status: ['ratificationStatusRequired'] }],
      [{ status: 'SIGNED', actorCode: 'KENYA' }, { actorCode: ['countryCodeInvalid'] }],
      // A business rule checked against the instrument: the Montreal Convention was adopted on 23 September 1971.
      [{ status: 'SIGNED', signedOn: '1971-09-22' }, { signedOn: ['dateBeforeAdoption:1971-09-23'] }],
    ];
    for (const [input, fieldErrors] of cases) {
      const outcome = await run({ ...base, ...input });
      expect(outcome, JSON.stringify(input).slice(0, 200)).toEqual({
        ok: false,
        status: 400,
        code: 'invalid',
        message: 'fieldsInvalid',
        fieldErrors,
      });
    }
    expect(await pair('KEN', 'montreal-1971')).toBeNull();
    // The edges are allowed: the adoption date itself and today.
    expect(
      await run({ ...base, status: 'RATIFICATION', signedOn: '1971-09-23', consentedOn: isoDay(0) }),
    ).toMatchObject({ ok: true });
  });

  it('answers 404 for an unknown country or instrument', async () => {
    const input = { version: 0, status: 'SIGNED' };
    expect(await run({ ...input, actorCode: 'XXX', instrumentCode: 'tokyo-1963' })).toMatchObject({
      status: 404,
      message: 'countryNotFound',
    });
    expect(await run({ ...input, actorCode: 'KEN', instrumentCode: 'no-such-treaty' })).toMatchObject({
      status: 404,
      message: 'instrumentNotFound',
    });
  });
});
