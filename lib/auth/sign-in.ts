import { recordAudit } from '@/lib/audit';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password';
import { createSession, revokeSession } from '@/lib/auth/sessions';
import { isTrustedDevice } from '@/lib/auth/two-factor';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Sign-in with email and password, rate limited per account and per client address with attempts stored in
 * the database (so limits survive restarts and hold across app instances). An unknown email, a wrong password
 * and a disabled account all fail the same way, in about the same time.
 */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;

export interface SignInRequest {
  email: string;
  password: string;
  ip: string;
  requestId?: string | null;
  userAgent?: string | null;
  /** The remembered-device cookie, if the browser sent one: it spares the second factor for its own user. */
  deviceToken?: string | null;
}

export type SignInResult =
  | { ok: true; userId: number; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export const normalizeEmail = (email: string) => email.trim().normalize('NFC').toLowerCase();

/** Whether another attempt is allowed now; refused attempts are not recorded, so the window does pass. */
export async function checkSignInRateLimit(
  prisma: PrismaClient,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const failures = (where: { email: string } | { ip: string }) =>
    prisma.signInAttempt.findMany({
      where: { ...where, succeeded: false, at: { gt: since } },
      orderBy: { at: 'desc' },
      select: { at: true },
    });
  const [byAccount, byAddress] = await Promise.all([failures({ email: normalizeEmail(email) }), failures({ ip })]);
  const limits = [
    { attempts: byAccount, max: MAX_FAILURES_PER_ACCOUNT },
    { attempts: byAddress, max: MAX_FAILURES_PER_ADDRESS },
  ];
  let retryAfterMs = 0;
  for (const { attempts, max } of limits) {
    if (attempts.length >= max) {
      // Allowed again once the oldest failure that keeps the count at the limit leaves the window.
      const releasing = attempts[max - 1]!;
      retryAfterMs = Math.max(retryAfterMs, releasing.at.getTime() + SIGN_IN_WINDOW_MS - now.getTime());
    }
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { allowed: true };
}

export async function signInWithPassword(prisma: PrismaClient, request: SignInRequest): Promise<SignInResult> {
  const email = normalizeEmail(request.email);
  const limit = await checkSignInRateLimit(prisma, { email, ip: request.ip });
  if (!limit.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), request.password);
  const succeeded = Boolean(user && passwordMatches && !user.disabled);

  return prisma.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email, ip: request.ip, succeeded } });
    if (!succeeded || !user) {
      // The actor is unknown (whoever typed the password); the account tried is the entity.
      await recordAudit(
        tx,
        { userId: null, role: null, requestId: request.requestId ?? null },
        { action: 'auth.sign_in_failed', entityType: 'User', entityId: user?.id ?? null, after: { email } },
      );
      return { ok: false, reason: 'invalid' } as const;
    }
    // With a second factor enrolled the session starts pending: it may do nothing until the code is given.
    const secondFactorPending =
      user.totpEnabledAt !== null && !(await isTrustedDevice(tx, user.id, request.deviceToken ?? null));
    const sessionId = await createSession(tx, user, new Date(), {
      secondFactorPending,
      userAgent: request.userAgent ?? null,
      ip: request.ip,
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(
      tx,
      { userId: user.id, role: user.role, requestId: request.requestId ?? null },
      { action: 'auth.sign_in', entityType: 'User', entityId: user.id },
    );
    return { ok: true, userId: user.id, sessionId } as const;
  });
}

export async function signOutSession(prisma: PrismaClient, sessionId: string, requestId: string | null = null) {
  await prisma.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session || !(await revokeSession(tx, sessionId))) return;
    await recordAudit(
      tx,
      { userId: session.userId, role: session.user.role, requestId },
      { action: 'auth.sign_out', entityType: 'User', entityId: session.userId },
    );
  });
}
