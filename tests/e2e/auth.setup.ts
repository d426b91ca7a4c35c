import { generateTOTP } from '@epic-web/totp';
import { expect as baseExpect, test as setup } from './fixtures';
import { E2E_ENROLLED, E2E_ROLES, E2E_TOTP_SECRET, E2E_USERS, storageStatePath } from './support/users';

// Signing in is two or three page loads now; a busy CI machine gets time for them.
const expect = baseExpect.configure({ timeout: 30_000 });

// Signs in once per role through the real form and keeps the session cookie for the other tests. The admin and
// the reviewer then type the code an authenticator app holding their key shows now.
for (const role of E2E_ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/en/sign-in');
    await page.getByLabel('Email').fill(E2E_USERS[role].email);
    await page.getByLabel('Password').fill(E2E_USERS[role].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (E2E_ENROLLED.includes(role)) {
      await expect(page).toHaveURL(/\/en\/sign-in\/code/);
      const { otp } = await generateTOTP({ secret: E2E_TOTP_SECRET, period: 30, digits: 6, algorithm: 'SHA-1' });
      await page.getByLabel('Code', { exact: true }).fill(otp);
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
