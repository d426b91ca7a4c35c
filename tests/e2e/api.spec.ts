import { expect, expectNoAxeViolations, test } from './fixtures';
import { E2E_USERS, storageStatePath } from './support/users';

/**
 * The JSON API over real HTTP on the real server: a token made on the account page works with curl-like
 * requests and is shown once; the reference page renders from the OpenAPI document; unknown API paths answer
 * JSON, never the HTML page; the page's own session cookie works for same-origin calls.
 */
test.describe('API tokens and the JSON API', () => {
  test.use({ storageState: storageStatePath('editor') });

  test('an editor creates a token, sees it once, uses it, and revokes it', async ({ page, request }) => {
    await page.goto('/en/account/password');
    await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
    const name = `e2e script ${Date.now()}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Access').selectOption('READ_WRITE');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secretBox = page.getByTestId('api-token-secret');
    await expect(secretBox).toHaveText(/^ct_[0-9a-f]{12}_[\w-]{43}$/);
    const secret = (await secretBox.textContent())!;

    const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).data).toMatchObject({ role: 'EDITOR', via: 'token', token: { scope: 'READ_WRITE' } });

    const stale = await request.put('/api/v1/ratification/KEN/nuclear-terrorism-2005', {
      headers: { authorization: `Bearer ${secret}`, 'if-match': '"ratification-KEN.nuclear-terrorism-2005-v9"' },
      data: { status: 'SIGNED', signedOn: '2005-09-15' },
    });
    expect(stale.status()).toBe(412);
    expect(await stale.json()).toMatchObject({ error: { code: 'precondition_failed' } });

    await page.reload();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(secret.slice(0, 15));
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(row).not.toContainText('never');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toContainText('revoked');
    const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
  });

  test('the page session works for same-origin reads; a cross-site write is refused', async ({ page }) => {
    await page.goto('/en');
    const answers = await page.evaluate(async () => {
      const me = await fetch('/api/v1/me');
      return { status: me.status, body: await me.json() };
    });
    expect(answers.status).toBe(200);
    expect(answers.body.data).toMatchObject({ via: 'session', role: 'EDITOR' });
    const crossSite = await page.request.post('/api/v1/evidence', {
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      data: {},
    });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.code).toBe('cross_site');
  });
});

test.describe('anonymous', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('unknown API paths answer JSON 404, the document is served, reads need a token', async ({ request }) => {
    const missing = await request.get('/api/v1/no/such/thing');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-type']).toContain('application/json');
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const root = await request.post('/api/v1', { data: {} });
    expect(root.status()).toBe(404);
    expect(await root.json()).toMatchObject({ error: { code: 'not_found' } });
    const document = await request.get('/api/v1/openapi.json');
    expect((await document.json()).openapi).toBe('3.1.0');
    const evidence = await request.get('/api/v1/evidence');
    expect(evidence.status()).toBe(401);
    const bad = await request.get('/api/v1/me', { headers: { authorization: 'Bearer nonsense' } });
    expect(bad.status()).toBe(401);
    expect(await bad.text()).not.toMatch(/<html/i);
  });

  test('the API reference renders from the document, in both languages', async ({ page }) => {
    await page.goto('/en/api-docs');
    await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'PUT /api/v1/evidence/{id}' })).toBeVisible();
    await expect(page.getByText('curl -X POST').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/zh/api-docs');
    await expect(page.getByRole('heading', { level: 1, name: 'API 参考' })).toBeVisible();
    await page.getByRole('link', { name: 'API 参考' }).last().click();
    await expect(page).toHaveURL(/\/zh\/api-docs$/);
  });
});

test.describe('an admin', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('creates a read-only token for another user on their page, and it reads as that user', async ({
    page,
    request,
  }) => {
    await page.goto('/en/admin/users');
    await page.getByRole('link', { name: E2E_USERS.viewer.email, exact: true }).click();
    // The user page has its own Name field: work inside the tokens section.
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await tokens.getByLabel('Name').fill('Reporting for the viewer');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('api-token-secret').textContent())!;
    const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect((await me.json()).data).toMatchObject({ email: E2E_USERS.viewer.email, token: { scope: 'READ' } });
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: 'Reporting for the viewer' })).toContainText(
      E2E_USERS.admin.email,
    );
  });
});
