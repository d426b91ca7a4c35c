import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import type { CurrentUser } from '@/lib/auth/current-user';
import { resolveSession } from '@/lib/auth/sessions';
import { createSession } from '@/lib/auth/sessions';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { encryptSecret } from '@/lib/auth/totp';
import { roleRequiresSecondFactor } from '@/lib/permissions';
import type { Role } from '@/lib/vocabulary';

export const TEST_PASSWORD = 'a perfectly ordinary test passphrase';
/** The TOTP key the test admins and reviewers are enrolled with (base32, 160 bits). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Enrols a second factor for a user directly, as a confirmed enrolment would leave it. */
export async function enrolTestTotp(prisma: PrismaClient, userId: number, secret = TEST_TOTP_SECRET) {
  await prisma.user.update({
    where: { id: userId },
    data: { totpSecret: encryptSecret(secret, `user:${userId}`), totpEnabledAt: new Date(), totpLastStep: null },
  });
}
let hashed: Promise<string> | undefined;

/**
 * A user of the given role with a live session, as lib/auth/session.ts would resolve it. Admins and reviewers,
 * who must have a second factor, get TEST_TOTP_SECRET and a session that has passed it, unless `secondFactor`
 * says otherwise ('none': not enrolled; 'pending': enrolled, session waiting for the code). `mustChangePassword`
 * makes them a user who signed in with a one-time password and has not replaced it yet.
 */
export async function signedInUser(
  prisma: PrismaClient,
  role: Role,
  options: {
    disabled?: boolean;
    countryCodes?: string[];
    mustChangePassword?: boolean;
    secondFactor?: 'done' | 'none' | 'pending';
  } = {},
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
  const secondFactor = options.secondFactor ?? (roleRequiresSecondFactor(role) ? 'done' : 'none');
  if (secondFactor !== 'none') await enrolTestTotp(prisma, row.id);
  const sessionId = await prisma.$transaction((tx) =>
    createSession(tx, row, new Date(), { secondFactorPending: secondFactor === 'pending' }),
  );
  return { user: await resolveSession(prisma, sessionId), id: row.id, email, sessionId };
}
