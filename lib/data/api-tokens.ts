import 'server-only';
import { requirePermission, requireUser } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';

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

async function tokensOf(userId: number): Promise<ApiTokenListItem[]> {
  const prisma = await requestPrisma();
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
  return tokensOf(user.id);
}

/** Another user's tokens, for the admin's user page. */
export async function listUserApiTokens(userId: number): Promise<ApiTokenListItem[]> {
  await requirePermission('manage:users');
  return tokensOf(userId);
}
