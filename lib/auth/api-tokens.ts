import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth/current-user';
import { SIGN_IN_WINDOW_MS, MAX_FAILURES_PER_ADDRESS } from '@/lib/auth/sign-in';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * API tokens: `ct_<12 hex>_<43 base64url>`, 256 random bits of secret. The part before the second underscore
 * is the visible prefix, stored in clear (unique) to find the row and to let people recognise a token; the
 * whole token is stored only as its SHA-256 and compared in constant time. A token acts as its owner, checked
 * on every request: disabling the owner stops it at once.
 */
export const API_TOKEN_PATTERN = /^ct_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often per token. */
export const LAST_USED_INTERVAL_MS = 60_000;

export function generateApiToken(): { secret: string; prefix: string; secretHash: string } {
  const prefix = `ct_${randomBytes(6).toString('hex')}`;
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, secretHash: hashApiToken(secret) };
}

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export type TokenResolution =
  { ok: true; user: CurrentUser } | { ok: false; reason: 'malformed' | 'unknown' | 'expired' | 'revoked' | 'disabled' };

/** The user behind a bearer token, or why there is none. Touches lastUsedAt at most once a minute. */
export async function resolveApiToken(
  prisma: PrismaClient,
  secret: string,
  now = new Date(),
): Promise<TokenResolution> {
  if (!API_TOKEN_PATTERN.test(secret)) return { ok: false, reason: 'malformed' };
  const prefix = secret.slice(0, 15);
  const token = await prisma.apiToken.findUnique({
    where: { prefix },
    include: { user: { include: { countryScope: { include: { actor: { select: { code: true } } } } } } },
  });
  const expected = Buffer.from(token?.secretHash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(expected, Buffer.from(hashApiToken(secret), 'hex'));
  if (!token || !matches) return { ok: false, reason: 'unknown' };
  if (token.revokedAt) return { ok: false, reason: 'revoked' };
  if (token.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (token.user.disabled) return { ok: false, reason: 'disabled' };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_INTERVAL_MS) {
    // Conditional, so that concurrent requests write once.
    await prisma.apiToken.updateMany({
      where: {
        id: token.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_INTERVAL_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  const { user } = token;
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      countryScope: user.countryScope.map((scope) => scope.actor.code).sort(),
      sessionId: `api-token:${token.id}`,
      apiToken: { id: token.id, scope: token.scope },
    },
  };
}

/**
 * Failed token attempts share the sign-in attempt table and its per-address limit (30 failures in 10 minutes),
 * recorded under a marker instead of an email, so that guessing tokens and guessing passwords from one
 * address count together.
 */
export const API_TOKEN_ATTEMPT_MARKER = '(api token)';

export async function tokenAttemptsBlocked(
  prisma: PrismaClient,
  ip: string,
  now = new Date(),
): Promise<{ blocked: false } | { blocked: true; retryAfterSeconds: number }> {
  const failures = await prisma.signInAttempt.findMany({
    where: { ip, succeeded: false, at: { gt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
    orderBy: { at: 'desc' },
    take: MAX_FAILURES_PER_ADDRESS,
    select: { at: true },
  });
  if (failures.length < MAX_FAILURES_PER_ADDRESS) return { blocked: false };
  const releasing = failures[MAX_FAILURES_PER_ADDRESS - 1]!;
  const retryAfterMs = releasing.at.getTime() + SIGN_IN_WINDOW_MS - now.getTime();
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

export async function recordFailedTokenAttempt(prisma: PrismaClient, ip: string): Promise<void> {
  await prisma.signInAttempt.create({ data: { email: API_TOKEN_ATTEMPT_MARKER, ip, succeeded: false } });
}
