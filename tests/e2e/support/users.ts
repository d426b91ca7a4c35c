/** The accounts the browser tests sign in with; created by prepare-server.ts before the server starts. */
export const E2E_USERS = {
  admin: { email: 'admin@e2e.test', password: 'e2e admin passphrase one', role: 'ADMIN' },
  reviewer: { email: 'reviewer@e2e.test', password: 'e2e reviewer passphrase two', role: 'REVIEWER' },
  editor: { email: 'editor@e2e.test', password: 'e2e editor passphrase three', role: 'EDITOR' },
  viewer: { email: 'viewer@e2e.test', password: 'e2e viewer passphrase four', role: 'VIEWER' },
  /** Only for the two-factor test: a reviewer who has not set up a second factor yet. */
  enrolling: { email: 'enrolling@e2e.test', password: 'e2e enrolling passphrase six', role: 'REVIEWER' },
  /** Only for the rate-limit test, which locks it for ten minutes. */
  limited: { email: 'limited@e2e.test', password: 'e2e limited passphrase five', role: 'VIEWER' },
} as const;

/**
 * The TOTP key prepare-server.ts enrols for the admin and the reviewer (their roles require a second factor), so
 * that auth.setup.ts can type the code an authenticator app would show.
 */
export const E2E_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const E2E_ENROLLED: readonly string[] = ['admin', 'reviewer'];

export type E2ERole = 'admin' | 'reviewer' | 'editor' | 'viewer';
export const E2E_ROLES: E2ERole[] = ['admin', 'reviewer', 'editor', 'viewer'];

export const storageStatePath = (role: E2ERole) => `.tmp/e2e-auth/${role}.json`;
export const SERVER_LOG = '.tmp/e2e-server.log';
