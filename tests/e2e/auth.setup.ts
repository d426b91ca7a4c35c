import { expect, test as setup } from '@playwright/test';
import { E2E_ROLES, E2E_USERS, storageStatePath } from './support/users';

// Signs in once per role through the real form and keeps the session cookie for the other tests.
for (const role of E2E_ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/en/sign-in');
    await page.getByLabel('Email').fill(E2E_USERS[role].email);
    await page.getByLabel('Password').fill(E2E_USERS[role].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
