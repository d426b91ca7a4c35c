import { generateApiToken } from '@/lib/auth/api-tokens';
import { DomainError, defineOperation } from '@/lib/operations/define';
import { roleCan } from '@/lib/permissions';
import { CreateApiTokenInput, RevokeApiTokenInput } from '@/lib/validation/api-tokens';

/**
 * API tokens: every user creates and revokes their own; an admin (manage:users) also does so for anyone.
 * The secret is returned once, by createApiToken, and never stored: only its SHA-256 is.
 */
export const createApiToken = defineOperation({
  name: 'createApiToken',
  permission: 'signed-in',
  input: CreateApiTokenInput,
  async execute({ tx, user, audit }, input) {
    const ownerId = input.userId ?? user.id;
    if (ownerId !== user.id && !roleCan(user.role, 'manage:users')) {
      throw new DomainError(403, 'forbidden', 'forbidden');
    }
    const owner = await tx.user.findUnique({
      where: { id: ownerId },
      select: { id: true, email: true, disabled: true },
    });
    if (!owner) throw new DomainError(404, 'not_found', 'userNotFound');
    if (owner.disabled) throw new DomainError(409, 'user_disabled', 'tokenOwnerDisabled');
    const { secret, prefix, secretHash } = generateApiToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    const token = await tx.apiToken.create({
      data: {
        userId: owner.id,
        name: input.name,
        scope: input.scope,
        prefix,
        secretHash,
        expiresAt,
        createdById: user.id,
      },
    });
    await audit({
      action: 'api_token.create',
      entityType: 'ApiToken',
      entityId: token.id,
      after: {
        id: token.id,
        owner: owner.email,
        name: token.name,
        scope: token.scope,
        prefix,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { id: token.id, name: token.name, scope: token.scope, prefix, expiresAt, secret };
  },
});

export const revokeApiToken = defineOperation({
  name: 'revokeApiToken',
  permission: 'signed-in',
  input: RevokeApiTokenInput,
  async execute({ tx, user, audit }, input) {
    const token = await tx.apiToken.findUnique({
      where: { id: input.id },
      include: { user: { select: { email: true } } },
    });
    // Someone else's token is "not found" to a non-admin: its existence is none of their business.
    if (!token || (token.userId !== user.id && !roleCan(user.role, 'manage:users'))) {
      throw new DomainError(404, 'not_found', 'tokenNotFound');
    }
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
    await audit({
      action: 'api_token.revoke',
      entityType: 'ApiToken',
      entityId: token.id,
      before: { id: token.id, owner: token.user.email, name: token.name, prefix: token.prefix, revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
    });
    return { id: token.id, revokedAt };
  },
});
