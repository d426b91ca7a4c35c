import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from '../../lib/csv';
import { expect, expectNoAxeViolations, test, type NewContext } from './fixtures';
import { storageStatePath, type E2ERole } from './support/users';

async function as(newContext: NewContext, role: E2ERole): Promise<Page> {
  const context = await newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

const HEADER =
  'id,version,state,actor_code,commitment_code,observed_on,status,score,summary_zh,summary_en,visibility,tags,' +
  'source_1_type,source_1_url,source_1_reference,source_1_title,source_1_published_on';

function row(summary: string, overrides: { actor?: string; date?: string } = {}) {
  return `,,,${overrides.actor ?? 'KEN'},P08-financing,${overrides.date ?? '2024-02-01'},IN_PROGRESS,1,,"${summary}, ""quoted""",INTERNAL,e2e,NATIONAL_LEGISLATION,https://example.org/${encodeURIComponent(summary)},,,`;
}

async function download(page: Page, link: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((record) => Object.fromEntries(header!.cells.map((column, i) => [column, record.cells[i]!])));
}

async function upload(page: Page, csv: string, name = 'evidence.csv') {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import would do' })).toBeVisible();
}

test('an editor imports evidence from a spreadsheet: bad rows are listed, then export → edit → import updates the same records', async ({
  newContext,
}) => {
  const marker = `e2e import ${Date.now()}`;
  const page = await as(newContext, 'editor');
  await page.goto('/en/evidence');
  await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import evidence from a spreadsheet' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A file with bad rows: each is listed with its row, column and reason, and nothing can be applied.
  await upload(
    page,
    [HEADER, row(`${marker} a`), row(`${marker} b`, { actor: 'XXX', date: '2999-01-01' })].join('\r\n'),
  );
  await expect(page.locator('[data-count="problems"]')).toHaveText('2');
  const problems = page.getByRole('table');
  await expect(problems.getByRole('row', { name: /3 actor_code Not a known country/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /3 observed_on The date is in the future/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  // A good file: preview, then apply as submitted for review. Imports never offer "verified": nobody verifies
  // their own record.
  const good = [HEADER, row(`${marker} a`), row(`${marker} b`, { actor: 'UGA' })].join('\r\n');
  await upload(page, good);
  await expect(page.locator('[data-count="creates"]')).toHaveText('2');
  await expect(page.locator('[data-count="duplicates"]')).toHaveText('0');
  await expect(page.locator('[data-count="problems"]')).toHaveText('0');
  await expect(page.getByLabel('New and changed records enter as').locator('option')).toHaveText([
    'drafts',
    'submitted for review',
  ]);
  await page.getByLabel('New and changed records enter as').selectOption('submit');
  await page.getByRole('button', { name: 'Import 2 records' }).click();
  await expect(page.getByText('Imported: 2 new, 0 updated, 0 unchanged, 0 duplicates skipped.')).toBeVisible();

  // The same file again: both rows are flagged with the record they repeat and skipped unless chosen otherwise.
  await page.goto('/en/evidence/import');
  await upload(page, good);
  await expect(page.locator('[data-count="creates"]')).toHaveText('0');
  await expect(page.locator('[data-count="duplicates"]')).toHaveText('2');
  const duplicates = page.getByRole('table').filter({ hasText: 'Same as' });
  await expect(duplicates.getByRole('row', { name: /^2 record #\d+$/ })).toBeVisible();
  await expect(duplicates.getByRole('row', { name: /^3 record #\d+$/ })).toBeVisible();
  await expect(page.getByLabel('Skip 2 duplicates (recommended)')).toBeChecked();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await page.getByLabel('Create them anyway').check();
  await expect(page.getByRole('button', { name: 'Import 2 records' })).toBeVisible();
  await page.getByLabel('Skip 2 duplicates (recommended)').check();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  // The export of the editor's evidence holds both, with their ids; one is edited and imported back.
  await page.goto('/en/evidence');
  const exported = await download(page, 'Evidence (CSV)');
  expect(exported.name).toMatch(/^evidence-\d{4}-\d{2}-\d{2}\.csv$/);
  const mine = records(exported.text).filter((record) => record.summary_en!.startsWith(marker));
  expect(mine.map((record) => [record.actor_code, record.state, record.version])).toEqual([
    ['KEN', 'SUBMITTED', '1'],
    ['UGA', 'SUBMITTED', '1'],
  ]);
  expect(mine[0]!.summary_en).toBe(`${marker} a, "quoted"`);

  const [header] = parseCsv(exported.text);
  const lines = [header!.cells.join(',')];
  // Submitted records wait for review and cannot change; the reviewer returns nothing here, so the editor
  // changes a draft of their own instead: import one more record as a draft, export again, edit it.
  await page.goto('/en/evidence/import');
  await upload(page, [HEADER, row(`${marker} c`, { actor: 'TZA' })].join('\r\n'));
  await page.getByRole('button', { name: 'Import 1 record' }).click();
  await expect(page.getByText('Imported: 1 new, 0 updated, 0 unchanged, 0 duplicates skipped.')).toBeVisible();
  await page.goto('/en/evidence');
  const again = records((await download(page, 'Evidence (CSV)')).text).filter((record) =>
    record.summary_en!.startsWith(marker),
  );
  const draft = again.find((record) => record.actor_code === 'TZA')!;
  expect(draft.state).toBe('DRAFT');
  const cells = (record: Record<string, string>) =>
    header!.cells.map((column) => `"${(record[column] ?? '').replaceAll('"', '""')}"`).join(',');
  lines.push(
    ...again.map((record) => cells(record === draft ? { ...record, status: 'PARTIALLY_IMPLEMENTED' } : record)),
  );
  await page.goto('/en/evidence/import');
  await upload(page, lines.join('\r\n'));
  await expect(page.locator('[data-count="updates"]')).toHaveText('1');
  await expect(page.locator('[data-count="unchanged"]')).toHaveText('2');
  await expect(page.locator('[data-count="creates"]')).toHaveText('0');
  await page.getByRole('button', { name: 'Import 1 record' }).click();
  await expect(page.getByText('Imported: 0 new, 1 updated, 2 unchanged, 0 duplicates skipped.')).toBeVisible();

  await page.goto(`/en/evidence/${draft.id}`);
  await expect(page.getByText('Partially implemented').first()).toBeVisible();
});

test('downloads carry the page filters and the Excel variant starts with a BOM', async ({
  newContext,
  consoleErrors,
}) => {
  const page = await as(newContext, 'viewer');
  await page.goto('/en/matrix?group=AFRICAN');
  // The code file (for import and integration) beside the people's file: codes in its headings and cells.
  const matrix = await download(page, 'Matrix with codes, for import and integration (CSV)');
  const rows = records(matrix.text);
  expect(rows.length).toBe(54);
  expect(rows.every((record) => record.regional_group === 'AFRICAN')).toBe(true);
  expect(matrix.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);

  const [excel] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSV for Excel' }).first().click(),
  ]);
  const bytes = readFileSync((await excel.path())!);
  expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);

  await page.goto('/en/instruments');
  const ratification = records((await download(page, 'Ratification table, all member states (CSV)')).text);
  expect(ratification).toHaveLength(193);

  // A viewer may download but not import. (What the anonymous get: public-view.exclusive.spec.ts.)
  const response = await page.goto('/en/evidence/import');
  expect(response?.status()).toBe(403);
  consoleErrors.length = 0; // the browser logs the 403 response itself
});
