import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { expect, test, type NewContext } from './fixtures';
import { E2E_USERS, storageStatePath, type E2ERole } from './support/users';

// The small things of issue 12 that add up: sign-out host, header and navigation, plurals, instrument order,
// a CSV behind every table, phone layouts, the country-scope message, focus on the error summary, and the
// confirmation before disabling an account or resetting a password.

async function asRole(newContext: NewContext, role: E2ERole) {
  const context = await newContext({ storageState: storageStatePath(role) });
  return { context, page: await context.newPage() };
}

async function signInAt(newContext: NewContext, origin: string, locale: 'en' | 'zh') {
  const context = await newContext({ baseURL: origin, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(`/${locale}/sign-in?callbackUrl=%2F${locale}%2Finstruments`);
  await page.getByLabel(locale === 'en' ? 'Email' : '电子邮件').fill(E2E_USERS.viewer.email);
  await page.getByLabel(locale === 'en' ? 'Password' : '密码').fill(E2E_USERS.viewer.password);
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : '登录' }).click();
  await expect(page).toHaveURL(`${origin}/${locale}/instruments`);
  return { context, page };
}

test('signing out stays on the host the server was reached at (NEXTAUTH_URL unset)', async ({
  newContext,
  baseURL,
}) => {
  // baseURL is http://127.0.0.1:<port>; the same server reached as localhost must keep its users on localhost.
  const localhost = baseURL!.replace('127.0.0.1', 'localhost');
  for (const [origin, locale] of [
    [baseURL!, 'en'],
    [localhost, 'zh'],
  ] as const) {
    const { context, page } = await signInAt(newContext, origin, locale);
    await page.getByRole('button', { name: locale === 'en' ? 'Sign out' : '退出' }).click();
    await expect(page).toHaveURL(`${origin}/${locale}/sign-in`);
    await expect(page.getByRole('button', { name: locale === 'en' ? 'Sign in' : '登录' })).toBeVisible();
    await context.close();
  }
});

test('the header names the account link and the navigation marks the section the page belongs to', async ({ page }) => {
  for (const [locale, countries, overview, account] of [
    ['en', 'Countries', 'Overview', 'Account'],
    ['zh', '国家', '概览', '账户'],
  ] as const) {
    const nav = page.locator('nav.site-nav');
    await page.goto(`/${locale}/countries/KEN`);
    await expect(nav.getByRole('link', { name: countries, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: overview, exact: true })).not.toHaveAttribute('aria-current');

    await page.goto(`/${locale}`);
    await expect(nav.getByRole('link', { name: overview, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current]')).toHaveCount(1);

    await page.getByRole('link', { name: account, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/account/password$`));
    await expect(page.getByRole('link', { name: account, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current]')).toHaveCount(0);
  }
});

test('counts read with plural forms in both languages', async ({ page }) => {
  await page.goto('/en/instruments');
  await expect(page.getByText(/^19 instruments; 18 of them had been adopted by /)).toBeVisible();
  await page.goto('/en/countries/KEN');
  await expect(page.locator('.ratification-summary')).toContainText(/of 19 instruments; \d+ of the 18 instruments/);
  await page.goto('/zh/instruments');
  await expect(page.getByText(/^共 19 项文书；其中 18 项在/)).toBeVisible();
});

/** The instrument codes in the order a page lists them, read from its links or rows. */
async function instrumentOrder(page: Page, selector: string, attribute: string, prefix: string) {
  const values = await page
    .locator(selector)
    .evaluateAll((elements, name) => elements.map((element) => element.getAttribute(name as string) ?? ''), attribute);
  return values.map((value) => value.slice(value.indexOf(prefix) + prefix.length));
}

test('instruments are listed by adoption date everywhere', async ({ page }) => {
  await page.goto('/en/instruments');
  const dates = await page
    .locator('table tbody tr td:nth-child(3) time')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime') ?? ''));
  expect(dates).toHaveLength(19);
  expect(dates).toEqual([...dates].sort());
  const order = await instrumentOrder(page, 'table tbody tr', 'id', '');
  // The 1980 nuclear material convention was adopted in October 1979, before the hostages convention.
  expect(order.indexOf('nuclear-material-1980')).toBeLessThan(order.indexOf('hostages-1979'));

  await page.goto('/en/countries/KEN');
  expect(await instrumentOrder(page, '.ratification-table tbody tr', 'id', 'instrument-')).toEqual(order);

  await page.goto('/en/commitments/P12-conventions');
  expect(await instrumentOrder(page, '.link-list a[href*="/instruments#"]', 'href', '#')).toEqual(order);
});

/** Each data table of the page with the CSV link placed just before its scrolling wrapper. */
async function tablesWithCsv(page: Page) {
  return page.locator('main table:not(.chart-table):not(.matrix)').evaluateAll((tables) =>
    tables.map((table) => {
      const wrapper = table.closest('.table-scroll');
      const link = wrapper?.previousElementSibling?.matches('.download-csv')
        ? wrapper.previousElementSibling.querySelector('a')?.getAttribute('href')
        : null;
      const columns = [...table.querySelectorAll('thead th')]
        .filter((th) => !th.querySelector('.visually-hidden'))
        .map((th) => th.textContent?.trim() ?? '');
      const rows = [...table.querySelectorAll('tbody tr')].filter((tr) => !tr.querySelector('th[scope="rowgroup"]'));
      // A table shown a page at a time (the commitment page's states): its CSV holds every page.
      const pager = wrapper?.nextElementSibling?.matches('nav.pager') ? wrapper.nextElementSibling : null;
      const total = pager ? Number(pager.getAttribute('data-total')) : rows.length;
      return { caption: table.querySelector('caption')?.textContent ?? '', link, columns, rows: total };
    }),
  );
}

test('every table has a CSV link with its rows and columns, in English and Chinese', async ({ newContext }) => {
  const pages: [E2ERole, string, boolean][] = [
    ['viewer', '/en', true],
    ['viewer', '/zh/countries', true],
    ['viewer', '/en/countries?group=AFRICAN', true],
    ['viewer', '/en/commitments?addressee=UN_SYSTEM', true],
    ['viewer', '/zh/instruments', true],
    ['viewer', '/en/countries/KEN', false],
    ['viewer', '/zh/countries/KEN', false],
    ['viewer', '/en/commitments/P12-conventions', false],
    ['admin', '/en/admin/users', true],
    ['viewer', '/en/account/security', true],
    ['viewer', '/zh/account/security', true],
  ];
  for (const [role, path, sameColumns] of pages) {
    const { context, page } = await asRole(newContext, role);
    await page.goto(path);
    const tables = await tablesWithCsv(page);
    expect(tables.length, path).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.link, `${path}: ${table.caption}`).toMatch(/^\/api\/export\//);
      const response = await page.request.get(table.link!);
      expect(response.status(), table.link!).toBe(200);
      const [header, ...rows] = parse(await response.text(), { bom: true }) as string[][];
      // Other tests add users meanwhile; every other table here is fixed while the tests run.
      if (path.includes('/admin/users')) expect(rows.length, table.link!).toBeGreaterThanOrEqual(table.rows);
      else expect(rows.length, table.link!).toBe(table.rows);
      if (sameColumns) expect(header, table.link!).toEqual(table.columns);
      // Words, never the codes behind them.
      expect(header!.join(' '), table.link!).not.toMatch(/[A-Z]+_[A-Z]+|^[a-z_]+$/);
      if (path.startsWith('/zh')) expect(header!.join(''), table.link!).toMatch(/[\u4e00-\u9fff]/);
    }
    await context.close();
  }
});

test('on a phone (390×844) tables scroll sideways in a focusable region and the header stays small', async ({
  newContext,
}) => {
  test.slow(); // seven pages, each twice, as four roles
  const shots: [E2ERole, string, string][] = [
    ['viewer', '/en', 'overview'],
    ['viewer', '/zh/countries', 'countries'],
    ['viewer', '/en/countries/KEN', 'country'],
    ['viewer', '/en/matrix', 'matrix'],
    ['editor', '/en/evidence/new', 'evidence-form'],
    ['reviewer', '/zh/review', 'review'],
    ['admin', '/en/admin/users', 'users'],
  ];
  for (const [role, path, name] of shots) {
    const context = await newContext({
      storageState: storageStatePath(role),
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(path);
    // The page itself never scrolls sideways: wide tables scroll inside their own region.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height, `${path}: header height`).toBeLessThanOrEqual(844 / 4);
    for (const region of await page.locator('main .table-scroll').all()) {
      await expect(region).toHaveAttribute('role', 'region');
      await expect(region).toHaveAttribute('tabindex', '0');
      expect(await region.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
    }
    await page.screenshot({ path: `test-results/phone-${name}.png`, fullPage: false });
    // The same page on a desktop, for the record (test-results/desktop-*.png).
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `test-results/desktop-${name}.png`, fullPage: false });
    await context.close();
  }
  // A wide table is really scrollable by keyboard: focus its region and press the right arrow.
  const { context, page } = await asRole(newContext, 'admin');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/en/admin/users');
  const region = page.locator('main .table-scroll').first();
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  await context.close();
});

test('the country scope names unknown codes, and focus moves to the error summary', async ({ newContext }) => {
  const { context, page } = await asRole(newContext, 'admin');
  for (const locale of ['en', 'zh'] as const) {
    const en = locale === 'en';
    await page.goto(`/${locale}/admin/users`);
    await page.getByLabel(en ? 'Email' : '电子邮件').fill(`scope-${locale}-${Date.now()}@e2e.test`);
    await page.getByLabel(en ? 'Name' : '姓名', { exact: true }).fill('Scope Test');
    await page.getByLabel(en ? 'Role' : '角色').selectOption('EDITOR');
    const scope = page.getByLabel(en ? 'Country scope' : '国家范围');
    await scope.fill('ken, Kenya, uga');
    await page.getByRole('button', { name: en ? 'Add user' : '添加用户' }).click();
    const summary = page.locator('.form-message--error');
    await expect(summary).toHaveText(
      en ? 'Some fields need fixing; see the messages beside them.' : '部分字段需要修改，请查看字段旁的提示。',
    );
    await expect(summary).toBeFocused();
    await expect(
      page.getByText(en ? 'Not three-letter country codes: KENYA.' : '以下不是三字母国家代码：KENYA。', {
        exact: false,
      }),
    ).toBeVisible();
    await expect(page.getByLabel(en ? 'Country scope' : '国家范围')).toHaveValue('ken, Kenya, uga');

    await page.getByLabel(en ? 'Country scope' : '国家范围').fill('KEN, XXX, ZZZ');
    await page.getByRole('button', { name: en ? 'Add user' : '添加用户' }).click();
    await expect(
      page.getByText(en ? 'Not UN member states: XXX, ZZZ.' : '以下不是联合国会员国：XXX, ZZZ。'),
    ).toBeVisible();
    await expect(page.locator('.form-message--error')).toBeFocused();
    await expect(page.getByLabel(en ? 'Country scope' : '国家范围')).toHaveAttribute('aria-invalid', 'true');
  }
  await context.close();
});

test('disabling an account and resetting a password ask first; cancel changes nothing', async ({ newContext }) => {
  test.slow(); // a dozen page loads and five form posts
  const { context, page } = await asRole(newContext, 'admin');
  await page.goto('/en/admin/users');
  const email = `confirm-${Date.now()}@e2e.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Confirm Test');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The user was added.' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: email }).click();
  // A click returns before the navigation it starts: wait for the user's page before taking its address.
  await page.waitForURL(/\/en\/admin\/users\/\d+$/);
  const userPage = page.url();

  // Cancel leaves the account enabled.
  await page.getByRole('button', { name: 'Disable the account' }).click();
  const question = page.getByRole('group', { name: /^Disable this account\?/ });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Disable the account' })).toBeVisible();
  await page.goto('/en/admin/users');
  await expect(page.locator('tr', { hasText: email })).toContainText('Active');

  // The reset question stays open while another form on the page saves and the page re-renders.
  await page.goto(userPage);
  await page.getByRole('button', { name: 'Reset password' }).click();
  const reset = page.getByRole('group', { name: /^Reset this user's password\?/ });
  await expect(reset).toBeVisible();
  await page.locator('#field-name').fill('Confirm Test Renamed');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(reset).toBeVisible();
  await reset.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.one-time-password')).toHaveCount(0);

  await page.getByRole('button', { name: 'Reset password' }).click();
  await page.getByRole('button', { name: 'Yes, reset the password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The password was reset.' })).toBeVisible();
  await expect(page.locator('.one-time-password code')).toHaveText(/^[\w-]{20}$/);

  // In Chinese, confirming disables it.
  await page.goto(userPage.replace('/en/', '/zh/'));
  await page.getByRole('button', { name: '停用账户' }).click();
  await expect(page.getByRole('group', { name: /^确定停用此账户？/ })).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('button', { name: '停用账户' })).toBeVisible();
  await page.getByRole('button', { name: '停用账户' }).click();
  await page.getByRole('button', { name: '确定停用账户' }).click();
  await expect(page.getByRole('status').filter({ hasText: '账户已停用，其会话已结束。' })).toBeVisible();
  await context.close();
});

test('the CSV link downloads a file named after the table, with its headings', async ({ newContext }) => {
  const { context, page } = await asRole(newContext, 'viewer');
  await page.goto('/en/instruments');
  const link = page.locator('.download-csv a[href^="/api/export/table/instruments"]').first();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^instruments-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.split('\r\n')[0]).toBe('Year,Instrument,Adopted,In force since,Depositary');
  await context.close();
});
