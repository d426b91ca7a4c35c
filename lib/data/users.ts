import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { requirePermission } from '@/lib/auth/guard';
import { requestPrisma } from '@/lib/data/request-db';
import type { Role } from '@/lib/vocabulary';

export interface UserListItem {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  countryScope: string[];
  lastSignInAt: Date | null;
  version: number;
  /** Whether a second factor (TOTP) is enrolled. */
  secondFactor: boolean;
}

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  mustChangePassword: true,
  lastSignInAt: true,
  version: true,
  totpEnabledAt: true,
  countryScope: { select: { actor: { select: { code: true } } } },
} as const;

function toItem({
  totpEnabledAt,
  ...row
}: { countryScope: { actor: { code: string } }[]; totpEnabledAt: Date | null } & Omit<
  UserListItem,
  'countryScope' | 'secondFactor'
>): UserListItem {
  return {
    ...row,
    countryScope: row.countryScope.map((scope) => scope.actor.code).sort(),
    secondFactor: totpEnabledAt !== null,
  };
}

export async function listUsers(): Promise<UserListItem[]> {
  await requirePermission('manage:users');
  return queryUsers(await requestPrisma());
}

/** Every user, enabled first, by email; without the page guard (the users CSV checks manage:users itself). */
export async function queryUsers(prisma: PrismaClient): Promise<UserListItem[]> {
  const rows = await prisma.user.findMany({ orderBy: [{ disabled: 'asc' }, { email: 'asc' }], select });
  return rows.map(toItem);
}

export async function getUser(id: number): Promise<UserListItem | null> {
  await requirePermission('manage:users');
  const prisma = await requestPrisma();
  const row = await prisma.user.findUnique({ where: { id }, select });
  return row ? toItem(row) : null;
}
