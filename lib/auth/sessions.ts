import { randomBytes } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { roleRequiresSecondFactor } from '@/lib/permissions';

/**
 * Server-side sessions. The cookie carries only the session id; every request checks the row, so that sign-out,
 * the idle and absolute timeouts, disabling a user and resetting a password take effect on the next request.
 */
const TOUCH_INTERVAL_MS = 60_000;

export function sessionLimits() {
  const { SESSION_MAX_AGE_MINUTES, SESSION_IDLE_MINUTES } = env();
  return { maxAgeMs: SESSION_MAX_AGE_MINUTES * 60_000, idleMs: SESSION_IDLE_MINUTES * 60_000 };
}

export async function createSession(
  tx: Prisma.TransactionClient,
  user: { id: number; sessionVersion: number },
  now = new Date(),
  /** secondFactorPending: the password was right but a TOTP or recovery code is still due (lib/auth/two-factor.ts). */
  details: { secondFactorPending?: boolean; userAgent?: string | null; ip?: string | null } = {},
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await tx.session.create({
    data: {
      id,
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimits().maxAgeMs),
      secondFactorPending: details.secondFactorPending ?? false,
      userAgent: details.userAgent?.slice(0, 512) ?? null,
      ip: details.ip?.slice(0, 64) ?? null,
    },
  });
  return id;
}

/** The user behind a live session, or null when it is unknown, revoked, expired, idle too long or outdated. */
export async function resolveSession(
  prisma: PrismaClient,
  sessionId: string,
  now = new Date(),
): Promise<CurrentUser | null> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { countryScope: { include: { actor: { select: { code: true } } } } } } },
  });
  if (!session || session.revokedAt) return null;
  const { user } = session;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (
    session.expiresAt <= now ||
    idleSince >= sessionLimits().idleMs ||
    user.disabled ||
    user.sessionVersion !== session.sessionVersion
  ) {
    return null;
  }
  if (idleSince > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    countryScope: user.countryScope.map((scope) => scope.actor.code).sort(),
    sessionId,
    ...pendingSecondFactor(session.secondFactorPending, user),
  };
}

function pendingSecondFactor(
  sessionPending: boolean,
  user: { role: CurrentUser['role']; totpEnabledAt: Date | null },
): Pick<CurrentUser, 'pendingSecondFactor'> {
  if (user.totpEnabledAt) return sessionPending ? { pendingSecondFactor: 'verify' } : {};
  // Checked on every request, so a promotion or an admin's reset sends the user to enrol at once.
  return roleRequiresSecondFactor(user.role) ? { pendingSecondFactor: 'enrol' } : {};
}

export async function revokeSession(tx: Prisma.TransactionClient, sessionId: string, now = new Date()) {
  const result = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  return result.count > 0;
}
