import { expect, type Locator, type Page } from '@playwright/test';

/** A dashboard chart's frame, by its `data-chart` id (status-over-time, change-since, …). */
export const chart = (page: Page, id: string): Locator => page.locator(`[data-chart="${id}"]`);

/** A chart's recharts picture, its figure scrolled into view first: charts load as they near the viewport. */
export async function picture(frame: Locator): Promise<Locator> {
  await frame.scrollIntoViewIfNeeded();
  return frame.locator('svg.recharts-surface');
}

/**
 * The rows of a chart's table alternative, each as its cells' text (header cell first), opening "Show as table"
 * (`showTable`, the summary's text in the page's language) when it is closed.
 * The table is drawn by the client after the toggle (components/charts/ChartFooter.tsx), so the rows are read only
 * once the table is in the page: reading them right after the click raced the render and read none.
 */
export async function chartTableRows(frame: Locator, showTable: string): Promise<string[][]> {
  const details = frame.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await frame.getByText(showTable, { exact: true }).click();
  }
  await expect(frame.locator('details table')).toBeAttached();
  const result: string[][] = [];
  for (const row of await frame.locator('details table tbody tr').all()) {
    result.push((await row.locator('th, td').allInnerTexts()).map((s) => s.trim()));
  }
  return result;
}
