/** The accounts the browser tests sign in with; created by prepare-server.ts before the server starts. */
export const E2E_USERS = {
  admin: { email: 'admin@e2e.test', password: 'e2e admin passphrase one', role: 'ADMIN' },
  reviewer: { email: 'reviewer@e2e.test', password: 'e2e reviewer passphrase two', role: 'REVIEWER' },
  editor: { email: 'editor@e2e.test', password: 'e2e editor passphrase three', role: 'EDITOR' },
  viewer: { email: 'viewer@e2e.test', password: 'e2e viewer passphrase four', role: 'VIEWER' },
  /** Only for the rate-limit test, which locks it for ten minutes. */
  limited: { email: 'limited@e2e.test', password: 'e2e limited passphrase five', role: 'VIEWER' },
} as const;

export type E2ERole = 'admin' | 'reviewer' | 'editor' | 'viewer';
export const E2E_ROLES: E2ERole[] = ['admin', 'reviewer', 'editor', 'viewer'];

export const storageStatePath = (role: E2ERole) => `.tmp/e2e-auth/${role}.json`;
export const SERVER_LOG = '.tmp/e2e-server.log';
