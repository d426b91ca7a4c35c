import { expect, test } from './fixtures';

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
    await expect(page.locator('main').getByText('P12-conventions', { exact: true })).toBeVisible();
  });

  test('filters read codes in any case', async ({ page }) => {
    await page.goto('/en/map?commitment=p08-FINANCING');
    await expect(page.getByLabel('Commitment', { exact: true })).toHaveValue('P08-financing');
    await page.goto('/en/matrix?country=nor');
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('NOR');
    await expect(page.getByRole('rowheader', { name: /Norway/ })).toBeVisible();
    const themeValue = await page
      .goto('/en/commitments')
      .then(async () => page.getByLabel('Theme').locator('option').nth(1).getAttribute('value'));
    await page.goto(`/en/commitments?theme=${themeValue!.toUpperCase()}`);
    await expect(page.getByLabel('Theme')).toHaveValue(themeValue!);
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
