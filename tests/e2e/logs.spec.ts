import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_ROLES, E2E_USERS, SERVER_LOG, storageStatePath } from './support/users';

// Runs after every other browser test: nothing secret may have reached the server's log.
test('the server log holds no password, hash, token or session cookie', () => {
  const log = readFileSync(SERVER_LOG, 'utf8');
  expect(log.length).toBeGreaterThan(100);
  for (const account of Object.values(E2E_USERS)) expect(log).not.toContain(account.password);
  expect(log).not.toContain('an analyst chooses this');
  expect(log).not.toMatch(/\$argon2id\$/);
  expect(log).not.toMatch(/next-auth\.(session|csrf)-token/);
  for (const role of E2E_ROLES) {
    const state = JSON.parse(readFileSync(storageStatePath(role), 'utf8')) as {
      cookies: { name: string; value: string }[];
    };
    for (const cookie of state.cookies) {
      expect(log).not.toContain(cookie.value);
      expect(log).not.toContain(decodeURIComponent(cookie.value));
    }
  }
});
