import { generateTOTP } from '@epic-web/totp';
import type { BrowserContext, Page } from '@playwright/test';
import { expect as baseExpect, test, type NewContext } from './fixtures';
import { storageStatePath } from './support/users';

/**
 * The confirmations of actions that remove the form that ran them, shown by the page (`?done=`, DoneMessage):
 * signing out another session or every other session on one's security page, and an admin resetting a user's
 * second factor. These end sessions, so each test makes its own user through the admin page and signs it in in
 * contexts of its own; the shared accounts' sessions are never touched.
 */
test.use({ storageState: { cookies: [], origins: [] } });
// Each test adds a user and signs in four or five times (password hashing on a shared two-core machine).
test.describe.configure({ timeout: 300_000 });
// Each step is a page load or two with a sign-in; a busy machine gets time for them.
const expect = baseExpect.configure({ timeout: 30_000 });

const TEXT = {
  en: {
    signOut: 'Sign out',
    signOutOthers: 'Sign out everywhere else',
    thisSession: 'this session',
    sessionRevoked: 'That session was signed out.',
    otherSessionsRevoked: 'Every other session was signed out.',
    reset: 'Reset two-factor sign-in',
    secondFactorReset: 'Two-factor sign-in was reset.',
    secondFactorOff: 'Off: signing in needs only your password.',
  },
  zh: {
    signOut: '退出登录',
    signOutOthers: '退出其他所有会话',
    thisSession: '当前会话',
    sessionRevoked: '该会话已退出登录。',
    otherSessionsRevoked: '其他所有会话均已退出登录。',
    reset: '重置双重验证登录',
    secondFactorReset: '双重验证登录已重置。',
    secondFactorOff: '未开启：登录只需密码。',
  },
} as const;

const PASSWORD = 'a dedicated tester picks this';

/** A new editor added on the admin page, who has replaced the one-time password; returns their email. */
async function newEditor(newContext: NewContext, admin: Page, tag: string): Promise<string> {
  const email = `${tag}-${Date.now()}@e2e.test`;
  await admin.goto('/en/admin/users');
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Name', { exact: true }).fill(`Tester ${tag}`);
  await admin.getByLabel('Role', { exact: true }).selectOption('EDITOR');
  await admin.getByRole('button', { name: 'Add user', exact: true }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'The user was added.' })).toBeVisible();
  const oneTimePassword = (await admin.locator('.one-time-password code').textContent())!;

  const { context, page } = await signIn(newContext, email, oneTimePassword);
  await expect(page).toHaveURL(/\/en\/account\/password$/);
  await page.getByLabel('Current password', { exact: true }).fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('New password again', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password', exact: true }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  // Signed out again, so that the tests count only the sessions they start (this is the only one: no row has a
  // button of its own, only the header's).
  await page.goto('/en/account/security');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await context.close();
  return email;
}

/** Signs `email` in, in a browser context of its own. */
async function signIn(
  newContext: NewContext,
  email: string,
  password = PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto('/en/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return { context, page };
}

/** Whether a context's session still opens a signed-in page (a revoked one is sent to sign in). */
async function expectSignedOut(page: Page) {
  await page.goto('/en/account/security');
  await expect(page).toHaveURL(/\/en\/sign-in/);
}

for (const locale of ['en', 'zh'] as const) {
  const text = TEXT[locale];

  test(`in ${locale}: signing out another session, then every other session, is confirmed on the page`, async ({
    newContext,
  }) => {
    const admin = await newContext({ storageState: storageStatePath('admin') });
    const email = await newEditor(newContext, await admin.newPage(), `sessions-${locale}`);
    await admin.close();

    const mine = await signIn(newContext, email);
    const other = await signIn(newContext, email);
    const page = mine.page;
    await page.goto(`/${locale}/account/security`);
    const sessions = page.locator('section[aria-labelledby="sessions-heading"]');
    await expect(sessions.getByRole('row').filter({ hasText: text.thisSession })).toHaveCount(1);
    const otherRow = sessions.locator('tbody tr').filter({ hasNotText: text.thisSession });
    await expect(otherRow).toHaveCount(1);
    await otherRow.getByRole('button', { name: text.signOut, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/account/security\\?done=sessionRevoked$`));
    await expect(page.getByRole('status').filter({ hasText: text.sessionRevoked })).toBeVisible();
    await expect(sessions.locator('tbody tr')).toHaveCount(1);
    await expectSignedOut(other.page);

    // Two more sessions; "everywhere else" ends both and says so.
    const third = await signIn(newContext, email);
    const fourth = await signIn(newContext, email);
    await page.goto(`/${locale}/account/security`);
    await expect(sessions.locator('tbody tr')).toHaveCount(3);
    await page.getByRole('button', { name: text.signOutOthers, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/account/security\\?done=otherSessionsRevoked$`));
    await expect(page.getByRole('status').filter({ hasText: text.otherSessionsRevoked })).toBeVisible();
    await expect(sessions.locator('tbody tr')).toHaveCount(1);
    await expect(sessions.getByRole('row').filter({ hasText: text.thisSession })).toHaveCount(1);
    await expectSignedOut(third.page);
    await expectSignedOut(fourth.page);

    await Promise.all([mine, other, third, fourth].map(({ context }) => context.close()));
  });

  test(`in ${locale}: an admin resetting a user's second factor is confirmed on the user's page`, async ({
    newContext,
  }) => {
    const admin = await newContext({ storageState: storageStatePath('admin') });
    const adminPage = await admin.newPage();
    const email = await newEditor(newContext, adminPage, `reset-${locale}`);

    // The user turns on a second factor (optional for an editor) from the manual key.
    const user = await signIn(newContext, email);
    await user.page.goto('/en/account/two-factor');
    const secret = (await user.page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
    const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: 'SHA-1' });
    await user.page.getByLabel('Code from the app', { exact: true }).fill(otp);
    await user.page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await expect(user.page.getByText('Two-factor sign-in is on.')).toBeVisible();

    await adminPage.goto('/en/admin/users');
    await adminPage.getByRole('link', { name: email, exact: true }).click();
    await expect(adminPage).toHaveURL(/\/en\/admin\/users\/\d+$/);
    const userUrl = new URL(adminPage.url()).pathname.replace(/^\/en/, `/${locale}`);
    await adminPage.goto(userUrl);
    await adminPage.getByRole('button', { name: text.reset, exact: true }).click();
    await expect(adminPage).toHaveURL(`${userUrl}?done=secondFactorReset`);
    await expect(adminPage.getByRole('status').filter({ hasText: text.secondFactorReset })).toBeVisible();
    // Its form is gone with the factor: nothing left to reset.
    await expect(adminPage.getByRole('button', { name: text.reset, exact: true })).toHaveCount(0);

    // The sessions signed in with the old factor ended; with the password alone the user finds it off.
    await expectSignedOut(user.page);
    const again = await signIn(newContext, email);
    await again.page.goto(`/${locale}/account/security`);
    await expect(again.page.getByText(text.secondFactorOff)).toBeVisible();

    await Promise.all([user.context.close(), again.context.close(), admin.close()]);
  });
}
