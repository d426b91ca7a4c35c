import { expect, test } from './fixtures';
import { storageStatePath } from './support/users';

// Issue 12, "Find and enter": codes in any case, unknown filter values, country search, record from context and
// the evidence browser. Runs as the viewer unless a test opens another role's context.

test.describe('codes are case-insensitive in URLs and filters', () => {
  test('a country code in lower case opens the country at its canonical address', async ({ page }) => {
    await page.goto('/en/countries/ken');
    await expect(page).toHaveURL(/\/en\/countries\/KEN$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kenya');
    await page.goto('/zh/countries/ken?history=all');
    await expect(page).toHaveURL(/\/zh\/countries\/KEN\?history=all$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('肯尼亚');
  });

  test('a commitment code in another case opens the commitment', async ({ page }) => {
    await page.goto('/en/commitments/p12-CONVENTIONS');
    await expect(page).toHaveURL(/\/en\/commitments\/P12-conventions$/);
    await expect(page.locator('main').getByText('P12-conventions', { exact: true }).first()).toBeVisible();
  });

  test('filters read codes in any case', async ({ page }) => {
    await page.goto('/en/map?commitment=p08-FINANCING');
    await expect(page.getByLabel('Commitment', { exact: true })).toHaveValue('P08-financing');
    await page.goto('/en/matrix?country=nor');
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('NOR');
    await expect(page.getByRole('rowheader', { name: /Norway/ })).toBeVisible();
    const themeValue = await page
      .goto('/en/commitments')
      .then(async () => page.getByLabel('Theme', { exact: true }).locator('option').nth(1).getAttribute('value'));
    await page.goto(`/en/commitments?theme=${themeValue!.toUpperCase()}`);
    await expect(page.getByLabel('Theme', { exact: true })).toHaveValue(themeValue!);
    const response = await page.request.get('/api/v1/evidence?actor=nor&commitment=p08-financing');
    expect(response.status()).toBe(200);
  });
});

test.describe('unknown filter values are dropped with a notice', () => {
  for (const [locale, text] of [
    ['en', { notice: 'Country: unknown value “XYZ” ignored.', theme: 'Theme: unknown value “nonsense” ignored.' }],
    ['zh', { notice: '国家：未知的值“XYZ”，已忽略。', theme: '主题：未知的值“nonsense”，已忽略。' }],
  ] as const) {
    test(`dashboard and list filters (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/matrix?country=XYZ`);
      await expect(page.getByTestId('ignored-filters')).toHaveText(text.notice);
      // Dropped, so the matrix shows every state rather than none.
      await expect(page.locator('tbody tr').nth(10)).toBeVisible();

      await page.goto(`/${locale}?theme=nonsense`);
      await expect(page.getByTestId('ignored-filters')).toHaveText(text.theme);

      await page.goto(`/${locale}/commitments?theme=nonsense`);
      await expect(page.getByTestId('ignored-filters')).toHaveText(text.theme);
      await expect(page.locator('main li, main tbody tr').first()).toBeVisible();
    });
  }

  test('the countries list reports an unknown group', async ({ page }) => {
    await page.goto('/en/countries?group=MARS');
    await expect(page.getByTestId('ignored-filters')).toContainText('“MARS”');
    await expect(page.getByRole('row', { name: /Kenya/ })).toBeVisible();
  });
});

test.describe('country search knows other names and ignores diacritics', () => {
  for (const [locale, cases] of [
    [
      'en',
      [
        ['Turkey', 'Türkiye'],
        ["Cote d'Ivoire", "Côte d'Ivoire"],
        ['Ivory Coast', "Côte d'Ivoire"],
        ['Swaziland', 'Eswatini'],
        ['Burma', 'Myanmar'],
        ['Macedonia', 'North Macedonia'],
      ],
    ],
    [
      'zh',
      [
        ['Turkey', '土耳其'],
        ['韩国', '大韩民国'],
        ['Cape Verde', '佛得角'],
      ],
    ],
  ] as const) {
    test(`on the countries page (${locale})`, async ({ page }) => {
      for (const [query, name] of cases) {
        await page.goto(`/${locale}/countries?q=${encodeURIComponent(query)}`);
        await expect(page.locator('tbody tr')).toHaveCount(1);
        await expect(page.locator('tbody tr').first()).toContainText(name);
      }
    });
  }

  test('in the evidence form’s country picker', async ({ newContext }) => {
    const context = await newContext({ storageState: storageStatePath('editor') });
    const page = await context.newPage();
    await page.goto('/en/evidence/new');
    const turkey = page.locator('#actor-options option[value="TUR"]');
    expect(await turkey.getAttribute('label')).toContain('Turkey');
    expect(await page.locator('#actor-options option[value="CIV"]').getAttribute('label')).toContain('Ivory Coast');
    await context.close();
  });
});

test.describe('record evidence from context', () => {
  const FORM = {
    en: { actor: 'Country or UN entity', commitment: 'Commitment', record: 'Record evidence' },
    zh: { actor: '国家或联合国实体', commitment: '承诺', record: '记录证据' },
  } as const;

  test('from a country row, a matrix cell’s country row, a country page and a commitment page', async ({
    newContext,
  }) => {
    const context = await newContext({ storageState: storageStatePath('editor') });
    const page = await context.newPage();

    await page.goto('/en/countries?q=Kenya');
    await page.getByRole('link', { name: 'Record evidence for Kenya' }).click();
    await expect(page).toHaveURL(/\/en\/evidence\/new\?actor=KEN$/);
    await expect(page.getByLabel(FORM.en.actor)).toHaveValue('KEN');

    // A matrix cell opens the country's row for that commitment, which offers the form with both filled in. (The
    // matrix shows 50 states a page: Norway's group fits on one.)
    await page.goto('/en/matrix?group=WESTERN_EUROPEAN_OTHERS');
    const norway = page.locator('table.matrix tbody tr', { has: page.locator('th', { hasText: 'Norway' }) });
    const financing = await page
      .locator('table.matrix thead th')
      .filter({ hasText: 'P8' })
      .evaluate((cell) => (cell as HTMLTableCellElement).cellIndex);
    await norway
      .locator('td')
      .nth(financing - 1)
      .click();
    await expect(page).toHaveURL(/\/en\/countries\/NOR#c-P08-financing$/);
    await page.getByRole('link', { name: 'Record evidence for Norway × P08-financing' }).click();
    await expect(page.getByLabel(FORM.en.actor)).toHaveValue('NOR');
    await expect(page.getByLabel(FORM.en.commitment, { exact: true })).toHaveValue('P08-financing');

    await page.goto('/zh/countries/KEN');
    await page.locator('main').getByRole('link', { name: FORM.zh.record, exact: true }).click();
    await expect(page.getByLabel(FORM.zh.actor)).toHaveValue('KEN');

    await page.goto('/zh/commitments/P08-financing');
    await page.locator('main').getByRole('link', { name: FORM.zh.record, exact: true }).click();
    await expect(page.getByLabel(FORM.zh.commitment, { exact: true })).toHaveValue('P08-financing');

    // Query values are read by the form's own schemas: any case, and nothing unknown is filled in.
    await page.goto('/en/evidence/new?actor=nor&commitment=p08-FINANCING');
    await expect(page.getByLabel(FORM.en.actor)).toHaveValue('NOR');
    await expect(page.getByLabel(FORM.en.commitment, { exact: true })).toHaveValue('P08-financing');
    await page.goto('/en/evidence/new?actor=XYZ&commitment=P99-nothing');
    await expect(page.getByLabel(FORM.en.actor)).toHaveValue('');
    await expect(page.getByLabel(FORM.en.commitment, { exact: true })).toHaveValue('');
    await context.close();
  });

  test('is not offered to a reader who may not record evidence', async ({ page }) => {
    await page.goto('/en/countries/KEN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kenya');
    await expect(page.locator('main').getByRole('link', { name: /Record evidence/ })).toHaveCount(0);
    await page.goto('/en/countries?q=Kenya');
    await expect(page.locator('main').getByRole('link', { name: /Record evidence/ })).toHaveCount(0);
  });
});

test.describe('evidence browser', () => {
  const TEXT = {
    en: { title: 'Evidence', mine: 'My evidence', search: 'Search summaries, sources and tags', filter: 'Filter' },
    zh: { title: '证据', mine: '我的证据', search: '搜索摘要、来源和标签', filter: '筛选' },
  } as const;

  for (const locale of ['en', 'zh'] as const) {
    test(`every signed-in user can search and filter all records (${locale})`, async ({ page }) => {
      const text = TEXT[locale];
      await page.goto(`/${locale}/evidence`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
      const rows = page.locator('main tbody tr');
      await expect(rows.first()).toBeVisible();
      const all = await rows.count();

      await page.getByLabel(text.search).fill('zzz-no-such-text');
      await page.locator('main form[role="search"]').getByRole('button', { name: text.filter }).click();
      await expect(page).toHaveURL(/[?&]q=zzz-no-such-text/);
      await expect(rows).toHaveCount(0);

      // Filters live in the URL; the CSV link carries them.
      await page.goto(`/${locale}/evidence?country=nor&state=VERIFIED`);
      await expect(page.getByLabel(locale === 'en' ? 'Country or UN entity' : '国家或联合国实体')).toHaveValue('NOR');
      const csv = page.locator('.download-csv a').first();
      await expect(csv).toHaveAttribute('href', '/api/export/evidence?country=NOR&state=VERIFIED');
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(all);
      for (const row of await rows.all()) await expect(row).toContainText('NOR');

      await page.goto(`/${locale}/evidence?author=nobody@example.org`);
      await expect(page.getByTestId('ignored-filters')).toContainText('nobody@example.org');
      await expect(rows.first()).toBeVisible();
    });
  }

  test('"My evidence" keeps an editor’s verified records, and pictures on desktop and phone', async ({
    newContext,
  }) => {
    const context = await newContext({ storageState: storageStatePath('editor') });
    const page = await context.newPage();
    await page.goto('/en/evidence?mine=1&state=VERIFIED');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My evidence');
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/find-evidence-browser-desktop.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/zh/evidence?mine=1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的证据');
    await page.screenshot({ path: 'test-results/find-evidence-browser-phone.png', fullPage: true });
    await context.close();
  });
});
