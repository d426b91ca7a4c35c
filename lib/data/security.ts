import 'server-only';
import { requireUser } from '@/lib/auth/guard';
import { sessionLimits } from '@/lib/auth/sessions';
import { sessionHandle } from '@/lib/auth/totp';
import { requestPrisma } from '@/lib/data/request-db';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { roleRequiresSecondFactor } from '@/lib/permissions';

export interface SessionListItem {
  /** Posted back to sign the session out; not the session id, which is a credential. */
  handle: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export interface SecurityOverview {
  sessions: SessionListItem[];
  secondFactor: {
    enrolled: boolean;
    enabledAt: Date | null;
    required: boolean;
    recoveryCodesLeft: number;
    rememberedDevices: number;
  };
}

/** "Firefox on Linux" from a User-Agent header: enough to tell one's own devices apart, no more. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
      ['curl/', 'curl'],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? 'Browser';
  const system =
    [
      ['Android', 'Android'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Windows', 'Windows'],
      ['Mac OS X', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  return system ? `${browser} · ${system}` : browser;
}

/**
 * A user's live sessions, newest first: the rows of the security page and of its CSV (lib/transfer/tables.ts).
 * Only `user`'s own, and never a session id (a credential): each is told by a handle.
 */
export async function liveSessionsOf(
  prisma: PrismaClient,
  user: Pick<CurrentUser, 'id' | 'sessionId'>,
  sessionVersion?: number,
): Promise<SessionListItem[]> {
  const now = Date.now();
  const version =
    sessionVersion ??
    (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion;
  const sessions = await prisma.session.findMany({
    where: {
      userId: user.id,
      revokedAt: null,
      sessionVersion: version,
      expiresAt: { gt: new Date(now) },
      lastSeenAt: { gt: new Date(now - sessionLimits().idleMs) },
    },
    orderBy: { lastSeenAt: 'desc' },
  });
  return sessions.map((session) => ({
    handle: sessionHandle(session.id),
    device: describeUserAgent(session.userAgent),
    ip: session.ip,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    current: session.id === user.sessionId,
  }));
}

/** The signed-in user's live sessions (newest first) and second-factor state, for the security page. */
export async function readOwnSecurity(): Promise<SecurityOverview> {
  const user = await requireUser();
  const prisma = await requestPrisma();
  const now = Date.now();
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      role: true,
      sessionVersion: true,
      totpEnabledAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  const [sessions, rememberedDevices] = await Promise.all([
    liveSessionsOf(prisma, user, row.sessionVersion),
    prisma.trustedDevice.count({ where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date(now) } } }),
  ]);
  return {
    sessions,
    secondFactor: {
      enrolled: row.totpEnabledAt !== null,
      enabledAt: row.totpEnabledAt,
      required: roleRequiresSecondFactor(row.role),
      recoveryCodesLeft: row._count.recoveryCodes,
      rememberedDevices,
    },
  };
}
