import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import type { CurrentUser } from '@/lib/auth/current-user';
import { resolveSession } from '@/lib/auth/sessions';
import { createSession } from '@/lib/auth/sessions';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { RoleName } from '@/lib/permissions';

export const TEST_PASSWORD = 'a perfectly ordinary test passphrase';
let hashed: Promise<string> | undefined;

/**
 * A user of the given role with a live session, as lib/auth/session.ts would resolve it; `mustChangePassword` makes
 * them a user who signed in with a one-time password and has not replaced it yet.
 */
export async function signedInUser(
  prisma: PrismaClient,
  role: RoleName,
  options: { disabled?: boolean; countryCodes?: string[]; mustChangePassword?: boolean } = {},
): Promise<{ user: CurrentUser | null; id: number; email: string; sessionId: string }> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@test.example`;
  const actors = options.countryCodes?.length
    ? await prisma.actor.findMany({ where: { code: { in: options.countryCodes } }, select: { id: true } })
    : [];
  const row = await prisma.user.create({
    data: {
      email,
      name: `${role} tester`,
      role,
      passwordHash: await hashed,
      disabled: options.disabled ?? false,
      mustChangePassword: options.mustChangePassword ?? false,
      countryScope: { create: actors.map((actor) => ({ actorId: actor.id })) },
    },
  });
  const sessionId = await prisma.$transaction((tx) => createSession(tx, row));
  return { user: await resolveSession(prisma, sessionId), id: row.id, email, sessionId };
}
