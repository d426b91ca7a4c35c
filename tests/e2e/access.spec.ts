import { expect, test } from './fixtures';
import { E2E_ROLES, storageStatePath, type E2ERole } from './support/users';

// Anonymous access depends on the public-view setting (off here); public-view.exclusive.spec.ts switches it
// only after every test of this project has run.
test.use({ storageState: { cookies: [], origins: [] } });

type Caller = E2ERole | 'anonymous';
const PAGES: { path: string; allowed: E2ERole[] }[] = [
  { path: '/en', allowed: ['admin', 'reviewer', 'editor', 'viewer'] },
  { path: '/en/commitments/P12-conventions', allowed: ['admin', 'reviewer', 'editor', 'viewer'] },
  { path: '/en/countries', allowed: ['admin', 'reviewer', 'editor', 'viewer'] },
  { path: '/en/account/password', allowed: ['admin', 'reviewer', 'editor', 'viewer'] },
  { path: '/en/admin/users', allowed: ['admin'] },
  { path: '/en/admin/users/1', allowed: ['admin'] },
  { path: '/en/admin/audit', allowed: ['admin'] },
  { path: '/en/admin/settings', allowed: ['admin'] },
];
const CALLERS: Caller[] = ['anonymous', ...E2E_ROLES];

for (const { path, allowed } of PAGES) {
  for (const caller of CALLERS) {
    const expected = caller === 'anonymous' ? 'sign-in' : allowed.includes(caller) ? 200 : 403;
    test(`${path} as ${caller} → ${expected}`, async ({ newContext, consoleErrors }) => {
      const context = await newContext(caller === 'anonymous' ? {} : { storageState: storageStatePath(caller) });
      const page = await context.newPage();
      const response = await page.goto(path);
      if (expected === 'sign-in') {
        await expect(page).toHaveURL(
          new RegExp(`/en/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/[/]/g, '%2F')}$`),
        );
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
      } else {
        expect(response?.status()).toBe(expected);
        if (expected === 403) await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
      }
      await context.close();
      // The browser reports a refused page's own status (and may do so after the page has loaded); any other
      // error still fails the test.
      const ownStatus = (error: string) => error.includes(`${path}: Failed to load resource`);
      consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((error) => !ownStatus(error)));
    });
  }
}

test('the audit export answers 401 to the anonymous, 403 to a viewer and CSV to an admin', async ({
  playwright,
  baseURL,
}) => {
  const contexts = {
    anonymous: await playwright.request.newContext({ baseURL }),
    viewer: await playwright.request.newContext({ baseURL, storageState: storageStatePath('viewer') }),
    admin: await playwright.request.newContext({ baseURL, storageState: storageStatePath('admin') }),
  };
  expect((await contexts.anonymous.get('/api/admin/audit/export')).status()).toBe(401);
  expect((await contexts.viewer.get('/api/admin/audit/export')).status()).toBe(403);
  const csv = await contexts.admin.get('/api/admin/audit/export?action=auth.sign_in');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('id,at_utc,user_email,user_role,action,entity_type,entity_id,before,after,request_id');
  expect(lines.length).toBeGreaterThan(4);
  for (const line of lines.slice(1)) expect(line).toContain(',auth.sign_in,User,');
  for (const context of Object.values(contexts)) await context.dispose();
});

test('an admin corrects a commitment title; a viewer sees no edit control', async ({ newContext }) => {
  const admin = await newContext({ storageState: storageStatePath('admin') });
  const page = await admin.newPage();
  await page.goto('/en/commitments/P28-gctf');
  await page.getByText('Edit this commitment (admin)').click();
  await page.getByLabel('Title (English)').fill('Global Counterterrorism Forum to keep cooperating with the UN');
  await page.getByRole('button', { name: 'Save the commitment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Global Counterterrorism Forum to keep cooperating with the UN',
  );
  await admin.close();

  const viewer = await newContext({ storageState: storageStatePath('viewer') });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto('/en/commitments/P28-gctf');
  await expect(viewerPage.getByText('Edit this commitment (admin)')).toHaveCount(0);
  await viewer.close();
});
