import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type NewContext } from './fixtures';
import { storageStatePath, type E2ERole } from './support/users';

// Issue 12, "no raw code reaches a reader" and "every table has its CSV": the people's files of the matrix, the
// ratification table and the audit log (words in the reader's language, the code file beside them for import and
// integration), and the CSV links of the tables that had none: one's sessions and API tokens, a ratification's and
// a record's history, and the import preview. Each link is followed as a reader would, and the file's heading row
// read.

/** Codes a reader must never meet in a people's file. */
const CODE =
  /\b(NO_INFORMATION|NOT_STARTED|IN_PROGRESS|FULLY_IMPLEMENTED|AFRICAN|ASIA_PACIFIC|NOT_PARTY|DRAFT|VIEWER)\b/;

async function asRole(newContext: NewContext, role: E2ERole) {
  const context = await newContext({ storageState: storageStatePath(role) });
  return { context, page: await context.newPage() };
}

/** Follows a download link; the file's rows (the heading row first) and its name. */
async function follow(page: Page, link: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = readFileSync((await file.path())!, 'utf8');
  return { name: file.suggestedFilename(), text, rows: parse(text, { bom: true }) as string[][] };
}

/** The "Download CSV" link placed before the table inside `scope`. */
const csvLink = (scope: Locator, name = 'Download CSV') =>
  scope.locator('.download-csv').getByRole('link', { name, exact: true });

test('the matrix and the ratification table download as words, with the code file beside them', async ({
  newContext,
}) => {
  const { context, page } = await asRole(newContext, 'viewer');
  await page.goto('/en/matrix?group=AFRICAN');
  const words = await follow(page, page.getByRole('link', { name: 'Matrix (CSV)', exact: true }));
  expect(words.rows[0]!.slice(0, 4)).toEqual(['Code', 'Name (English)', 'Name (Chinese)', 'Regional group']);
  expect(words.rows).toHaveLength(1 + 54);
  expect(words.rows[1]![3]).toBe('African States');
  expect(words.text).not.toMatch(CODE);
  const codes = await follow(
    page,
    page.getByRole('link', { name: 'Matrix with codes, for import and integration (CSV)', exact: true }),
  );
  expect(codes.rows[0]!.slice(0, 4)).toEqual(['country_code', 'name_en', 'name_zh', 'regional_group']);
  expect(codes.rows[1]![3]).toBe('AFRICAN');

  await page.goto('/zh/matrix');
  const zh = await follow(page, page.getByRole('link', { name: '矩阵（CSV）', exact: true }));
  expect(zh.rows[0]!.slice(0, 4)).toEqual(['代码', '英文名称', '中文名称', '区域组']);
  expect(zh.text).not.toMatch(CODE);

  await page.goto('/en/instruments');
  const ratification = await follow(
    page,
    page.getByRole('link', { name: 'Ratification table, all member states (CSV)', exact: true }),
  );
  expect(ratification.rows[0]!.slice(0, 4)).toEqual(['Code', 'Name (English)', 'Name (Chinese)', 'Regional group']);
  expect(ratification.rows[0]!.at(-1)).toBe('Instruments joined');
  expect(ratification.text).not.toMatch(CODE);
  await page.goto('/zh/instruments');
  const ratificationCodes = await follow(
    page,
    page.getByRole('link', { name: '批准情况表（代码版，供导入和系统集成使用，CSV）', exact: true }),
  );
  expect(ratificationCodes.rows[0]![0]).toBe('country_code');
  expect(ratificationCodes.rows[0]!.at(-1)).toBe('party_to');
  await context.close();
});

test('the audit log downloads as words in the admin’s language, and as codes for integration', async ({
  newContext,
}) => {
  const { context, page } = await asRole(newContext, 'admin');
  await page.goto('/en/admin/audit');
  const words = await follow(page, page.getByRole('link', { name: 'Export CSV', exact: true }));
  expect(words.name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(words.rows[0]).toEqual(['When (UTC)', 'User', 'Role', 'Action', 'Entity', 'Before', 'After']);
  expect(words.rows.slice(1).map((row) => row[2])).not.toContain('ADMIN');
  const codes = await follow(page, page.getByRole('link', { name: 'CSV with codes (for integration)', exact: true }));
  expect(codes.rows[0]!.slice(0, 4)).toEqual(['id', 'at_utc', 'user_email', 'user_role']);

  await page.goto('/zh/admin/audit');
  const zh = await follow(page, page.getByRole('link', { name: '导出 CSV', exact: true }));
  expect(zh.rows[0]).toEqual(['时间（UTC）', '用户', '角色', '操作', '对象', '更改前', '更改后']);
  await context.close();
});

test('one’s sessions and API tokens download from the security page, in English and Chinese', async ({
  newContext,
}) => {
  const { context, page } = await asRole(newContext, 'viewer');
  for (const [locale, sessions, tokens, heading] of [
    ['en', 'Where you are signed in', 'Your API tokens (CSV)', ['Device', 'Address', 'Signed in', 'Last seen']],
    ['zh', '您的登录会话', '您的 API 令牌（CSV）', ['设备', '地址', '登录时间', '最近活动']],
  ] as const) {
    await page.goto(`/${locale}/account/security`);
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: sessions }) });
    const file = await follow(page, csvLink(section, locale === 'en' ? 'Download CSV' : '下载 CSV'));
    expect(file.name).toMatch(/^sessions-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.rows[0]).toEqual(heading);
    // The page's rows: the sessions listed, this one among them.
    expect(file.rows.length - 1).toBe(await section.locator('tbody tr').count());
    const tokenFile = await follow(page, page.getByRole('link', { name: tokens, exact: true }));
    expect(tokenFile.rows[0]![0]).toBe(locale === 'en' ? 'Name' : '名称');
  }
  await context.close();
});

test('a ratification’s and a record’s history download as CSV from their pages', async ({ newContext, baseURL }) => {
  const { context, page } = await asRole(newContext, 'editor');
  const origin = { origin: baseURL! };
  // A status for Iceland and the hostages convention, recorded through the API as the editor (first or next).
  const current = await page.request.get('/api/v1/ratification/ISL/hostages-1979');
  const put = await page.request.put('/api/v1/ratification/ISL/hostages-1979', {
    headers: {
      ...origin,
      ...(current.ok() ? { 'if-match': current.headers().etag! } : { 'if-none-match': '*' }),
    },
    data: { status: 'NOT_PARTY', note: `csv links ${Date.now()}` },
  });
  expect(put.ok(), await put.text()).toBe(true);
  await page.goto('/en/countries/ISL?history=hostages-1979#history');
  const history = page.locator('#history');
  const file = await follow(page, csvLink(history));
  expect(file.name).toMatch(/^ratification-history-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.rows[0]).toEqual([
    'No.',
    'Recorded (UTC)',
    'By',
    'Status',
    'Signed',
    'Consent to be bound',
    'Note and source',
  ]);
  expect(file.rows[1]![3]).toBe('Not party');
  expect(file.rows.length - 1).toBe(await history.locator('tbody tr').count());

  const created = await page.request.post('/api/v1/evidence', {
    headers: origin,
    data: {
      actorCode: 'ISL',
      commitmentCode: 'P08-financing',
      observedOn: '2024-03-01',
      status: 'IN_PROGRESS',
      summaryEn: 'A bill for the CSV links test.',
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/bill' }],
      visibility: 'INTERNAL',
      intent: 'draft',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: number } }).data;
  for (const [locale, heading] of [
    ['en', ['Revision', 'State', 'Author', 'Review', 'Changes from the revision before']],
    ['zh', ['版本', '状态', '作者', '审核', '与上一版本相比的修改']],
  ] as const) {
    await page.goto(`/${locale}/evidence/${id}`);
    const record = await follow(page, csvLink(page.locator('main'), locale === 'en' ? 'Download CSV' : '下载 CSV'));
    expect(record.name).toMatch(/^evidence-history-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(record.rows[0]).toEqual(heading);
    expect(record.rows).toHaveLength(2);
    expect(record.text).not.toMatch(CODE);
  }
  await context.close();
});

const HEADER =
  'id,version,state,actor_code,commitment_code,observed_on,status,score,summary_zh,summary_en,visibility,tags,' +
  'source_1_type,source_1_url,source_1_reference,source_1_title,source_1_published_on';
const row = (summary: string, actor = 'ISL') =>
  `,,,${actor},P08-financing,2024-02-01,IN_PROGRESS,1,,"${summary}",INTERNAL,e2e,NATIONAL_LEGISLATION,https://example.org/x,,,`;

test('the import preview’s problem and duplicate rows download as CSV', async ({ newContext }) => {
  const { context, page } = await asRole(newContext, 'editor');
  const marker = `csv links preview ${Date.now()}`;
  await page.goto('/en/evidence/import');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'preview.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, row(marker), row(marker), row(marker, 'XXX')].join('\r\n')),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const preview = page.locator('section.import-preview');
  await expect(preview.getByRole('heading', { name: 'What the import would do' })).toBeVisible();
  const links = csvLink(preview);
  await expect(links).toHaveCount(2);
  const duplicates = await follow(page, links.nth(0));
  expect(duplicates.name).toMatch(/^import-duplicates-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(duplicates.rows).toEqual([
    ['Row', 'Same as'],
    ['3', 'row 2 of this file'],
  ]);
  const problems = await follow(page, links.nth(1));
  expect(problems.name).toMatch(/^import-problems-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(problems.rows[0]).toEqual(['Row', 'Column', 'Problem']);
  expect(problems.rows.slice(1)).toEqual([['4', 'actor_code', expect.stringMatching(/country/i)]]);
  await context.close();
});
