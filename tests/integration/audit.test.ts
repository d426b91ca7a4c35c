import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db';
import { signInWithPassword, signOutSession } from '@/lib/auth/sign-in';
import { operations } from '@/lib/operations';
import { createTestDatabase } from '../support/test-database';
import { signedInUser, TEST_PASSWORD } from '../support/users';

/**
 * In the style of DHIS2's audit tests: each change yields exactly one audit event with the right fields, in the
 * same transaction, and never carries a secret.
 */
let db: Database;
let dispose: () => Promise<void>;
let kind: string;

beforeAll(async () => {
  ({ db, dispose, kind } = await createTestDatabase());
});
afterAll(async () => dispose?.());

async function newEvents<T>(work: () => Promise<T>) {
  const before = await db.prisma.auditEvent.aggregate({ _max: { id: true } });
  const result = await work();
  const events = await db.prisma.auditEvent.findMany({
    where: { id: { gt: before._max.id ?? 0n } },
    orderBy: { id: 'asc' },
  });
  return { result, events };
}

function expectNoSecrets(value: unknown) {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  expect(text).not.toMatch(/passwordHash|\$argon2|oneTimePassword/);
  expect(text).not.toContain(TEST_PASSWORD);
}

describe('audit events', () => {
  it('user.create: one event naming the admin, the new user and its values', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const { result, events } = await newEvents(() =>
      operations.createUser.run(
        { user: admin.user, requestId: 'req-create', prisma: db.prisma },
        { email: 'Audited@Test.Example', name: 'Audited', role: 'EDITOR', countryCodes: 'KEN, UGA' },
      ),
    );
    expect(result.ok).toBe(true);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      userId: admin.id,
      userRole: 'ADMIN',
      requestId: 'req-create',
      action: 'user.create',
      entityType: 'User',
      before: null,
      after: {
        email: 'audited@test.example',
        name: 'Audited',
        role: 'EDITOR',
        countryScope: ['KEN', 'UGA'],
        disabled: false,
      },
    });
    expect(event!.entityId).toBe(String((event!.after as { id: number }).id));
    expect(Date.now() - event!.at.getTime()).toBeLessThan(60_000);
    expectNoSecrets(events);
  });

  it('user.update: before and after', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const target = await signedInUser(db.prisma, 'VIEWER');
    const { events } = await newEvents(() =>
      operations.updateUser.run(
        { user: admin.user, requestId: 'req-update', prisma: db.prisma },
        { id: target.id, version: 1, name: 'Promoted', role: 'REVIEWER', countryCodes: '' },
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.update',
      entityId: String(target.id),
      before: { role: 'VIEWER', version: 1 },
      after: { role: 'REVIEWER', name: 'Promoted', version: 2 },
    });
  });

  it('user.disable, user.reset_password, setting.update and user.change_password: one event each, no secrets', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const target = await signedInUser(db.prisma, 'EDITOR');
    const context = { user: admin.user, requestId: 'req-many', prisma: db.prisma };

    const disabled = await newEvents(() =>
      operations.setUserDisabled.run(context, { id: target.id, version: 1, disabled: true }),
    );
    expect(disabled.events.map((e) => [e.action, e.entityId])).toEqual([['user.disable', String(target.id)]]);

    const reset = await newEvents(() => operations.resetUserPassword.run(context, { id: target.id, version: 2 }));
    expect(reset.result.ok && reset.result.value.oneTimePassword).toMatch(/^[\w-]{20}$/);
    expect(reset.events.map((e) => e.action)).toEqual(['user.reset_password']);
    expectNoSecrets(reset.events);

    const setting = await newEvents(() => operations.setPublicView.run(context, { enabled: true }));
    expect(setting.events).toHaveLength(1);
    expect(setting.events[0]).toMatchObject({
      action: 'setting.update',
      entityType: 'Setting',
      before: { publicView: false },
      after: { publicView: true },
    });

    const changed = await newEvents(() =>
      operations.changeOwnPassword.run(context, {
        currentPassword: TEST_PASSWORD,
        newPassword: 'the admin picks a new one',
        confirmPassword: 'the admin picks a new one',
      }),
    );
    expect(changed.events.map((e) => [e.action, e.userId])).toEqual([['user.change_password', admin.id]]);
    expectNoSecrets(changed.events);
  });

  it('commitment.update: before and after, and a later seed keeps the edit', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const { version, id } = await db.prisma.commitment.findUniqueOrThrow({ where: { code: 'P16-dialogue' } });
    const input = {
      code: 'P16-dialogue',
      version,
      titleEn: 'Promote dialogue among civilizations',
      titleZh: '促进不同文明之间的对话',
      summaryEn: 'Edited.',
      summaryZh: '已修改。',
      guidanceEn: 'Programmes of intercultural dialogue.',
      guidanceZh: '文明对话项目。',
      theme: 'prevention',
      strength: 'ENCOURAGEMENT',
    };
    const { result, events } = await newEvents(() =>
      operations.updateCommitment.run({ user: admin.user, requestId: 'req-c', prisma: db.prisma }, input),
    );
    expect(result.ok).toBe(true);
    expect(events).toMatchObject([
      {
        action: 'commitment.update',
        entityType: 'Commitment',
        entityId: String(id),
        before: { theme: 'dialogue', strength: 'STRESS', version },
        after: {
          theme: 'prevention',
          strength: 'ENCOURAGEMENT',
          version: version + 1,
          title: { en: input.titleEn, zh: input.titleZh },
        },
      },
    ]);
    const stale = await operations.updateCommitment.run(
      { user: admin.user, requestId: null, prisma: db.prisma },
      input,
    );
    expect(stale).toMatchObject({ ok: false, status: 409, message: 'commitmentChangedMeanwhile' });
  });

  it('sign-in, failed sign-in and sign-out are audited; the failed one names no actor', async () => {
    const user = await signedInUser(db.prisma, 'VIEWER');
    const failed = await newEvents(() =>
      signInWithPassword(db.prisma, { email: user.email, password: 'wrong password!', ip: '10.0.0.1' }),
    );
    expect(failed.events).toMatchObject([
      { action: 'auth.sign_in_failed', userId: null, entityId: String(user.id), after: { email: user.email } },
    ]);
    expectNoSecrets(failed.events);

    const signedIn = await newEvents(() =>
      signInWithPassword(db.prisma, {
        email: user.email,
        password: TEST_PASSWORD,
        ip: '10.0.0.1',
        requestId: 'req-in',
      }),
    );
    expect(signedIn.events).toMatchObject([
      { action: 'auth.sign_in', userId: user.id, userRole: 'VIEWER', requestId: 'req-in' },
    ]);
    expectNoSecrets(signedIn.events);

    const sessionId = signedIn.result.ok ? signedIn.result.sessionId : '';
    const signedOut = await newEvents(() => signOutSession(db.prisma, sessionId, 'req-out'));
    expect(signedOut.events).toMatchObject([{ action: 'auth.sign_out', userId: user.id, requestId: 'req-out' }]);
    const again = await newEvents(() => signOutSession(db.prisma, sessionId));
    expect(again.events).toHaveLength(0);
  });

  it('a refused or invalid change writes no event', async () => {
    const viewer = await signedInUser(db.prisma, 'VIEWER');
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const refused = await newEvents(() =>
      operations.setPublicView.run({ user: viewer.user, requestId: null, prisma: db.prisma }, { enabled: true }),
    );
    expect(refused.result).toMatchObject({ ok: false, status: 403 });
    const invalid = await newEvents(() =>
      operations.createUser.run(
        { user: admin.user, requestId: null, prisma: db.prisma },
        { email: 'not an email', name: '', role: 'KING' },
      ),
    );
    expect(invalid.result).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { email: ['emailInvalid'], name: ['nameRequired'], role: ['roleRequired'] },
    });
    expect([...refused.events, ...invalid.events]).toHaveLength(0);
  });

  it('when the audit event cannot be written, the change is rolled back', async () => {
    if (kind !== 'postgresql') return; // the trigger below is plain PostgreSQL; PGlite runs the rest
    const admin = await signedInUser(db.prisma, 'ADMIN');
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql;
    `);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const usersBefore = await db.prisma.user.count();
      const outcome = await operations.createUser.run(
        { user: admin.user, requestId: null, prisma: db.prisma },
        { email: 'never-created@test.example', name: 'Never', role: 'VIEWER' },
      );
      expect(outcome).toMatchObject({ ok: false, status: 500, code: 'internal' });
      expect(await db.prisma.user.count()).toBe(usersBefore);
      expect(await db.prisma.user.findUnique({ where: { email: 'never-created@test.example' } })).toBeNull();
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_audit ON "AuditEvent"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_audit()`);
    }
  });
});
