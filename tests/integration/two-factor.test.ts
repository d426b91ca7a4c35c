import { generateTOTP } from '@epic-web/totp';
import { encode } from 'next-auth/jwt';
import * as meRoute from '@/app/api/v1/me/route';
import { authSecret } from '@/lib/auth/secret';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { resolveSession } from '@/lib/auth/sessions';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, signInWithPassword } from '@/lib/auth/sign-in';
import { decryptSecret, newTotpSecret, sealEnrolmentOffer } from '@/lib/auth/totp';
import { TRUSTED_DEVICE_DAYS, verifySecondFactor } from '@/lib/auth/two-factor';
import type { CurrentUser } from '@/lib/auth/current-user';
import { operations } from '@/lib/operations';
import { call, serveRoutesFrom, tokenFor } from '../support/api';
import { fingerprint } from '../support/fingerprint';
import { createTestDatabase } from '../support/test-database';
import { signedInUser, TEST_PASSWORD, TEST_TOTP_SECRET } from '../support/users';

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
});
afterAll(async () => dispose?.());

/** The code an authenticator app shows now for this key (RFC 6238 defaults, as the enrolment page sets up). */
const codeFor = async (secret: string) =>
  (await generateTOTP({ secret, period: 30, digits: 6, algorithm: 'SHA-1' })).otp;

let addressCounter = 0;
/** A fresh client address per test, so that the per-address limit of one test does not touch another. */
const freshIp = () => `198.51.100.${++addressCounter}`;

async function passwordStep(email: string, ip: string, deviceToken?: string | null): Promise<CurrentUser> {
  const result = await signInWithPassword(db.prisma, { email, password: TEST_PASSWORD, ip, deviceToken });
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  const user = await resolveSession(db.prisma, result.sessionId);
  if (!user) throw new Error('no session');
  return user;
}

const context = (user: CurrentUser | null) => ({ user, requestId: 'test-2fa', prisma: db.prisma });

describe('enrolment', () => {
  it('sends a new admin to enrol, refuses other operations, and takes the key only with a right first code', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN', { secondFactor: 'none' });
    expect(admin.user?.pendingSecondFactor).toBe('enrol');
    const token = await operations.createApiToken.run(context(admin.user), {
      name: 'x',
      scope: 'READ',
      expiresInDays: '30',
    });
    expect(token).toMatchObject({ ok: false, status: 403, code: 'second_factor_pending' });

    const secret = newTotpSecret();
    const offer = sealEnrolmentOffer(admin.id, secret);
    const wrong = await operations.confirmTotpEnrolment.run(context(admin.user), { offer, code: '000000' });
    // (A one-in-a-million chance that 000000 is the current code; the next assertion would then catch it.)
    expect(wrong).toMatchObject({ ok: false, status: 400, fieldErrors: { code: ['totpCodeWrong'] } });
    // An offer sealed for someone else does not open.
    const foreign = await operations.confirmTotpEnrolment.run(context(admin.user), {
      offer: sealEnrolmentOffer(admin.id + 1000, secret),
      code: await codeFor(secret),
    });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { code: ['enrolmentExpired'] } });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).totpEnabledAt).toBeNull();

    const confirmed = await operations.confirmTotpEnrolment.run(context(admin.user), {
      offer,
      code: await codeFor(secret),
    });
    expect(confirmed.ok).toBe(true);
    const codes = confirmed.ok ? confirmed.value.recoveryCodes : [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id }, include: { recoveryCodes: true } });
    // Stored encrypted (not the base32 key itself) and bound to the user; codes only as hashes.
    expect(row.totpSecret).not.toContain(secret);
    expect(decryptSecret(row.totpSecret!, `user:${admin.id}`)).toBe(secret);
    expect(decryptSecret(row.totpSecret!, `user:${admin.id + 1}`)).toBeNull();
    expect(row.recoveryCodes.map((code) => code.codeHash).join()).not.toContain(codes[0]!.replace('-', ''));
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: String(admin.id), userId: admin.id } });
    expect(events.map((event) => event.action)).toContain('user.second_factor_enrol');

    // The same session now may act.
    expect((await resolveSession(db.prisma, admin.sessionId))?.pendingSecondFactor).toBeUndefined();
  });

  it('an expired enrolment offer is refused', async () => {
    const viewer = await signedInUser(db.prisma, 'VIEWER');
    const secret = newTotpSecret();
    const offer = sealEnrolmentOffer(viewer.id, secret, Date.now() - 31 * 60_000);
    const outcome = await operations.confirmTotpEnrolment.run(context(viewer.user), {
      offer,
      code: await codeFor(secret),
    });
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { code: ['enrolmentExpired'] } });
  });
});

describe('the code at sign-in', () => {
  it('keeps a session pending until a real code, and refuses the same code twice', async () => {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const ip = freshIp();
    const pending = await passwordStep(reviewer.email, ip);
    expect(pending.pendingSecondFactor).toBe('verify');

    const code = await codeFor(TEST_TOTP_SECRET);
    const first = await verifySecondFactor(db.prisma, { user: pending, code, ip, remember: false });
    expect(first).toMatchObject({ ok: true, method: 'totp', deviceToken: null });
    expect((await resolveSession(db.prisma, pending.sessionId))?.pendingSecondFactor).toBeUndefined();

    // Someone who saw the code (shoulder, phishing page) cannot use it again in its time step.
    const other = await passwordStep(reviewer.email, ip);
    const replay = await verifySecondFactor(db.prisma, { user: other, code, ip, remember: false });
    expect(replay).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await resolveSession(db.prisma, other.sessionId))?.pendingSecondFactor).toBe('verify');
    const failed = await db.prisma.auditEvent.count({
      where: { action: 'auth.second_factor_failed', entityId: String(reviewer.id) },
    });
    expect(failed).toBe(1);
  });

  it('refuses every operation while the code is pending, even enrolling a new key', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN', { secondFactor: 'pending' });
    expect(admin.user?.pendingSecondFactor).toBe('verify');
    const before = await fingerprint(db);
    const secret = newTotpSecret();
    const attempts = [
      operations.createUser.run(context(admin.user), { email: 'n@test.example', name: 'N', role: 'VIEWER' }),
      operations.createApiToken.run(context(admin.user), { name: 'x', scope: 'READ', expiresInDays: '30' }),
      operations.changeOwnPassword.run(context(admin.user), {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another long passphrase here',
        confirmPassword: 'another long passphrase here',
      }),
      operations.confirmTotpEnrolment.run(context(admin.user), {
        offer: sealEnrolmentOffer(admin.id, secret),
        code: await codeFor(secret),
      }),
      operations.revokeOtherSessions.run(context(admin.user), {}),
      operations.setPublicView.run(context(admin.user), { enabled: 'true' }),
    ];
    for (const outcome of await Promise.all(attempts)) {
      expect(outcome).toMatchObject({ ok: false, status: 403, code: 'second_factor_pending' });
    }
    expect(await fingerprint(db)).toBe(before);
  });

  it('takes a recovery code once', async () => {
    const editor = await signedInUser(db.prisma, 'EDITOR');
    const secret = newTotpSecret();
    const enrolled = await operations.confirmTotpEnrolment.run(context(editor.user), {
      offer: sealEnrolmentOffer(editor.id, secret),
      code: await codeFor(secret),
    });
    const [recovery] = enrolled.ok ? enrolled.value.recoveryCodes : [];
    const ip = freshIp();
    const first = await passwordStep(editor.email, ip);
    expect(first.pendingSecondFactor).toBe('verify');
    // Typed in capitals and without the dash, as people do.
    const typed = recovery!.toUpperCase().replace('-', ' ');
    expect(await verifySecondFactor(db.prisma, { user: first, code: typed, ip, remember: false })).toMatchObject({
      ok: true,
      method: 'recovery',
    });
    const second = await passwordStep(editor.email, ip);
    expect(await verifySecondFactor(db.prisma, { user: second, code: recovery!, ip, remember: false })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await db.prisma.recoveryCode.count({ where: { userId: editor.id, usedAt: null } })).toBe(9);
  });

  it('limits wrong codes like failed sign-ins: after the limit even the right code waits', async () => {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const ip = freshIp();
    const pending = await passwordStep(reviewer.email, ip);
    const right = await codeFor(TEST_TOTP_SECRET);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; attempt++) {
      expect(await verifySecondFactor(db.prisma, { user: pending, code: wrong, ip, remember: false })).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    }
    const limited = await verifySecondFactor(db.prisma, { user: pending, code: right, ip, remember: false });
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(limited.ok === false && limited.reason === 'rate_limited' && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect((await resolveSession(db.prisma, pending.sessionId))?.pendingSecondFactor).toBe('verify');
  });
});

describe('remembered devices', () => {
  it('spare the code for their own user for at most 30 days, and can be forgotten', async () => {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const someone = await signedInUser(db.prisma, 'REVIEWER');
    const ip = freshIp();
    const pending = await passwordStep(reviewer.email, ip);
    const verified = await verifySecondFactor(db.prisma, {
      user: pending,
      code: await codeFor(TEST_TOTP_SECRET),
      ip,
      remember: true,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    });
    const deviceToken = verified.ok ? verified.deviceToken : null;
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const device = await db.prisma.trustedDevice.findFirstOrThrow({ where: { userId: reviewer.id } });
    expect(device.tokenHash).not.toContain(deviceToken);
    expect(device.expiresAt.getTime() - device.createdAt.getTime()).toBeLessThanOrEqual(
      TRUSTED_DEVICE_DAYS * 86_400_000,
    );
    expect(TRUSTED_DEVICE_DAYS).toBeLessThanOrEqual(30);

    expect((await passwordStep(reviewer.email, ip, deviceToken)).pendingSecondFactor).toBeUndefined();
    // Bound to its user: another account signing in on that browser still gives a code.
    expect((await passwordStep(someone.email, ip, deviceToken)).pendingSecondFactor).toBe('verify');

    // Expired: the code is due again.
    await db.prisma.trustedDevice.update({ where: { id: device.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await passwordStep(reviewer.email, ip, deviceToken)).pendingSecondFactor).toBe('verify');

    // "Sign out everywhere else" forgets remembered devices too.
    await db.prisma.trustedDevice.update({
      where: { id: device.id },
      data: { expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await passwordStep(reviewer.email, ip, deviceToken)).pendingSecondFactor).toBeUndefined();
    const current = await resolveSession(db.prisma, pending.sessionId);
    const revoked = await operations.revokeOtherSessions.run(context(current), {});
    expect(revoked).toMatchObject({ ok: true });
    expect(revoked.ok && revoked.value.revoked).toBeGreaterThan(0);
    expect(await resolveSession(db.prisma, pending.sessionId)).not.toBeNull();
    expect((await passwordStep(reviewer.email, ip, deviceToken)).pendingSecondFactor).toBe('verify');
  });
});

describe('admin reset and disabling', () => {
  it('an admin resets a user’s second factor, audited; the user’s sessions end and they must enrol again', async () => {
    const admin = await signedInUser(db.prisma, 'ADMIN');
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const reset = await operations.resetUserSecondFactor.run(context(admin.user), { id: reviewer.id });
    expect(reset).toMatchObject({ ok: true });
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.second_factor_reset', entityId: String(reviewer.id) },
    });
    expect(event).toMatchObject({ userId: admin.id, userRole: 'ADMIN', requestId: 'test-2fa' });
    expect(await resolveSession(db.prisma, reviewer.sessionId)).toBeNull();
    expect(await db.prisma.recoveryCode.count({ where: { userId: reviewer.id } })).toBe(0);
    expect((await passwordStep(reviewer.email, freshIp())).pendingSecondFactor).toBe('enrol');
  });

  it('an admin or reviewer may not turn the second factor off; an editor may', async () => {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    expect(await operations.disableOwnSecondFactor.run(context(reviewer.user), {})).toMatchObject({
      ok: false,
      status: 403,
      code: 'second_factor_required',
    });
    const editor = await signedInUser(db.prisma, 'EDITOR', { secondFactor: 'done' });
    expect(await operations.disableOwnSecondFactor.run(context(editor.user), {})).toMatchObject({ ok: true });
    expect((await passwordStep(editor.email, freshIp())).pendingSecondFactor).toBeUndefined();
  });
});

describe('the API', () => {
  it('refuses a session cookie whose second factor is pending, but takes the owner’s API token', async () => {
    const reviewer = await signedInUser(db.prisma, 'REVIEWER');
    const token = await tokenFor(db, reviewer.user!, 'READ');
    const pending = await passwordStep(reviewer.email, freshIp());
    const cookie = `next-auth.session-token=${await encode({ token: { sid: pending.sessionId }, secret: authSecret() })}`;
    const bySession = await call(meRoute.GET, { path: '/api/v1/me', headers: { cookie } });
    expect(bySession.status).toBe(403);
    expect(bySession.json.error.code).toBe('second_factor_required');
    const byToken = await call(meRoute.GET, {
      path: '/api/v1/me',
      headers: { authorization: `Bearer ${token.secret}` },
    });
    expect(byToken.status).toBe(200);
  });
});
