import type { Prisma } from '@/lib/generated/prisma/client';
import {
  checkTotpCode,
  encryptSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  openEnrolmentOffer,
  sessionHandle,
} from '@/lib/auth/totp';
import { DomainError, defineOperation } from '@/lib/operations/define';
import { bumpVersion } from '@/lib/operations/version-claim';
import { roleRequiresSecondFactor } from '@/lib/permissions';
import {
  ConfirmEnrolmentInput,
  NoInput,
  ResetSecondFactorInput,
  RevokeSessionInput,
} from '@/lib/validation/two-factor';

/**
 * The second factor and the sessions of one's own account: enrol (confirmed by a first code), new recovery
 * codes, disable (only where the role allows), an admin's reset of another user's second factor, and signing
 * out one's own sessions. Recovery codes are returned once and stored only as SHA-256.
 */
type Tx = Prisma.TransactionClient;

async function replaceRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Removes a user's second factor with everything hanging off it (codes, remembered devices). */
async function clearSecondFactor(tx: Tx, userId: number) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.trustedDevice.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  // An admin's open form of this user is stale from now on.
  await bumpVersion(tx, 'user', { id: userId }, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
}

export const confirmTotpEnrolment = defineOperation({
  name: 'confirmTotpEnrolment',
  permission: 'signed-in',
  input: ConfirmEnrolmentInput,
  duringEnrolment: true,
  async execute({ tx, user, audit }, input) {
    const secret = openEnrolmentOffer(user.id, input.offer);
    if (!secret) throw new DomainError(400, 'invalid', 'fieldsInvalid', { code: ['enrolmentExpired'] });
    const step = await checkTotpCode(secret, input.code, null);
    if (step === null) throw new DomainError(400, 'invalid', 'fieldsInvalid', { code: ['totpCodeWrong'] });
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
    // A new key replaces the old one, and with it the old codes and remembered devices.
    await clearSecondFactor(tx, user.id);
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: encryptSecret(secret, `user:${user.id}`), totpEnabledAt: new Date(), totpLastStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await audit({
      action: before.totpEnabledAt ? 'user.second_factor_reenrol' : 'user.second_factor_enrol',
      entityType: 'User',
      entityId: user.id,
    });
    return { recoveryCodes };
  },
});

export const regenerateRecoveryCodes = defineOperation({
  name: 'regenerateRecoveryCodes',
  permission: 'signed-in',
  input: NoInput,
  async execute({ tx, user, audit }) {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
    if (!row.totpEnabledAt) throw new DomainError(409, 'not_enrolled', 'secondFactorNotEnrolled');
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await audit({ action: 'user.recovery_codes_regenerate', entityType: 'User', entityId: user.id });
    return { recoveryCodes };
  },
});

export const disableOwnSecondFactor = defineOperation({
  name: 'disableOwnSecondFactor',
  permission: 'signed-in',
  input: NoInput,
  async execute({ tx, user, audit }) {
    if (roleRequiresSecondFactor(user.role)) {
      throw new DomainError(403, 'second_factor_required', 'secondFactorRequired');
    }
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
    if (!row.totpEnabledAt) throw new DomainError(409, 'not_enrolled', 'secondFactorNotEnrolled');
    await clearSecondFactor(tx, user.id);
    await audit({ action: 'user.second_factor_disable', entityType: 'User', entityId: user.id });
    return { disabled: true };
  },
});

export const resetUserSecondFactor = defineOperation({
  name: 'resetUserSecondFactor',
  permission: 'manage:users',
  input: ResetSecondFactorInput,
  async execute({ tx, audit }, input) {
    const target = await tx.user.findUnique({
      where: { id: input.id },
      select: { id: true, email: true, totpEnabledAt: true },
    });
    if (!target) throw new DomainError(404, 'not_found', 'userNotFound');
    if (!target.totpEnabledAt) throw new DomainError(409, 'not_enrolled', 'secondFactorNotEnrolled');
    await clearSecondFactor(tx, target.id);
    // Sessions signed in with the old factor end; the user signs in again and enrols anew.
    await tx.user.update({ where: { id: target.id }, data: { sessionVersion: { increment: 1 } } });
    await audit({
      action: 'user.second_factor_reset',
      entityType: 'User',
      entityId: target.id,
      before: { email: target.email, secondFactor: true },
      after: { email: target.email, secondFactor: false },
    });
    return { reset: true };
  },
});

export const revokeOwnSession = defineOperation({
  name: 'revokeOwnSession',
  permission: 'signed-in',
  input: RevokeSessionInput,
  async execute({ tx, user, audit }, input) {
    const own = await tx.session.findMany({ where: { userId: user.id, revokedAt: null }, select: { id: true } });
    const match = own.find((session) => sessionHandle(session.id) === input.session);
    if (!match) throw new DomainError(404, 'not_found', 'sessionNotFound');
    await tx.session.update({ where: { id: match.id }, data: { revokedAt: new Date() } });
    await audit({ action: 'auth.session_revoke', entityType: 'User', entityId: user.id });
    return { revoked: 1 };
  },
});

export const revokeOtherSessions = defineOperation({
  name: 'revokeOtherSessions',
  permission: 'signed-in',
  input: NoInput,
  async execute({ tx, user, audit }) {
    const now = new Date();
    const { count } = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: user.sessionId }, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    // Remembered devices would otherwise skip the code at the next sign-in there.
    const devices = await tx.trustedDevice.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await audit({
      action: 'auth.sessions_revoke_others',
      entityType: 'User',
      entityId: user.id,
      after: { sessions: count, rememberedDevices: devices.count },
    });
    return { revoked: count };
  },
});
