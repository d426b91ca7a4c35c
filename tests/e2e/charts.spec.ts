import type { Locator } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { chart, chartTableRows, picture } from './support/charts';

// Charts that show early work, over the evidence and ratifications of tests/e2e/support/dashboard-data.ts (Nordic
// states no other browser test touches): counts and coverage, change since a month, progress per regional group,
// a one-month range, the instruments chart and the map without a commitment. Screenshots go to test-results/.

const TEXT = {
  en: {
    since: 'Change since (month)',
    asOf: 'As of (month)',
    from: 'From (month)',
    commitment: 'Commitment',
    apply: 'Apply',
    showTable: 'Show as table',
    june2016: 'Jun 2016',
    weog: 'Western European and other States',
    fully: 'Fully implemented',
    partially: 'Partially implemented',
    inProgress: 'In progress',
    notStarted: 'Not started',
    notApplicable: 'Not applicable',
    coverage: '6.3%',
    withEvidenceLabel: 'State × commitment pairs with verified evidence (of 32 pairs (6.25%))',
    changeTitle: 'Change since Sep 2012',
    changeDescription:
      'From the start of Sep 2012 to the end of Jun 2016, 1 pair got first verified evidence and 1 pair changed status.',
    ignored: 'Change since (month): unknown value “2012-13” ignored.',
    adoptedBy: 'Of the 18 adopted by May 4, 2012',
    maxAll: 'All 19 instruments',
    maxExisting: '18 instruments adopted by May 4, 2012',
    mapChoose: 'Choose a commitment or a theme above to colour the map.',
    norwayInProgress: 'Norway: In progress',
  },
  zh: {
    since: '变化起点（月）',
    asOf: '截至（月）',
    from: '起始（月）',
    commitment: '承诺',
    apply: '应用',
    showTable: '以表格显示',
    june2016: '2016年6月',
    weog: '西欧和其他国家组',
    fully: '已全面执行',
    partially: '已部分执行',
    inProgress: '正在执行',
    notStarted: '尚未开始',
    notApplicable: '不适用',
    coverage: '6.3%',
    withEvidenceLabel: '有已核实证据的国家—承诺对 (共 32 对（6.25%）)',
    changeTitle: '自2012年9月以来的变化',
    changeDescription: '从2012年9月初到2016年6月底，1 个国家—承诺对首次获得已核实证据，1 个国家—承诺对的状态发生变化。',
    ignored: '变化起点（月）：未知的值“2012-13”，已忽略。',
    adoptedBy: '2012年5月4日 前通过的 18 项中',
    maxAll: '全部 19 项文书',
    maxExisting: '2012年5月4日 前通过的 18 项文书',
    mapChoose: '请在上方选择一项承诺或一个主题来为地图着色。',
    norwayInProgress: '挪威: 正在执行',
  },
} as const;

/** The narrowest bar drawn in a chart, in CSS pixels (0 when none is drawn). */
async function narrowestBar(frame: Locator): Promise<number> {
  await expect(await picture(frame)).toBeVisible();
  await expect(frame.locator('.recharts-bar-rectangle').first()).toBeAttached();
  const widths = await frame
    .locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')
    .evaluateAll((shapes) => shapes.map((shape) => shape.getBoundingClientRect().width));
  return widths.length ? Math.min(...widths) : 0;
}

for (const locale of ['en', 'zh'] as const) {
  const t = TEXT[locale];
  test.describe(`in ${locale}`, () => {
    test('the overview counts pairs with evidence, change since a month and progress per group', async ({ page }) => {
      // Norway's 32 pairs in June 2016: financing fully implemented (in progress until then), conventions
      // partially implemented since September 2012.
      await page.goto(`/${locale}?country=NOR&from=2016-06&to=2016-06`);
      await page.getByLabel(t.since, { exact: true }).fill('2012-09');
      await page.getByRole('button', { name: t.apply, exact: true }).click();
      await expect(page).toHaveURL(/[?&]since=2012-09/);
      await expect(page.getByLabel(t.since, { exact: true })).toHaveValue('2012-09');

      await expect(page.locator('[data-stat="with-evidence"] .stat__value')).toHaveText('2');
      await expect(page.locator('[data-stat="with-evidence"] .stat__label')).toHaveText(t.withEvidenceLabel);

      const coverage = chart(page, 'evidence-coverage');
      await expect(await picture(coverage)).toBeVisible();
      expect(await chartTableRows(coverage, t.showTable)).toEqual([
        [t.june2016, '1', '1', '0', '0', '0', '2', t.coverage, '32'],
      ]);
      // One month is one bar of visible width, in the count chart and in the share chart alike.
      expect(await narrowestBar(coverage)).toBeGreaterThan(10);
      const shares = chart(page, 'status-over-time');
      await expect(await picture(shares)).toBeVisible();
      expect(await narrowestBar(shares)).toBeGreaterThan(10);

      const change = chart(page, 'change-since');
      await expect(change.getByRole('heading')).toHaveText(t.changeTitle);
      await expect(change.locator('.chart-frame__desc')).toContainText(t.changeDescription);
      expect(await chartTableRows(change, t.showTable)).toEqual([
        [t.fully, '0', '1', '1'],
        [t.partially, '0', '1', '1'],
        [t.inProgress, '1', '0', '-1'],
        [t.notStarted, '0', '0', '0'],
        [t.notApplicable, '0', '0', '0'],
      ]);
      expect(await narrowestBar(change)).toBeGreaterThan(2);

      const groups = chart(page, 'group-progress');
      expect(await chartTableRows(groups, t.showTable)).toEqual([[t.weog, '1', '1', '2', t.coverage, '1', '32']]);
      expect(await narrowestBar(groups)).toBeGreaterThan(10);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/charts-overview-${locale}-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(await picture(coverage)).toBeVisible();
      await page.screenshot({ path: `test-results/charts-overview-${locale}-phone.png`, fullPage: true });
    });

    test('a malformed "since" month is dropped with a notice', async ({ page }) => {
      await page.goto(`/${locale}?country=NOR&since=2012-13`);
      await expect(page.getByTestId('ignored-filters')).toHaveText(t.ignored);
      await expect(page.getByLabel(t.since, { exact: true })).toHaveValue('');
    });

    test('the instruments chart steps in the year its table counts, says "adopted by" and is not cut', async ({
      page,
    }) => {
      await page.goto(`/${locale}/countries/ISL`);
      const parties = chart(page, 'country-parties');
      await expect(await picture(parties)).toBeVisible();
      const rows = await chartTableRows(parties, t.showTable);
      expect(rows[0]).toEqual(['1970', '1', '1']);
      expect(rows.find((row) => row[0] === '2010')).toEqual(['2010', '3', '3']);
      expect(rows.find((row) => row[0] === '2020')).toEqual(['2020', '4', '3']);
      await expect(parties.locator('table thead')).toContainText(t.adoptedBy);
      await expect(parties.locator('.chart-legend')).toContainText(t.adoptedBy);

      // The line rises to 3 at the start of 2010, the year the table counts the party in (not a year later).
      // Where 1 January 2010 lies on the time axis follows from two of its year ticks (a label is centred on
      // its tick).
      const rise = await parties.locator('svg.recharts-surface').evaluate((svg) => {
        const ticks = [...svg.querySelectorAll('text.recharts-cartesian-axis-tick-value')]
          .map((text) => ({
            year: Number(/^(\d{4})/.exec(text.textContent ?? '')?.[1]),
            x: Number(text.getAttribute('x')),
          }))
          .filter((tick) => tick.year > 1900);
        const [a, b] = [ticks[0]!, ticks.at(-1)!];
        const at = (year: number) => a.x + ((year - a.year) * (b.x - a.x)) / (b.year - a.year);
        const d = svg.querySelector('.recharts-line-curve')?.getAttribute('d') ?? '';
        const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
        const rises = points.slice(1).filter(([x, y], i) => x === points[i]![0] && y !== points[i]![1]);
        return { ticks: ticks.length, x2010: at(2010), x2011: at(2011), rises: rises.map(([x]) => x!) };
      });
      expect(rise.ticks).toBeGreaterThan(1);
      expect(rise.rises.some((x) => Math.abs(x - rise.x2010) < 2)).toBe(true);
      expect(rise.rises.some((x) => Math.abs(x - rise.x2011) < 2)).toBe(false);

      for (const [width, height, name] of [
        [1280, 800, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect(await picture(parties)).toBeVisible();
        // recharts 3 draws the reference lines' labels in a layer of their own, not inside the line's group.
        const labels = parties.locator('svg.recharts-surface text');
        await expect(labels.filter({ hasText: t.maxAll })).toHaveCount(1);
        await expect(labels.filter({ hasText: t.maxExisting })).toHaveCount(1);
        // Every label lies inside the chart's picture.
        const outside = await parties.locator('svg.recharts-surface').evaluate((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .map((text) => ({ text: text.textContent, rect: text.getBoundingClientRect() }))
            .filter(({ rect }) => rect.width > 0)
            .filter(
              ({ rect }) =>
                rect.left < box.left - 0.5 ||
                rect.right > box.right + 0.5 ||
                rect.top < box.top - 0.5 ||
                rect.bottom > box.bottom + 0.5,
            )
            .map(({ text }) => text);
        });
        expect(outside).toEqual([]);
        await parties.screenshot({ path: `test-results/charts-parties-${locale}-${name}.png` });
      }
    });

    test('the map asks for a commitment before drawing, and its month field sets the date', async ({ page }) => {
      await page.goto(`/${locale}/map`);
      await expect(page.getByText(t.mapChoose)).toBeVisible();
      await expect(chart(page, 'world-map')).toHaveCount(0);
      // One moment: an "as of" month, no range.
      await expect(page.getByLabel(t.from, { exact: true })).toHaveCount(0);

      await page.getByLabel(t.commitment, { exact: true }).selectOption('P08-financing');
      await page.getByLabel(t.asOf, { exact: true }).fill('2012-01');
      await page.getByRole('button', { name: t.apply, exact: true }).click();
      await expect(page).toHaveURL(/[?&]to=2012-01/);
      await expect(page.getByLabel(t.asOf, { exact: true })).toHaveValue('2012-01');
      const map = chart(page, 'world-map');
      await expect(map.locator('svg a')).toHaveCount(193);
      // Norway's financing was in progress from March 2010 to June 2016.
      await expect(map.getByRole('link', { name: t.norwayInProgress })).toBeVisible();
      await page.screenshot({ path: `test-results/charts-map-${locale}-desktop.png`, fullPage: true });
    });
  });
}
