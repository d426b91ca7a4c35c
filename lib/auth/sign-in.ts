import { recordAudit } from '@/lib/audit';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password';
import { createSession, revokeSession } from '@/lib/auth/sessions';
import { isTrustedDevice } from '@/lib/auth/two-factor';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { runTransaction } from '@/lib/transaction';

/**
 * Sign-in with email and password, rate limited with attempts stored in the database (so limits survive
 * restarts and hold across app instances). An unknown email, a wrong password and a disabled account all fail
 * the same way, in about the same time. The limits (client addresses from lib/http/client-address.ts):
 * - per account and address: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS failures in SIGN_IN_WINDOW_MS;
 * - per address, whatever the accounts: MAX_FAILURES_PER_ADDRESS in SIGN_IN_WINDOW_MS;
 * - per account over all addresses, slower: MAX_FAILURES_PER_ACCOUNT in ACCOUNT_WINDOW_MS, which caps guessing
 *   spread over many addresses. It does not apply to an address that signed in to the account successfully
 *   within KNOWN_ADDRESS_MS, so someone hammering an account from elsewhere cannot lock its owner out.
 */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 50;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

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

/** Whether another attempt is allowed now; refused attempts are not recorded, so the windows do pass. */
export async function checkSignInRateLimit(
  prisma: PrismaClient,
  { email: typed, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const email = normalizeEmail(typed);
  const failures = (where: { email?: string; ip?: string }, windowMs: number, max: number) =>
    prisma.signInAttempt.findMany({
      where: { ...where, succeeded: false, at: { gt: new Date(now.getTime() - windowMs) } },
      orderBy: { at: 'desc' },
      take: max,
      select: { at: true },
    });
  const [byPair, byAddress, byAccount, knownAddress] = await Promise.all([
    failures({ email, ip }, SIGN_IN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS),
    failures({ ip }, SIGN_IN_WINDOW_MS, MAX_FAILURES_PER_ADDRESS),
    failures({ email }, ACCOUNT_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT),
    prisma.signInAttempt.findFirst({
      where: { email, ip, succeeded: true, at: { gt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      select: { id: true },
    }),
  ]);
  const limits = [
    { attempts: byPair, max: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, windowMs: SIGN_IN_WINDOW_MS },
    { attempts: byAddress, max: MAX_FAILURES_PER_ADDRESS, windowMs: SIGN_IN_WINDOW_MS },
    ...(knownAddress ? [] : [{ attempts: byAccount, max: MAX_FAILURES_PER_ACCOUNT, windowMs: ACCOUNT_WINDOW_MS }]),
  ];
  let retryAfterMs = 0;
  for (const { attempts, max, windowMs } of limits) {
    if (attempts.length >= max) {
      // Allowed again once the oldest failure that keeps the count at the limit leaves the window.
      const releasing = attempts[max - 1]!;
      retryAfterMs = Math.max(retryAfterMs, releasing.at.getTime() + windowMs - now.getTime());
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

  return runTransaction(prisma, async (tx) => {
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
  await runTransaction(prisma, async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session || !(await revokeSession(tx, sessionId))) return;
    await recordAudit(
      tx,
      { userId: session.userId, role: session.user.role, requestId },
      { action: 'auth.sign_out', entityType: 'User', entityId: session.userId },
    );
  });
}
