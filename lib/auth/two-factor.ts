import { randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { checkSignInRateLimit } from '@/lib/auth/sign-in';
import { checkTotpCode, decryptSecret, hashRecoveryCode, normalizeRecoveryCode, sha256Hex } from '@/lib/auth/totp';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The second step of sign-in: a session that gave the right password for a user with TOTP starts with
 * `secondFactorPending`, and only a code from the authenticator app or an unused recovery code clears it.
 * Failures count with failed sign-ins (the SignInAttempt table, keyed "second-factor:<user id>" and the
 * address), so code guessing meets the same limits as password guessing.
 */

/** A remembered device skips the code for at most this long. */
export const TRUSTED_DEVICE_DAYS = 30;
export const TRUSTED_DEVICE_COOKIE = 'ct-trusted-device';

export const secondFactorAttemptKey = (userId: number) => `second-factor:${userId}`;

/** The secret of an enrolled user in plain text (base32); the column holds it encrypted, bound to the user id. */
export function userTotpSecret(user: { id: number; totpSecret: string | null }): string | null {
  return user.totpSecret ? decryptSecret(user.totpSecret, `user:${user.id}`) : null;
}

export type SecondFactorResult =
  | { ok: true; method: 'totp' | 'recovery'; deviceToken: string | null }
  | { ok: false; reason: 'invalid' | 'not_pending' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Checks a TOTP code (not used before, within one step of now) or a recovery code (then spent) for a session
 * in the 'verify' state, and completes the session. `remember` also creates a remembered device, whose token
 * (for the cookie) is returned once.
 */
export async function verifySecondFactor(
  prisma: PrismaClient,
  request: {
    user: CurrentUser;
    code: string;
    ip: string;
    remember: boolean;
    userAgent?: string | null;
    requestId?: string | null;
  },
  now = new Date(),
): Promise<SecondFactorResult> {
  const { user } = request;
  if (user.pendingSecondFactor !== 'verify') return { ok: false, reason: 'not_pending' };
  const key = secondFactorAttemptKey(user.id);
  const limit = await checkSignInRateLimit(prisma, { email: key, ip: request.ip }, now);
  if (!limit.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  const secret = userTotpSecret(row);
  const code = request.code.slice(0, 64);
  const step = secret ? await checkTotpCode(secret, code, row.totpLastStep) : null;

  return prisma.$transaction(async (tx) => {
    let method: 'totp' | 'recovery' | null = null;
    if (step !== null) {
      // Conditional, so that two requests with the same code cannot both pass.
      const { count } = await tx.user.updateMany({
        where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (count === 1) method = 'totp';
    } else if (normalizeRecoveryCode(code).length === 10) {
      const { count } = await tx.recoveryCode.updateMany({
        where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null },
        data: { usedAt: now },
      });
      if (count === 1) method = 'recovery';
    }
    await tx.signInAttempt.create({ data: { email: key, ip: request.ip, succeeded: method !== null, at: now } });
    const actor = { userId: user.id, role: user.role, requestId: request.requestId ?? null };
    if (!method) {
      await recordAudit(tx, actor, { action: 'auth.second_factor_failed', entityType: 'User', entityId: user.id });
      return { ok: false, reason: 'invalid' } as const;
    }
    await tx.session.update({ where: { id: user.sessionId }, data: { secondFactorPending: false } });
    const deviceToken = request.remember ? await rememberDevice(tx, user.id, request.userAgent ?? null, now) : null;
    await recordAudit(tx, actor, {
      action: 'auth.second_factor',
      entityType: 'User',
      entityId: user.id,
      after: { method, rememberedDevice: deviceToken !== null },
    });
    return { ok: true, method, deviceToken } as const;
  });
}

async function rememberDevice(tx: Prisma.TransactionClient, userId: number, userAgent: string | null, now: Date) {
  const token = randomBytes(32).toString('base64url');
  await tx.trustedDevice.create({
    data: {
      userId,
      tokenHash: sha256Hex(`device:${token}`),
      userAgent: userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TRUSTED_DEVICE_DAYS * 86_400_000),
    },
  });
  return token;
}

/** Whether the cookie's token names a live remembered device of this very user (not forgotten, not expired). */
export async function isTrustedDevice(
  tx: Prisma.TransactionClient,
  userId: number,
  token: string | null,
  now = new Date(),
): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const device = await tx.trustedDevice.findUnique({ where: { tokenHash: sha256Hex(`device:${token}`) } });
  return Boolean(device && device.userId === userId && !device.revokedAt && device.expiresAt > now);
}
