import { generateOneTimePassword, hashPassword, verifyPassword } from '@/lib/auth/password';
import type { AuditEntry } from '@/lib/audit';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError, defineOperation } from '@/lib/operations/define';
import { bumpVersion, claimVersion } from '@/lib/operations/version-claim';
import {
  ChangePasswordInput,
  CreateUserInput,
  ResetPasswordInput,
  SetUserDisabledInput,
  UpdateUserInput,
} from '@/lib/validation/users';
import type { Role } from '@/lib/vocabulary';

type Tx = Prisma.TransactionClient;

/** What the audit log and the admin pages may see of a user. */
async function userView(tx: Tx, id: number) {
  const user = await tx.user.findUnique({
    where: { id },
    include: { countryScope: { include: { actor: { select: { code: true } } } } },
  });
  if (!user) throw new DomainError(404, 'not_found', 'userNotFound');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    countryScope: user.countryScope.map((scope) => scope.actor.code).sort(),
    version: user.version,
  };
}

async function countryIds(tx: Tx, role: string, codes: string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  if (role !== 'EDITOR') {
    throw new DomainError(400, 'invalid', 'fieldsInvalid', { countryCodes: ['scopeOnlyForEditors'] });
  }
  const actors = await tx.actor.findMany({
    where: { code: { in: codes }, kind: 'MEMBER_STATE' },
    select: { id: true, code: true },
  });
  const unknown = codes.filter((code) => !actors.some((actor) => actor.code === code));
  if (unknown.length > 0) {
    throw new DomainError(400, 'invalid', 'fieldsInvalid', {
      countryCodes: [`unknownCountries:${unknown.join(', ')}`],
    });
  }
  return actors.map((actor) => actor.id);
}

/**
 * Ends the user's sessions (all, or all but `keepSessionId`) and revokes their API tokens, now; returns how many
 * of each, for the audit event. The caller also bumps sessionVersion, which ends cookies already handed out.
 */
async function endSessionsAndTokens(tx: Tx, userId: number, keepSessionId?: string) {
  const now = new Date();
  const sessions = await tx.session.updateMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      ...(keepSessionId ? { id: { not: keepSessionId } } : {}),
    },
    data: { revokedAt: now },
  });
  const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return { sessionsEnded: sessions.count, tokensRevoked: tokens.count };
}

async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number) {
  const others = await tx.user.count({ where: { role: 'ADMIN', disabled: false, id: { not: exceptUserId } } });
  if (others === 0) throw new DomainError(409, 'last_admin', 'lastAdmin');
}

/** Inserts a user with its audit event; shared by the admin operation and the user:create command. */
export async function insertUser(
  tx: Tx,
  input: { email: string; name: string; role: Role; countryCodes: string[]; password?: string },
  audit: (entry: AuditEntry) => Promise<void>,
) {
  if (await tx.user.findUnique({ where: { email: input.email } })) {
    throw new DomainError(409, 'conflict', 'fieldsInvalid', { email: ['emailTaken'] });
  }
  const actorIds = await countryIds(tx, input.role, input.countryCodes);
  const oneTimePassword = input.password ? null : generateOneTimePassword();
  const created = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password ?? oneTimePassword!),
      // Whoever set this password knows it: the user chooses their own at first sign-in.
      mustChangePassword: true,
      countryScope: { create: actorIds.map((actorId) => ({ actorId })) },
    },
  });
  const after = await userView(tx, created.id);
  await audit({ action: 'user.create', entityType: 'User', entityId: created.id, after });
  return { user: after, oneTimePassword };
}

export const createUser = defineOperation({
  name: 'createUser',
  permission: 'manage:users',
  input: CreateUserInput,
  execute: ({ tx, audit }, input) => insertUser(tx, input, audit),
});

export const updateUser = defineOperation({
  name: 'updateUser',
  permission: 'manage:users',
  input: UpdateUserInput,
  async execute({ tx, audit }, input) {
    const before = await userView(tx, input.id);
    if (before.role === 'ADMIN' && input.role !== 'ADMIN') await assertAnotherActiveAdmin(tx, input.id);
    const actorIds = await countryIds(tx, input.role, input.countryCodes);
    await claimVersion(tx, 'user', { id: input.id }, input.version, { name: input.name, role: input.role });
    await tx.userCountryScope.deleteMany({ where: { userId: input.id } });
    await tx.userCountryScope.createMany({ data: actorIds.map((actorId) => ({ userId: input.id, actorId })) });
    const after = await userView(tx, input.id);
    await audit({ action: 'user.update', entityType: 'User', entityId: input.id, before, after });
    return after;
  },
});

export const setUserDisabled = defineOperation({
  name: 'setUserDisabled',
  permission: 'manage:users',
  input: SetUserDisabledInput,
  async execute({ tx, user: actor, audit }, input) {
    if (input.disabled && input.id === actor.id) {
      throw new DomainError(409, 'self', 'cannotDisableSelf');
    }
    const before = await userView(tx, input.id);
    if (input.disabled && before.role === 'ADMIN') await assertAnotherActiveAdmin(tx, input.id);
    // Disabling ends every session at once; enabling does not bring old sessions back.
    await claimVersion(tx, 'user', { id: input.id }, input.version, {
      disabled: input.disabled,
      sessionVersion: { increment: 1 },
    });
    const after = await userView(tx, input.id);
    await audit({
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'User',
      entityId: input.id,
      before,
      after,
    });
    return after;
  },
});

export const resetUserPassword = defineOperation({
  name: 'resetUserPassword',
  permission: 'manage:users',
  input: ResetPasswordInput,
  async execute({ tx, audit }, input) {
    const before = await userView(tx, input.id);
    const oneTimePassword = generateOneTimePassword();
    await claimVersion(tx, 'user', { id: input.id }, input.version, {
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
      sessionVersion: { increment: 1 },
    });
    // A reset is what an admin does when the account may be in someone else's hands: nothing made with the
    // old password keeps working, and the tokens do not come back once the new password is chosen.
    const ended = await endSessionsAndTokens(tx, input.id);
    const after = await userView(tx, input.id);
    await audit({
      action: 'user.reset_password',
      entityType: 'User',
      entityId: input.id,
      before,
      after: { ...after, ...ended },
    });
    return { user: after, oneTimePassword };
  },
});

export const changeOwnPassword = defineOperation({
  name: 'changeOwnPassword',
  permission: 'signed-in',
  allowedWhilePasswordChangePending: true,
  input: ChangePasswordInput,
  // The first admin changes the one-time password before enrolling the second factor.
  duringEnrolment: true,
  async execute({ tx, user, audit }, input) {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new DomainError(400, 'invalid', 'fieldsInvalid', { currentPassword: ['currentPasswordWrong'] });
    }
    // A one-time password was known to whoever set it, so replacing it always ends everything else.
    const signOutOthers = input.signOutOthers || row.mustChangePassword;
    await bumpVersion(
      tx,
      'user',
      { id: user.id },
      {
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        ...(signOutOthers ? { sessionVersion: { increment: 1 } } : {}),
      },
    );
    let ended: { sessionsEnded: number; tokensRevoked: number } | null = null;
    if (signOutOthers) {
      ended = await endSessionsAndTokens(tx, user.id, user.sessionId);
      // This session carries on under the new session version.
      const { sessionVersion } = await tx.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { sessionVersion: true },
      });
      await tx.session.update({ where: { id: user.sessionId }, data: { sessionVersion } });
    }
    await audit({
      action: 'user.change_password',
      entityType: 'User',
      entityId: user.id,
      after: { signedOutOthers: signOutOthers, ...ended },
    });
    return { changed: true, signedOutOthers: signOutOthers };
  },
});
