import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { resolveApiToken } from '@/lib/auth/api-tokens';
import { resolveSession } from '@/lib/auth/sessions';
import {
  checkSignInRateLimit,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  signInWithPassword,
  signOutSession,
} from '@/lib/auth/sign-in';
import { operations } from '@/lib/operations';
import { tokenFor } from '../support/api';
import { createTestDatabase } from '../support/test-database';
import { signedInUser, TEST_PASSWORD } from '../support/users';

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
});
afterAll(async () => dispose?.());

const minutes = (n: number) => n * 60_000;

describe('sign-in', () => {
  it('accepts the right password in any letter case of the email, and opens a session', async () => {
    const user = await signedInUser(db.prisma, 'EDITOR');
    const result = await signInWithPassword(db.prisma, {
      email: ` ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
      ip: '192.0.2.1',
    });
    expect(result).toMatchObject({ ok: true, userId: user.id });
    const current = result.ok ? await resolveSession(db.prisma, result.sessionId) : null;
    expect(current).toMatchObject({ id: user.id, role: 'EDITOR' });
  });

  it('answers an unknown email, a wrong password and a disabled account the same way', async () => {
    const user = await signedInUser(db.prisma, 'VIEWER');
    const disabled = await signedInUser(db.prisma, 'VIEWER', { disabled: true });
    const results = await Promise.all([
      signInWithPassword(db.prisma, { email: 'nobody@test.example', password: TEST_PASSWORD, ip: '192.0.2.2' }),
      signInWithPassword(db.prisma, { email: user.email, password: 'not the password', ip: '192.0.2.2' }),
      signInWithPassword(db.prisma, { email: disabled.email, password: TEST_PASSWORD, ip: '192.0.2.2' }),
    ]);
    expect(results).toEqual([
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'invalid' },
    ]);
  });

  it(`refuses an address after ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} failures on an account, even with the right password, until the window passes — while the owner signs in from elsewhere`, async () => {
    const user = await signedInUser(db.prisma, 'VIEWER');
    const attacker = '198.51.100.66';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect(
        await signInWithPassword(db.prisma, { email: user.email, password: `wrong ${i}`, ip: attacker }),
      ).toMatchObject({ reason: 'invalid' });
    }
    const refused = await signInWithPassword(db.prisma, { email: user.email, password: TEST_PASSWORD, ip: attacker });
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(refused.ok === false && refused.reason === 'rate_limited' && refused.retryAfterSeconds).toBeGreaterThan(500);
    // The per-account limit is no lockout: the owner, at their own address, gets in.
    expect(
      await signInWithPassword(db.prisma, { email: user.email, password: TEST_PASSWORD, ip: '198.51.100.99' }),
    ).toMatchObject({ ok: true });

    // Ten minutes later (the attempts are stored, so this holds across restarts and instances).
    await db.prisma.signInAttempt.updateMany({
      where: { email: user.email, ip: attacker },
      data: { at: new Date(Date.now() - minutes(11)) },
    });
    expect(
      await signInWithPassword(db.prisma, { email: user.email, password: TEST_PASSWORD, ip: attacker }),
    ).toMatchObject({ ok: true });
  });

  it(`caps failures spread over many addresses at ${MAX_FAILURES_PER_ACCOUNT} an hour per account, except from an address the owner signed in from`, async () => {
    const user = await signedInUser(db.prisma, 'EDITOR');
    const home = '192.0.2.77';
    expect(await signInWithPassword(db.prisma, { email: user.email, password: TEST_PASSWORD, ip: home })).toMatchObject(
      {
        ok: true,
      },
    );
    // A botnet: one failure from each of many addresses, spread over the last hour.
    await db.prisma.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, (_, i) => ({
        email: user.email,
        ip: `203.0.113.${i + 1}`,
        succeeded: false,
        at: new Date(Date.now() - minutes(50) + i * 1000),
      })),
    });
    const fresh = await checkSignInRateLimit(db.prisma, { email: user.email, ip: '198.18.0.1' });
    expect(fresh).toMatchObject({ allowed: false });
    // Released once the oldest of those failures is an hour old: about ten minutes from now.
    expect(fresh.allowed === false && fresh.retryAfterSeconds).toBeGreaterThan(minutes(9) / 1000);
    expect(fresh.allowed === false && fresh.retryAfterSeconds).toBeLessThanOrEqual(minutes(11) / 1000);
    expect(await signInWithPassword(db.prisma, { email: user.email, password: TEST_PASSWORD, ip: home })).toMatchObject(
      {
        ok: true,
      },
    );
    // Other accounts are not affected.
    expect(await checkSignInRateLimit(db.prisma, { email: 'someone-else@test.example', ip: '198.18.0.1' })).toEqual({
      allowed: true,
    });
  });

  it(`limits one address to ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const ip = '203.0.113.7';
    await db.prisma.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => ({
        email: `spray-${i}@test.example`,
        ip,
        succeeded: false,
      })),
    });
    expect(await checkSignInRateLimit(db.prisma, { email: 'fresh@test.example', ip })).toMatchObject({
      allowed: false,
    });
    expect(await checkSignInRateLimit(db.prisma, { email: 'fresh@test.example', ip: '203.0.113.8' })).toEqual({
      allowed: true,
    });
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes, but a request now and then keeps them alive', async () => {
    const { sessionId } = await signedInUser(db.prisma, 'VIEWER');
    const start = Date.now();
    expect(await resolveSession(db.prisma, sessionId, new Date(start + minutes(20)))).not.toBeNull();
    expect(await resolveSession(db.prisma, sessionId, new Date(start + minutes(45)))).not.toBeNull();
    expect(await resolveSession(db.prisma, sessionId, new Date(start + minutes(76)))).toBeNull();
  });

  it('end 12 hours after sign-in however active they are', async () => {
    const { sessionId } = await signedInUser(db.prisma, 'VIEWER');
    const start = Date.now();
    for (let hour = 0.4; hour < 12; hour += 0.4) {
      expect(await resolveSession(db.prisma, sessionId, new Date(start + hour * minutes(60)))).not.toBeNull();
    }
    expect(await resolveSession(db.prisma, sessionId, new Date(start + minutes(12 * 60 + 1)))).toBeNull();
  });

  it('end at sign-out', async () => {
    const { sessionId } = await signedInUser(db.prisma, 'VIEWER');
    await signOutSession(db.prisma, sessionId);
    expect(await resolveSession(db.prisma, sessionId)).toBeNull();
  });

  it('follow a role change on the very next request, and end when the user is disabled or their password reset', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const context = { user: admin.user, requestId: null, prisma: db.prisma };
    const target = await signedInUser(db.prisma, 'EDITOR');

    await operations.updateUser.run(context, {
      id: target.id,
      version: 1,
      name: 'x',
      role: 'VIEWER',
      countryCodes: '',
    });
    expect(await resolveSession(db.prisma, target.sessionId)).toMatchObject({ role: 'VIEWER' });

    await operations.setUserDisabled.run(context, { id: target.id, version: 2, disabled: true });
    expect(await resolveSession(db.prisma, target.sessionId)).toBeNull();
    await operations.setUserDisabled.run(context, { id: target.id, version: 3, disabled: false });
    expect(await resolveSession(db.prisma, target.sessionId)).toBeNull();

    const other = await signedInUser(db.prisma, 'REVIEWER');
    await operations.resetUserPassword.run(context, { id: other.id, version: 1 });
    expect(await resolveSession(db.prisma, other.sessionId)).toBeNull();
  });

  /** The user's own password change, with or without "also sign out other sessions and revoke API tokens". */
  async function changeOwnPassword(user: Awaited<ReturnType<typeof signedInUser>>, signOutOthers?: 'on') {
    return operations.changeOwnPassword.run(
      { user: user.user, requestId: null, prisma: db.prisma },
      {
        currentPassword: TEST_PASSWORD,
        newPassword: 'my brand new passphrase',
        confirmPassword: 'my brand new passphrase',
        ...(signOutOthers ? { signOutOthers } : {}),
      },
    );
  }

  it('changing one’s own password with "also sign out…" ticked keeps this session, ends the others and revokes the tokens, audited', async () => {
    const user = await signedInUser(db.prisma, 'EDITOR');
    const elsewhere = await signInWithPassword(db.prisma, {
      email: user.email,
      password: TEST_PASSWORD,
      ip: '192.0.2.50',
    });
    const token = await tokenFor(db, user.user!);
    const outcome = await changeOwnPassword(user, 'on');
    expect(outcome).toMatchObject({ ok: true, value: { signedOutOthers: true } });
    expect(await resolveSession(db.prisma, user.sessionId)).toMatchObject({ id: user.id, mustChangePassword: false });
    expect(elsewhere.ok && (await resolveSession(db.prisma, elsewhere.sessionId))).toBeNull();
    expect(await resolveApiToken(db.prisma, token.secret)).toEqual({ ok: false, reason: 'revoked' });
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.change_password', entityId: String(user.id) },
    });
    expect(event.after).toMatchObject({ signedOutOthers: true, sessionsEnded: 1, tokensRevoked: 1 });
  });

  it('changing one’s own password without it keeps the other sessions and the tokens', async () => {
    const user = await signedInUser(db.prisma, 'EDITOR');
    const elsewhere = await signInWithPassword(db.prisma, {
      email: user.email,
      password: TEST_PASSWORD,
      ip: '192.0.2.51',
    });
    const token = await tokenFor(db, user.user!);
    expect(await changeOwnPassword(user)).toMatchObject({ ok: true, value: { signedOutOthers: false } });
    expect(elsewhere.ok && (await resolveSession(db.prisma, elsewhere.sessionId))).toMatchObject({ id: user.id });
    expect(await resolveApiToken(db.prisma, token.secret)).toMatchObject({ ok: true });
  });

  it('an admin’s password reset revokes the user’s tokens and sessions for good, audited', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const target = await signedInUser(db.prisma, 'EDITOR');
    const tokens = [await tokenFor(db, target.user!, 'READ'), await tokenFor(db, target.user!, 'READ_WRITE')];
    const reset = await operations.resetUserPassword.run(
      { user: admin.user, requestId: null, prisma: db.prisma },
      { id: target.id, version: 1 },
    );
    expect(reset.ok).toBe(true);
    if (!reset.ok) return;
    expect(await resolveSession(db.prisma, target.sessionId)).toBeNull();
    for (const token of tokens) {
      expect(await resolveApiToken(db.prisma, token.secret)).toEqual({ ok: false, reason: 'revoked' });
    }
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.reset_password', entityId: String(target.id) },
    });
    expect(event.after).toMatchObject({ sessionsEnded: 1, tokensRevoked: 2 });

    // The user signs in with the one-time password and chooses a new one, without ticking anything: the tokens
    // stay revoked (before, they only paused while the one-time password was pending).
    const signIn = await signInWithPassword(db.prisma, {
      email: target.email,
      password: reset.value.oneTimePassword,
      ip: '192.0.2.52',
    });
    if (!signIn.ok) throw new Error('could not sign in with the one-time password');
    const pending = await resolveSession(db.prisma, signIn.sessionId);
    const changed = await operations.changeOwnPassword.run(
      { user: pending, requestId: null, prisma: db.prisma },
      {
        currentPassword: reset.value.oneTimePassword,
        newPassword: 'my brand new passphrase',
        confirmPassword: 'my brand new passphrase',
      },
    );
    expect(changed).toMatchObject({ ok: true, value: { signedOutOthers: true } });
    for (const token of tokens) {
      expect(await resolveApiToken(db.prisma, token.secret)).toEqual({ ok: false, reason: 'revoked' });
    }
  });

  it('refuse a stale edit of a user instead of overwriting it', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const target = await signedInUser(db.prisma, 'VIEWER');
    const context = { user: admin.user, requestId: null, prisma: db.prisma };
    const edits = await Promise.all(
      ['First', 'Second'].map((name) =>
        operations.updateUser.run(context, { id: target.id, version: 1, name, role: 'VIEWER', countryCodes: '' }),
      ),
    );
    expect(edits.filter((edit) => edit.ok)).toHaveLength(1);
    expect(edits.filter((edit) => !edit.ok)).toMatchObject([{ status: 409, message: 'userChangedMeanwhile' }]);
  });

  it('never lets the last active admin be demoted or disabled', async () => {
    await db.prisma.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'VIEWER' } });
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const outcome = await operations.updateUser.run(
      { user: admin.user, requestId: null, prisma: db.prisma },
      { id: admin.id, version: 1, name: 'x', role: 'VIEWER', countryCodes: '' },
    );
    expect(outcome).toMatchObject({ ok: false, status: 409, message: 'lastAdmin' });
  });
});
