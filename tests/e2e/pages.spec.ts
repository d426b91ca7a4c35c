import { expect, expectNoAxeViolations, test } from './fixtures';
import { storageStatePath } from './support/users';

test.describe('language', () => {
  test('the browser language picks the first page: Chinese', async ({ newContext }) => {
    const context = await newContext({ locale: 'zh-CN', storageState: storageStatePath('viewer') });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
    await context.close();
  });

  test('the browser language picks the first page: English', async ({ newContext }) => {
    const context = await newContext({ locale: 'en-GB', storageState: storageStatePath('viewer') });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
    await context.close();
  });

  test('the switcher keeps the page and its filters', async ({ page }) => {
    await page.goto('/en/commitments?addressee=UN_SYSTEM');
    await page.getByRole('link', { name: /Switch to Chinese/ }).click();
    await expect(page).toHaveURL(/\/zh\/commitments\?addressee=UN_SYSTEM$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('承诺');
    await expect(page.getByLabel('对象', { exact: true })).toHaveValue('UN_SYSTEM');
    await page.getByRole('link', { name: /Switch to English/ }).click();
    await expect(page).toHaveURL(/\/en\/commitments\?addressee=UN_SYSTEM$/);
  });
});

for (const locale of ['en', 'zh'] as const) {
  test.describe(`in ${locale}`, () => {
    test('overview shows the headline figures and the tracked statement', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('.stats--small').getByText('193', { exact: true })).toBeVisible();
      await expect(page.getByText(/S\/PRST\/2012\/17/).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('statement page shows the header facts, 28 numbered paragraphs and linked commitments', async ({ page }) => {
      await page.goto(`/${locale}/documents`);
      await expect(page).toHaveURL(new RegExp(`/${locale}/documents/S-PRST-2012-17$`));
      await expect(page.getByText('S/PRST/2012/17').first()).toBeVisible();
      await expect(
        page.getByText(locale === 'en' ? '6765th meeting of the Security Council' : '安全理事会第 6765 次会议', {
          exact: true,
        }),
      ).toBeVisible();
      await expect(page.getByText(locale === 'en' ? 'May 4, 2012' : '2012年5月4日').first()).toBeVisible();
      await expect(page.locator('li.paragraph')).toHaveCount(28);
      const paragraph12 = page.locator('#p12');
      await expect(
        paragraph12.locator('mark', { hasText: '再次呼吁各国考虑尽快加入所有相关国际公约和议定书' }),
      ).toBeVisible();
      await paragraph12.locator('a[href$="/commitments/P12-conventions"]').first().click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/commitments/P12-conventions$`));
      await expectNoAxeViolations(page);
    });

    test('commitment page shows its quote in context, both languages, guidance and the instruments it names', async ({
      page,
    }) => {
      await page.goto(`/${locale}/commitments/P12-conventions`);
      await expect(page.locator('blockquote mark')).toHaveText('再次呼吁各国考虑尽快加入所有相关国际公约和议定书');
      await expect(page.locator('section[lang="en"] strong')).not.toBeEmpty();
      await expect(page.locator('section[lang="zh-Hans"] strong')).not.toBeEmpty();
      await expect(
        page.getByRole('heading', { name: locale === 'en' ? 'What counts as evidence' : '哪些情况可作为执行证据' }),
      ).toBeVisible();
      await expect(page.locator('ul.link-list li')).toHaveCount(19);
      await expectNoAxeViolations(page);
    });

    test('an unknown commitment is a localized 404', async ({ page, consoleErrors }) => {
      const response = await page.goto(`/${locale}/commitments/P99-nothing`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        locale === 'en' ? 'Page not found' : '找不到页面',
      );
      consoleErrors.length = 0; // the browser logs the 404 response itself
    });

    test('instruments list shows 19 instruments and tells which existed on 4 May 2012', async ({ page }) => {
      await page.goto(`/${locale}/instruments`);
      await expect(page.locator('tbody tr')).toHaveCount(19);
      await expect(
        page.getByText(
          locale === 'en' ? /19 instruments; 18 of them had been adopted by May 4, 2012/ : /共 19 项文书；其中 18 项/,
        ),
      ).toBeVisible();
      await expect(page.locator('tr#montreal-protocol-2014 .tag')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test('commitments list filters by theme, addressee and strength, with the filters in the URL', async ({ page }) => {
  await page.goto('/en/commitments');
  const rows = page.locator('tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(30);

  await page.getByLabel('Addressee', { exact: true }).selectOption('UN_SYSTEM');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/addressee=UN_SYSTEM/);
  const unSystem = await rows.count();
  expect(unSystem).toBeGreaterThan(0);
  expect(unSystem).toBeLessThan(all);
  for (const cell of await rows.locator('td:nth-child(4)').allTextContents()) expect(cell).toBe('UN system');

  await page.goto('/en/commitments?theme=terrorist-financing&strength=OBLIGATION');
  await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('terrorist-financing');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('P08-financing');

  await page.goto('/en/commitments?theme=ict&strength=OBLIGATION');
  await expect(page.getByRole('status')).toHaveText('No commitments match these filters.');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(all);
  await expectNoAxeViolations(page);
});

test('countries list has the 193 member states with both names and is searchable in either language', async ({
  page,
}) => {
  await page.goto('/zh/countries');
  await expect(page.locator('tbody tr')).toHaveCount(193);
  await expect(page.getByRole('status')).toHaveText('193 个会员国中的 193 个');
  await expectNoAxeViolations(page);

  await page.getByRole('searchbox', { name: '按名称或代码搜索' }).fill('肯尼亚');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/q=%E8%82%AF/);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText('Kenya');

  await page.goto('/en/countries?q=ken');
  await expect(page.locator('tbody tr').filter({ hasText: '肯尼亚' })).toHaveCount(1);

  await page.goto('/en/countries?group=EASTERN_EUROPEAN');
  await expect(page.locator('tbody tr')).toHaveCount(23);

  await page.goto('/en/countries?q=%25');
  await expect(page.getByRole('status')).toHaveText('No member state matches.');
});

test('health reports the embedded database with its migrations up to date', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'pglite', migrations: 'up to date' });
});

test('every response carries the security headers: a nonce-based CSP without unsafe-eval on pages', async ({
  request,
}) => {
  const page = await request.get('/en');
  const csp = page.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  for (const path of ['/en', '/api/health', '/en/sign-in']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
  const overHttps = await request.get('/en', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toContain('max-age=');
});

test('keyboard users can skip to the content and reach the navigation', async ({ page }) => {
  await page.goto('/en');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
