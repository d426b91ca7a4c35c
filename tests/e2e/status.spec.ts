import { expect, expectNoAxeViolations, test } from './fixtures';
import { storageStatePath } from './support/users';

// The status screens: the country page (status by theme, ratification table with history and edit forms,
// evidence timeline), the commitment page's status across member states, and the countries × commitments matrix.
// The default account of this project is the viewer.

for (const locale of ['en', 'zh'] as const) {
  test.describe(`in ${locale}`, () => {
    test('the country page shows the header, 32 commitments by theme, 19 instruments and the timeline', async ({
      page,
    }) => {
      await page.goto(`/${locale}/countries/KEN`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Kenya' : '肯尼亚');
      await expect(page.getByText(locale === 'en' ? '肯尼亚' : 'Kenya', { exact: true })).toBeVisible();
      await expect(page.getByText(locale === 'en' ? 'African States' : '非洲国家组', { exact: true })).toBeVisible();
      await expect(page.locator('table.scorecard tbody tr:not(.scorecard__theme)')).toHaveCount(32);
      await expect(page.locator('table.ratification-table tbody tr')).toHaveCount(19);
      await expect(page.locator('.ratification-summary')).toContainText(
        locale === 'en'
          ? /Party to \d+ of 19 instruments; \d+ of the 18 instruments adopted by May 4, 2012/
          : /19 项文书中的 \d+ 项/,
      );
      await expect(page.locator('tr#instrument-montreal-protocol-2014 .tag')).toBeVisible();
      await expect(
        page.getByRole('heading', { level: 2, name: locale === 'en' ? 'Evidence timeline' : '证据时间线' }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the matrix shows 50 of 193 states a page and filters by regional group and theme through the URL', async ({
      page,
    }) => {
      // axe takes a while over the matrix's 1,600 cells.
      test.slow();
      await page.goto(`/${locale}/matrix`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        locale === 'en' ? 'Status matrix' : '执行状况矩阵',
      );
      await expect(page.locator('table.matrix tbody tr')).toHaveCount(50);
      await expect(page.locator('table.matrix thead th')).toHaveCount(1 + 32);
      // Every cell says its status in words.
      await expect(page.locator('table.matrix tbody tr').first().locator('td').first()).not.toBeEmpty();
      await expectNoAxeViolations(page);

      await page.getByLabel(locale === 'en' ? 'Regional group' : '区域组').selectOption('EASTERN_EUROPEAN');
      await page.getByRole('button', { name: locale === 'en' ? 'Apply' : '应用', exact: true }).click();
      await expect(page).toHaveURL(/[?&]group=EASTERN_EUROPEAN/);
      await expect(page.locator('table.matrix tbody tr')).toHaveCount(23);

      await page.getByLabel(locale === 'en' ? 'Theme' : '主题').selectOption('terrorist-financing');
      await page.getByRole('button', { name: locale === 'en' ? 'Apply' : '应用', exact: true }).click();
      await expect(page).toHaveURL(/theme=terrorist-financing/);
      await expect(page).toHaveURL(/group=EASTERN_EUROPEAN/);
      await expect(page.locator('table.matrix tbody tr')).toHaveCount(23);
      await expect(page.locator('table.matrix thead th')).toHaveCount(2);
      await expect(page.locator('table.matrix thead abbr')).toHaveText('P8');
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: locale === 'en' ? 'Clear filters' : '清除筛选' }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/matrix$`));
      await expect(page.locator('table.matrix tbody tr')).toHaveCount(50);
    });
  });
}

test('an unknown country is a 404', async ({ page, consoleErrors }) => {
  const response = await page.goto('/en/countries/XXX');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  consoleErrors.length = 0; // the browser logs the 404 response itself
});

test('the countries list links each state to its page', async ({ page }) => {
  await page.goto('/en/countries?q=KEN');
  await page.getByRole('link', { name: 'Kenya' }).click();
  await expect(page).toHaveURL(/\/en\/countries\/KEN$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kenya');
});

test('the commitment page shows the status across member states, 50 a page, sortable, with instruments joined', async ({
  page,
}) => {
  await page.goto('/en/commitments/P12-conventions?sort=name&dir=desc');
  const table = page.locator('table.across-states');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Zimbabwe');
  await expect(table.locator('thead th[aria-sort="descending"]')).toContainText('Member state');
  await expect(table.locator('thead th').last()).toHaveText('Instruments joined');
  await expect(table.locator('tbody tr').first().locator('td').last()).toHaveText(/^\d+ of 19; \d+ of 18$/);
  await expectNoAxeViolations(page);

  await table.getByRole('link', { name: /^Status/ }).click();
  await expect(page).toHaveURL(/sort=status&dir=asc/);
  await expect(table.locator('thead th[aria-sort="ascending"]')).toContainText('Status');
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence timeline' })).toBeVisible();
});

test('a viewer sees no ratification edit controls', async ({ page }) => {
  await page.goto('/en/countries/KEN');
  await expect(page.locator('table.ratification-table tbody tr')).toHaveCount(19);
  await expect(page.locator('details.ratification-edit')).toHaveCount(0);
  await expect(page.getByRole('form', { name: /^Edit the status/ })).toHaveCount(0);
});

test.describe('as an editor', () => {
  test.use({ storageState: storageStatePath('editor') });

  test('records a ratification for Kenya, sees it in the table and in its history', async ({ page }) => {
    await page.goto('/en/countries/KEN');
    const row = page.locator('tr#instrument-financing-1999');
    await row.locator('summary').click();
    const form = row.getByRole('form', { name: 'Edit the status of 1999 Terrorist Financing Convention' });
    await form.getByLabel('Status', { exact: true }).selectOption('RATIFICATION');

    // A party needs its date of consent: the field says so, and the form keeps what was chosen.
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(
      form.getByText('Give the date of ratification, accession, acceptance, approval or succession.'),
    ).toBeVisible();
    await expect(form.getByLabel('Status', { exact: true })).toHaveValue('RATIFICATION');

    await form.getByLabel(/^Date of ratification/).fill('2003-06-27');
    await form.getByLabel('Note', { exact: true }).fill('Recorded by the browser tests.');
    await form
      .getByLabel('Source (web address)')
      .fill('https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-11&chapter=18');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('The ratification status was saved.')).toBeVisible();

    await expect(row.locator('td').first()).toHaveText('Ratification');
    await expect(row).toContainText('Jun 27, 2003');
    await expect(row).toContainText('Recorded by the browser tests.');
    await expect(page.locator('.ratification-summary')).toContainText(/Party to [1-9]\d* of 19 instruments/);

    await row.getByRole('link', { name: /^History.*1999 Terrorist Financing Convention$/ }).click();
    await expect(page).toHaveURL(/history=financing-1999/);
    const history = page.locator('#history');
    await expect(history.getByRole('heading', { name: 'History: 1999 Terrorist Financing Convention' })).toBeVisible();
    const newest = history.locator('tbody tr').first();
    await expect(newest).toContainText('Ratification');
    await expect(newest).toContainText('Jun 27, 2003');
    await expect(newest).toContainText('Recorded by the browser tests.');
    await expect(newest).toContainText('E2E editor');
    await expectNoAxeViolations(page);
  });
});
