import 'server-only';
import { requirePermission, requireUser } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface ApiTokenListItem {
  id: number;
  name: string;
  scope: 'READ' | 'READ_WRITE';
  prefix: string;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A user's API tokens for the token lists and their CSV: live first, newest first; never a secret or its hash. */
export async function apiTokensOf(prisma: PrismaClient, userId: number): Promise<ApiTokenListItem[]> {
  const rows = await prisma.apiToken.findMany({
    where: { userId },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    include: { createdBy: { select: { email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.createdAt,
    createdBy: row.createdBy.email,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  }));
}

/** The signed-in user's own API tokens (never their secrets: only the visible prefix). */
export async function listOwnApiTokens(): Promise<ApiTokenListItem[]> {
  const user = await requireUser();
  return apiTokensOf(await requestPrisma(), user.id);
}

/** Another user's tokens, for the admin's user page. */
export async function listUserApiTokens(userId: number): Promise<ApiTokenListItem[]> {
  await requirePermission('manage:users');
  return apiTokensOf(await requestPrisma(), userId);
}
