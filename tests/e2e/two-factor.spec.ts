import { generateTOTP } from '@epic-web/totp';
import type { Page } from '@playwright/test';
import { expect as baseExpect, expectNoAxeViolations, test } from './fixtures';
import { E2E_USERS } from './support/users';

test.use({ storageState: { cookies: [], origins: [] } });
// Each step is a sign-in page load or two; a busy CI machine gets time for them.
const expect = baseExpect.configure({ timeout: 30_000 });

const account = E2E_USERS.enrolling;
const step = () => Math.floor(Date.now() / 30_000);

/** The code an authenticator app shows for this key, from a time step after `usedStep` (a code works once). */
async function codeAfter(page: Page, secret: string, usedStep: number): Promise<{ otp: string; step: number }> {
  while (step() <= usedStep) await page.waitForTimeout(1_000);
  const now = step();
  const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: 'SHA-1' });
  return { otp, step: now };
}

async function signInWithPassword(page: Page) {
  await page.goto('/en/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a reviewer enrols from the manual key, then signs in with a code and with a recovery code', async ({ page }) => {
  test.setTimeout(180_000);
  // A reviewer without a second factor is sent to set one up before anything else.
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/en\/account\/two-factor$/);
  await expect(page.getByText('Your role requires a second factor.')).toBeVisible();
  await page.goto('/en/review');
  await expect(page).toHaveURL(/\/en\/account\/two-factor$/);
  await expect(page.getByRole('img', { name: 'QR code carrying the key for your authenticator app' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '.tmp/two-factor-enrol.png', fullPage: true });

  const secret = (await page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const current = await codeAfter(page, secret, 0);
  await page.getByLabel('Code from the app').fill(current.otp === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('That code is not right.')).toBeVisible();

  const enrolCode = await codeAfter(page, secret, 0);
  await page.getByLabel('Code from the app').fill(enrolCode.otp);
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('Two-factor sign-in is on.')).toBeVisible();
  const recoveryCodes = await page.getByRole('list', { name: 'Recovery codes' }).locator('code').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/en\/account\/security$/);
  await expect(page.getByText(/On since .*10 recovery codes left\./)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'this session' })).toBeVisible();

  // Sign out; the password alone now leads to the code page, and nothing else opens until the code is given.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/en\/sign-in\/code/);
  await page.goto('/en/review');
  await expect(page).toHaveURL(/\/en\/sign-in\/code\?callbackUrl=%2Fen%2Freview$/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(403);

  // A recovery code instead of the app, once.
  await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/en\/review$/);
  await page.goto('/en/account/security');
  await expect(page.getByText(/9 recovery codes left\./)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/en\/sign-in\/code/);
  await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('That code is not right, or was already used.')).toBeVisible();

  // And the app's code of a later time step (the enrolment's own code is spent).
  const later = await codeAfter(page, secret, enrolCode.step);
  await page.getByLabel('Code', { exact: true }).fill(later.otp);
  await page.getByLabel('Remember this device for 30 days').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(page.getByText(`${account.email} (Reviewer)`)).toBeVisible();
  const device = (await page.context().cookies()).find((cookie) => cookie.name === 'ct-trusted-device');
  expect(device).toMatchObject({ httpOnly: true });
  expect(device!.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);

  // A reviewer may not turn it off, only set up a new key.
  await page.goto('/en/account/security');
  await expect(page.getByText('Your role requires two-factor sign-in')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Turn off two-factor sign-in' })).toHaveCount(0);
});
