import type { Role } from '@/lib/vocabulary';

/**
 * The one permission vocabulary: which role may do what. Server code checks it through lib/auth/guard.ts and
 * lib/operations; components use `can` only to hide controls the server would refuse anyway.
 */

export const PERMISSIONS = [
  /** Read everything internal: pages, drafts, internal notes. */
  'read:internal',
  'write:evidence',
  'review:evidence',
  'write:ratification',
  'manage:commitments',
  'manage:users',
  'manage:settings',
  'read:audit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = ['read:internal'];
const EDITOR: readonly Permission[] = [...VIEWER, 'write:evidence', 'write:ratification'];
const REVIEWER: readonly Permission[] = [...EDITOR, 'review:evidence'];
const ADMIN: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = { ADMIN, REVIEWER, EDITOR, VIEWER };

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** For UI only: whether to show a control. `null` is an anonymous (public) reader, who may change nothing. */
export function can(user: { role: Role } | null, permission: Permission): boolean {
  return user !== null && roleCan(user.role, permission);
}

/** Roles that must sign in with a second factor (TOTP); the others may choose to. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['ADMIN', 'REVIEWER'];

export function roleRequiresSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/**
 * What a reader may read, the one read policy for pages, the API, CSV exports and the dashboards' caches: a reader
 * with `read:internal` (every signed-in role) sees all verified evidence, internal included; anyone else (the
 * anonymous public, let in only while the public view is on, which the guards check) sees the verified evidence
 * marked public and nothing else. `userId` serves the "mine" filters.
 */
export interface ReadAudience {
  publicOnly: boolean;
  userId: number | null;
}

export function readAudience(user: { id: number; role: Role } | null): ReadAudience {
  return { publicOnly: !can(user, 'read:internal'), userId: user?.id ?? null };
}
