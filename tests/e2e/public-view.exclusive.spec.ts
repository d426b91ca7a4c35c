import { parseCsv } from '../../lib/csv';
import { expect, test } from './fixtures';
import { storageStatePath } from './support/users';

// These tests change the site-wide public-view setting, so they run alone, after the other browser tests; the
// `publicView` fixture turns it off again however a test ends.
test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

test('with the public view on, the anonymous read the dashboard but nothing internal; off again, they must sign in', async ({
  newContext,
  page,
  publicView,
}) => {
  const admin = await newContext({ storageState: storageStatePath('admin') });
  const adminPage = await admin.newPage();
  await adminPage.goto('/en/admin/settings');
  await expect(adminPage.getByText('The public view is off: only signed-in users can read.')).toBeVisible();
  await publicView.turnOn();

  expect((await page.goto('/en/commitments'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commitments');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/en/admin/users');
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.goto('/en/account/password');
  await expect(page).toHaveURL(/\/en\/sign-in/);
  // CSV downloads give the anonymous public data only: verified evidence marked public.
  const evidence = await page.request.get('/api/export/evidence');
  expect(evidence.status()).toBe(200);
  const [header, ...rows] = parseCsv(await evidence.text()).map((record) => record.cells);
  expect(header!.slice(0, 3)).toEqual(['id', 'version', 'state']);
  for (const row of rows) expect([row[2], row[header!.indexOf('visibility')]]).toEqual(['VERIFIED', 'PUBLIC']);
  expect((await page.request.get('/api/export/matrix')).status()).toBe(200);

  await adminPage.goto('/en/admin/settings');
  await adminPage.getByRole('button', { name: 'Turn the public view off' }).click();
  await adminPage.getByRole('button', { name: 'Yes, turn it off' }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: 'The public view is now off.' })).toBeVisible();
  await page.goto('/en/commitments');
  await expect(page).toHaveURL(/\/en\/sign-in/);
  for (const path of ['/api/export/evidence', '/api/export/matrix', '/api/export/ratification']) {
    expect((await page.request.get(path)).status(), path).toBe(401);
  }
});

test('a server action replayed from another origin, or with no origin at all, is refused and changes nothing', async ({
  newContext,
  playwright,
  baseURL,
  consoleErrors,
}) => {
  const admin = await newContext({ storageState: storageStatePath('admin') });
  const page = await admin.newPage();
  await page.goto('/en/admin/settings');
  // Capture the real action request (its id and body) without letting it through.
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route('**/en/admin/settings', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
    await route.abort();
  });
  await page.getByRole('button', { name: 'Turn the public view on' }).click();
  await expect.poll(() => captured).toBeTruthy();

  const api = await playwright.request.newContext({ baseURL, storageState: storageStatePath('admin') });
  const actionHeaders = Object.fromEntries(
    Object.entries(captured!.headers).filter(
      ([name]) => !['origin', 'referer', 'cookie', 'content-length'].includes(name),
    ),
  );
  const forgeries: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    {},
  ];
  for (const forged of forgeries) {
    const response = await api.post('/en/admin/settings', {
      headers: { ...actionHeaders, ...forged },
      data: captured!.body,
    });
    const refusedByNext = response.status() >= 400;
    const refusedByUs = (await response.text()).includes('crossSite');
    expect(refusedByNext || refusedByUs, `forged headers ${JSON.stringify(forged)}`).toBe(true);
  }
  await api.dispose();

  await page.unroute('**/en/admin/settings');
  await page.goto('/en/admin/settings');
  await expect(page.getByText('The public view is off: only signed-in users can read.')).toBeVisible();
  await admin.close();
  // The page reported the request this test aborted on purpose (as a failed fetch and a failed load); any other
  // error still fails the test.
  const aborted = (error: string) => /Failed to fetch|net::ERR_FAILED/.test(error);
  expect(consoleErrors.some(aborted)).toBe(true);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((error) => !aborted(error)));
});

test('turning the public view off asks first, in both languages; cancel leaves it on', async ({
  newContext,
  publicView,
}) => {
  const admin = await newContext({ storageState: storageStatePath('admin') });
  const page = await admin.newPage();
  await publicView.turnOn();
  await page.goto('/en/admin/settings');
  await page.getByRole('button', { name: 'Turn the public view off' }).click();
  const question = page.getByRole('group', { name: /^Turn the public view off\?/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('The public view is on.')).toBeVisible();

  await page.goto('/zh/admin/settings');
  await page.getByRole('button', { name: '关闭公开浏览' }).click();
  await expect(page.getByRole('group', { name: /^确定关闭公开浏览？/ })).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();
  await page.reload();
  await expect(page.getByText('公开浏览已开启。')).toBeVisible();

  await page.getByRole('button', { name: '关闭公开浏览' }).click();
  await page.getByRole('button', { name: '确定关闭' }).click();
  await expect(page.getByRole('status').filter({ hasText: '公开浏览现已关闭。' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('公开浏览已关闭：只有登录用户可以浏览。')).toBeVisible();
});
