import { readFile } from 'node:fs/promises';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { chart, chartTableRows, picture } from './support/charts';

// The dashboard views over the Nordic evidence that tests/e2e/support/dashboard-data.ts writes before the server
// starts (no other browser test touches those states): filtered to them, every figure is exact.

const TEXT = {
  en: {
    title: 'Overview',
    country: 'Country',
    group: 'UN regional group',
    apply: 'Apply',
    showTable: 'Show as table',
    noEvidence: 'No verified evidence yet for this selection.',
    weog: 'Western European and other States',
    fully: 'Fully implemented',
    norway: 'Norway',
  },
  zh: {
    title: '概览',
    country: '国家',
    group: '联合国区域组',
    apply: '应用',
    showTable: '以表格显示',
    noEvidence: '此筛选范围内尚无已核实的证据。',
    weog: '西欧和其他国家组',
    fully: '已全面执行',
    norway: '挪威',
  },
} as const;

for (const locale of ['en', 'zh'] as const) {
  const t = TEXT[locale];
  test.describe(`in ${locale}`, () => {
    test('the overview draws its charts with data, and the filters change the charts and the URL', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
      for (const id of ['status-over-time', 'status-by-theme', 'status-by-group']) {
        await expect(await picture(chart(page, id))).toBeVisible();
      }
      await expect(page.locator('[data-widget="recent"] li').first()).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel(t.group, { exact: true }).selectOption('WESTERN_EUROPEAN_OTHERS');
      await page.getByRole('button', { name: t.apply, exact: true }).click();
      await expect(page).toHaveURL(/[?&]group=WESTERN_EUROPEAN_OTHERS/);
      await expect(page.locator('[data-stat="states"] .stat__value')).toHaveText('4');
      // The table alternative holds exactly the bars' data: 928 pairs (29 states × 32 commitments), 2 fully implemented (Norway's financing,
      // Denmark's conventions), 1 partially, 1 not started, 1 not applicable; Iceland's returned record not at all.
      const rows = await chartTableRows(chart(page, 'status-by-group'), t.showTable);
      expect(rows).toEqual([[t.weog, '2', '1', '0', '1', '1', '923', '928']]);
      await expect(await picture(chart(page, 'status-by-group'))).toBeVisible();
    });

    test('a range with no evidence shows each chart’s empty state', async ({ page }) => {
      await page.goto(`/${locale}?to=1999-12`);
      for (const id of ['status-over-time', 'status-by-theme', 'status-by-group']) {
        await expect(chart(page, id)).toContainText(t.noEvidence);
        await expect(chart(page, id).locator('svg')).toHaveCount(0);
      }
      await expectNoAxeViolations(page);
    });

    test('the map colours every member state, and its table lists them', async ({ page }) => {
      await page.goto(`/${locale}/map?commitment=P08-financing`);
      const map = chart(page, 'world-map');
      await expect(map.locator('svg a')).toHaveCount(193);
      await expect(map.getByRole('link', { name: `${t.norway}: ${t.fully}` })).toBeVisible();
      const rows = await chartTableRows(map, t.showTable);
      expect(rows).toHaveLength(193);
      expect(rows).toContainEqual(['NOR', t.norway, t.fully]);
      await expectNoAxeViolations(page);
    });

    test('the country page charts the country’s themes, progress and instruments', async ({ page }) => {
      // axe takes a while over the country page's tables and forms.
      test.slow();
      await page.goto(`/${locale}/countries/NOR`);
      await expect(await picture(chart(page, 'country-themes'))).toBeVisible();
      await expect(await picture(chart(page, 'country-progress'))).toBeVisible();
      const months = await chartTableRows(chart(page, 'country-progress'), t.showTable);
      // From January 2005 to this month; the last month: 1 fully, 1 partially implemented, 30 without information.
      expect(months.at(-1)!.slice(1)).toEqual(['1', '1', '0', '0', '0', '30', '32']);
      await expect(chart(page, 'country-parties')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test('the chart exports download the table as CSV, and the picture as SVG and PNG', async ({ page }) => {
  await page.goto('/en?country=NOR');
  const frame = chart(page, 'status-by-group');
  await expect(await picture(frame)).toBeVisible();

  const [csv] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /CSV/ }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^status-by-group-\d{4}-\d{2}\.csv$/);
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.replace('\uFEFF', '').trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    'UN regional group,Fully implemented,Partially implemented,In progress,Not started,Not applicable,No information,Pairs',
  );
  expect(lines.slice(1)).toEqual(['Western European and other States,1,1,0,0,0,30,32']);

  const [svg] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /SVG/ }).click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  expect(await readFile((await svg.path())!, 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*<\/svg>\s*$/);

  const [png] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /PNG/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile((await png.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('views with no evidence in range say so: the map and the country page', async ({ page }) => {
  await page.goto('/en/map?commitment=P08-financing&to=1999-12');
  const map = chart(page, 'world-map');
  await expect(map.locator('svg a')).toHaveCount(193);
  await expect(map.getByRole('link', { name: 'Norway: No information' })).toBeVisible();

  await page.goto('/en/countries/NOR?to=1999-12');
  for (const id of ['country-themes', 'country-progress']) {
    await expect(chart(page, id)).toContainText(TEXT.en.noEvidence);
  }
});

test('the map exports a picture that stands alone', async ({ page }) => {
  await page.goto('/en/map?commitment=P08-financing');
  const frame = chart(page, 'world-map');
  const [svg] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /SVG/ }).click()]);
  const text = await readFile((await svg.path())!, 'utf8');
  // The outlines come from the cached sprite on screen; the file carries them itself.
  expect(text).not.toContain('world-map.svg');
  expect(text.match(/<path/g)?.length ?? 0).toBeGreaterThan(150);
});

test('the matrix sorts by progress, goes back in time and drills down to the country', async ({ page }) => {
  await page.goto('/en/matrix?group=WESTERN_EUROPEAN_OTHERS&sort=progress');
  const rows = page.locator('table.matrix tbody tr');
  await expect(rows).toHaveCount(29);
  await expect(rows.nth(0).locator('th')).toHaveText('Norway');
  await expect(rows.nth(1).locator('th')).toHaveText('Denmark');
  await expect(rows.nth(2).locator('th')).toHaveText('Sweden');

  await page.getByLabel('As of (month)').fill('2013-01');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(/to=2013-01/);
  await expect(page).toHaveURL(/sort=progress|group=WESTERN_EUROPEAN_OTHERS/);
  // At the end of January 2013 Norway's financing was in progress and Denmark had nothing verified yet.
  const norway = page.locator('table.matrix tbody tr', { has: page.locator('th', { hasText: 'Norway' }) });
  const financing = page.locator('table.matrix thead th').filter({ hasText: 'P8' });
  const column = await financing.evaluate((cell) => (cell as HTMLTableCellElement).cellIndex);
  await expect(norway.locator('td').nth(column - 1)).toHaveClass(/st-prog/);

  // A cell is not a link of its own (the page would weigh 1.5 MB): a click opens the country's row for it.
  await norway
    .locator('td')
    .nth(column - 1)
    .click();
  await expect(page).toHaveURL(/\/en\/countries\/NOR#c-P08-financing$/);
});

test('the matrix page sends each cell once, without a link per cell, 50 states a page', async ({ page }) => {
  const response = await page.request.get('/en/matrix');
  const html = await response.text();
  // 50 states × 32 commitments: one character per cell in the React payload, one small cell in the HTML.
  expect(html.length).toBeLessThan(300_000);
  expect(html).not.toContain('#c-P08-financing');
  await page.goto('/en/matrix');
  await expect(page.locator('table.matrix tbody td')).toHaveCount(50 * 32);
  await expect(page.locator('table.matrix tbody td a')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages of member states' })).toContainText(
    'Member states 1–50 of 193',
  );
});

test('the matrix pages: page 2 shows the next states, keeps the sort, and links back', async ({ page }) => {
  await page.goto('/en/matrix?sort=name');
  const names = page.locator('table.matrix tbody th');
  const first = await names.allInnerTexts();
  const pager = page.getByRole('navigation', { name: 'Pages of member states' });
  await pager.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pager).toContainText('Member states 51–100 of 193');
  await expect(pager.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  const second = await names.allInnerTexts();
  expect(second).toHaveLength(50);
  expect(second.filter((name) => first.includes(name))).toEqual([]);
  // The last page holds the rest; a page past the end shows it too.
  await page.goto('/en/matrix?group=WESTERN_EUROPEAN_OTHERS&sort=progress&page=4');
  await expect(names).toHaveCount(29);
  await expect(page.getByRole('navigation', { name: 'Pages of member states' })).toHaveCount(0);
  await page.goto('/en/matrix?sort=progress&page=4');
  await expect(names).toHaveCount(43);
  await pager.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/sort=progress/);
  await expect(page).toHaveURL(/[?&]page=3/);
  await expect(pager.getByRole('link', { name: 'Page 1' })).toHaveAttribute('href', '/en/matrix?sort=progress');
  await expectNoAxeViolations(page);
});

test('the commitment page lists the states 50 a page, sorted, and the sort starts again on page 1', async ({
  page,
}) => {
  await page.goto('/en/commitments/P12-conventions?sort=name&dir=desc&page=2#across-states');
  const rows = page.locator('table.across-states tbody tr');
  await expect(rows).toHaveCount(50);
  const pager = page
    .locator('#across-states')
    .locator('..')
    .getByRole('navigation', { name: 'Pages of member states' });
  await expect(pager).toContainText('Member states 51–100 of 193');
  await expect(pager.getByRole('link', { name: 'Page 1' })).toHaveAttribute(
    'href',
    '/en/commitments/P12-conventions?sort=name&dir=desc#across-states',
  );
  await expect(page.locator('table.across-states thead a').first()).not.toHaveAttribute('href', /page=/);
});

test('the commitment page charts the distribution over time, the map and ratifications', async ({ page }) => {
  await page.goto('/en/commitments/P12-conventions');
  await expect(await picture(page.locator('[data-chart="commitment-over-time"]'))).toBeVisible();
  // The map paints the states without a link each: the table across states below lists and links them.
  await expect(page.locator('[data-chart="commitment-map"] svg a')).toHaveCount(0);
  await expect(page.locator('[data-chart="commitment-map"] svg [data-code]')).toHaveCount(193);
  await expect(page.locator('[data-chart="commitment-parties"]')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the charts’ code loads as a chart nears the viewport, not with the page', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto('/en');
  await page.waitForLoadState('networkidle');
  // Above the fold: the filters and the headline figures; the charts wait as placeholders of their size.
  await expect(page.locator('svg.recharts-surface')).toHaveCount(0);
  await expect(page.locator('[data-chart="evidence-coverage"] [data-chart-pending]')).toHaveCount(1);
  const before = scripts.length;
  const frame = chart(page, 'status-by-group');
  await frame.scrollIntoViewIfNeeded();
  await expect(frame.locator('svg.recharts-surface')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(before);
  await expectNoAxeViolations(page);
});
