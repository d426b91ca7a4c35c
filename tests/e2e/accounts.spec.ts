import { expect, test, type NewContext } from './fixtures';
import { E2E_USERS, storageStatePath } from './support/users';

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(newContext: NewContext, email: string, password: string, path = '/en/sign-in') {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel(/Email|电子邮件/).fill(email);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Sign in|登录/ }).click();
  return { context, page };
}

test('signing in leads back to the page asked for', async ({ page }) => {
  await page.goto('/en/instruments');
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Finstruments$/);
  await page.getByLabel('Email').fill(E2E_USERS.editor.email);
  await page.getByLabel('Password').fill(E2E_USERS.editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/instruments$/);
  await expect(page.getByText(`${E2E_USERS.editor.email} (Editor)`)).toBeVisible();
});

test('a wrong password is refused with the same words as an unknown email, in Chinese too', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/zh/sign-in');
  await page.getByLabel('电子邮件').fill(E2E_USERS.reviewer.email);
  await page.getByLabel('密码').fill('not the right one');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '电子邮件或密码不正确。' })).toBeVisible();
  await page.getByLabel('电子邮件').fill('nobody@e2e.test');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '电子邮件或密码不正确。' })).toBeVisible();
  await expect(page).toHaveURL(/\/zh\/sign-in$/);
  consoleErrors.length = 0; // the browser logs the 401 answers
});

test('the 11th failed sign-in within 10 minutes is refused with 429 and Retry-After', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const attempt = async (password: string) => {
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    return api.post('/api/auth/callback/credentials', {
      form: { email: E2E_USERS.limited.email, password, csrfToken, json: 'true' },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 10; i++) expect((await attempt(`wrong guess ${i}`)).status()).toBe(401);
  const refused = await attempt(E2E_USERS.limited.password);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(500);
  await api.dispose();
});

test('a sign-in posted from another site is refused', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: 'https://evil.example' } });
  const response = await api.post('/api/auth/callback/credentials', {
    form: { email: E2E_USERS.viewer.email, password: E2E_USERS.viewer.password },
  });
  expect(response.status()).toBe(403);
  await api.dispose();
});

test('signing out ends the session on the server: the old cookie no longer works', async ({ newContext }) => {
  const { context, page } = await signIn(newContext, E2E_USERS.reviewer.email, E2E_USERS.reviewer.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const saved = await context.storageState();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);

  const replay = await newContext({ storageState: saved });
  const replayPage = await replay.newPage();
  await replayPage.goto('/en/commitments');
  await expect(replayPage).toHaveURL(/\/en\/sign-in/);
  await Promise.all([context.close(), replay.close()]);
});

test('an admin adds a user, who must replace the one-time password, and whom disabling stops at once', async ({
  newContext,
}) => {
  const admin = await newContext({ storageState: storageStatePath('admin') });
  const adminPage = await admin.newPage();
  await adminPage.goto('/en/admin/users');
  const email = `new-${Date.now()}@e2e.test`;
  await adminPage.getByLabel('Email').fill(email);
  await adminPage.getByLabel('Name').fill('New Analyst');
  await adminPage.getByLabel('Role').selectOption('EDITOR');
  await adminPage.getByLabel('Country scope').fill('ken, uga');
  await adminPage.getByRole('button', { name: 'Add user' }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: 'The user was added.' })).toBeVisible();
  const oneTimePassword = (await adminPage.locator('.one-time-password code').textContent())!;
  expect(oneTimePassword).toMatch(/^[\w-]{20}$/);
  await adminPage.reload();
  const row = adminPage.locator('tr', { hasText: email });
  await expect(row).toContainText('KEN, UGA');
  await expect(row).toContainText('must change password');

  const { context, page } = await signIn(newContext, email, oneTimePassword);
  await expect(page).toHaveURL(/\/en\/account\/password$/);
  await expect(page.getByText('You signed in with a one-time password.')).toBeVisible();
  await page.goto('/en/commitments');
  await expect(page).toHaveURL(/\/en\/account\/password$/);

  await page.getByLabel('Current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('password');
  await page.getByLabel('New password again').fill('password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(
    page.getByText('This password is on the list of commonly used passwords; choose another.'),
  ).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('an analyst chooses this');
  await page.getByLabel('New password again').fill('an analyst chooses this');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');

  await adminPage.getByRole('link', { name: email }).click();
  await adminPage.getByRole('button', { name: 'Disable the account' }).click();
  await adminPage.getByRole('button', { name: 'Yes, disable the account' }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: 'The account is disabled' })).toBeVisible();

  await page.goto('/en/commitments');
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await Promise.all([context.close(), admin.close()]);
});

test('the admin sees each of these changes in the audit log and can filter it', async ({ newContext }) => {
  const admin = await newContext({ storageState: storageStatePath('admin') });
  const page = await admin.newPage();
  await page.goto('/en/admin/audit?action=auth.sign_in');
  await expect(page.getByRole('status').filter({ hasText: /events?$/ })).toBeVisible();
  // Actions and entities in words; the filter keeps the code in the URL.
  for (const action of await page.locator('tbody td:nth-child(3)').allTextContents()) expect(action).toBe('Signed in');
  await page.getByLabel('Action').selectOption({ label: 'User created' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  await expect(page.locator('tbody tr').first().locator('td').nth(2)).toHaveText('User created');
  await expect(page.locator('tbody tr').first().locator('td').nth(3)).toHaveText(/^User #\d+$/);
  await page.goto('/zh/admin/audit?action=user.create');
  await expect(page.locator('tbody tr').first().locator('td').nth(2)).toHaveText('创建了用户');
  await admin.close();
});
