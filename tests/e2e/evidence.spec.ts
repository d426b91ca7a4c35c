import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, type NewContext } from './fixtures';
import { storageStatePath, type E2ERole } from './support/users';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function as(newContext: NewContext, role: E2ERole): Promise<Page> {
  const context = await newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

const TEXT = {
  en: {
    actor: 'Country or UN entity',
    commitment: 'Commitment',
    observedOn: 'Observed on',
    status: 'Implementation status',
    summary: 'Summary (English)',
    url: 'Web address (http or https)',
    attach: 'Attach files',
    submit: 'Submit for review',
    submitted: 'Submitted',
    returned: 'Returned',
    verified: 'Verified',
    comment: 'Comment for the author',
    return: 'Return to the author',
    verify: 'Verify',
    edit: 'Edit',
    inProgress: 'In progress',
    partial: 'Partially implemented',
    returnedToYou: 'Returned to you',
  },
  zh: {
    actor: '国家或联合国实体',
    commitment: '承诺',
    observedOn: '观察日期',
    status: '执行状况',
    summary: '摘要（中文）',
    url: '网址（http 或 https）',
    attach: '附加文件',
    submit: '提交审核',
    submitted: '已提交',
    returned: '已退回',
    verified: '已核实',
    comment: '给作者的意见',
    return: '退回作者',
    verify: '核实',
    edit: '编辑',
    inProgress: '正在执行',
    partial: '已部分执行',
    returnedToYou: '退回给您的记录',
  },
} as const;

for (const [locale, country] of [
  ['en', 'KEN'],
  ['zh', 'UGA'],
] as const) {
  test(`in ${locale}: an editor records evidence, a reviewer returns it, the editor fixes it, the reviewer verifies it, and the status shows`, async ({
    newContext,
  }) => {
    test.slow(); // two people, a dozen pages and five form posts
    const text = TEXT[locale];
    const editor = await as(newContext, 'editor');
    await editor.goto(`/${locale}/evidence/new`);
    await editor.getByLabel(text.actor).fill(country);
    await editor.getByLabel(text.commitment).fill('P08-financing');
    await editor.getByLabel(text.observedOn).fill('2024-02-15');
    await editor.getByLabel(text.status).selectOption('IN_PROGRESS');
    await editor
      .getByLabel(text.summary)
      .fill(locale === 'en' ? 'A bill on terrorist financing was tabled.' : '已提交关于资助恐怖主义的法案。');
    await editor.getByLabel(text.url).first().fill('https://example.org/bill');
    await editor.getByLabel(text.attach).setInputFiles({ name: 'bill.pdf', mimeType: 'application/pdf', buffer: PDF });
    await editor.getByRole('button', { name: text.submit }).click();
    await expect(editor).toHaveURL(new RegExp(`/${locale}/evidence/\\d+\\?done=evidenceSubmitted$`));
    const recordUrl = editor.url().replace(/\?.*$/, '');
    await expect(editor.locator('.tag', { hasText: text.submitted })).toBeVisible();
    await expect(editor.getByRole('link', { name: 'bill.pdf' })).toBeVisible();
    await expectNoAxeViolations(editor);

    const reviewer = await as(newContext, 'reviewer');
    await reviewer.goto(`/${locale}/review?country=${country}`);
    await reviewer.locator(`a[href="${new URL(recordUrl).pathname}"]`).click();
    const download = await reviewer.request.get(
      await reviewer.getByRole('link', { name: 'bill.pdf' }).getAttribute('href').then(String),
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    await reviewer.getByLabel(text.comment).fill(locale === 'en' ? 'Cite the bill number.' : '请注明法案编号。');
    await reviewer.getByRole('button', { name: text.return }).click();
    await expect(reviewer.locator('.tag', { hasText: text.returned })).toBeVisible();

    await editor.goto(`/${locale}/evidence`);
    await expect(editor.getByText(text.returnedToYou)).toBeVisible();
    // Shown in the "returned to you" list and again in the evidence browser below it.
    await expect(
      editor.getByText(locale === 'en' ? 'Cite the bill number.' : '请注明法案编号。').first(),
    ).toBeVisible();
    await editor.goto(recordUrl);
    await editor.getByRole('link', { name: text.edit, exact: true }).click();
    await editor.getByLabel(text.status).selectOption('PARTIALLY_IMPLEMENTED');
    await editor.getByRole('button', { name: text.submit }).click();
    await expect(editor).toHaveURL(`${recordUrl}?done=evidenceSubmitted`);
    await expect(editor.locator('.tag', { hasText: text.submitted })).toBeVisible();

    await reviewer.goto(recordUrl);
    await reviewer.getByRole('button', { name: text.verify }).click();
    await expect(reviewer.locator('.tag', { hasText: text.verified })).toBeVisible();
    await expect(reviewer.locator('#history ~ div tbody tr')).toHaveCount(2);

    for (const path of [`/${locale}/countries/${country}`, `/${locale}/commitments/P08-financing`]) {
      await reviewer.goto(path);
      // As a status tag (the charts' legends draw only when a chart nears the viewport).
      await expect(reviewer.locator('.status-tag', { hasText: text.partial }).first()).toBeVisible();
    }
    await Promise.all([editor.context().close(), reviewer.context().close()]);
  });
}

test('an editor unpublishes a verified public record from its page, at once', async ({ newContext }) => {
  const editor = await as(newContext, 'editor');
  await editor.goto('/en/evidence/new');
  await editor.getByLabel('Country or UN entity').fill('SEN');
  await editor.getByLabel('Commitment').fill('P08-financing');
  await editor.getByLabel('Observed on').fill('2024-03-10');
  await editor.getByLabel('Implementation status').selectOption('IN_PROGRESS');
  await editor.getByLabel('Summary (English)').fill('Financial intelligence unit set up.');
  await editor.getByLabel('Web address (http or https)').first().fill('https://example.org/fiu');
  await editor.getByLabel('Visibility').selectOption('PUBLIC');
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor).toHaveURL(/\/en\/evidence\/\d+\?done=evidenceSubmitted$/);
  const recordUrl = editor.url().replace(/\?.*$/, '');

  const reviewer = await as(newContext, 'reviewer');
  await reviewer.goto(recordUrl);
  await reviewer.getByRole('button', { name: 'Verify' }).click();
  await expect(reviewer.locator('.tag', { hasText: 'Verified' })).toBeVisible();

  await editor.goto(recordUrl);
  await editor.getByRole('button', { name: 'Unpublish' }).click();
  // The page is drawn again at once without the form; the confirmation is the page's, so it stays.
  await expect(editor.getByRole('button', { name: 'Unpublish' })).toHaveCount(0);
  await expect(
    editor
      .getByRole('status')
      .filter({ hasText: 'Unpublished: the record is internal and no longer shown to the public.' }),
  ).toBeVisible();
  await expectNoAxeViolations(editor);
  await editor.reload();
  await expect(editor.getByText('Internal (team only)')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Unpublish' })).toHaveCount(0);
  await Promise.all([editor.context().close(), reviewer.context().close()]);
});

test('bad input gets its own message beside each field, and nothing is stored', async ({ newContext }) => {
  const editor = await as(newContext, 'editor');
  await editor.goto('/en/evidence/new');
  await editor.getByLabel('Country or UN entity').fill('XYZ');
  await editor.getByLabel('Commitment').fill('P08-financing');
  await editor.getByLabel('Observed on').fill('2099-01-01');
  await editor.getByLabel('Web address (http or https)').first().fill('javascript:alert(1)');
  await editor
    .getByLabel('Attach files')
    .setInputFiles({ name: 'page.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
  // Submitting checks every field (a draft would need only the country and the commitment).
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByText('Some fields need fixing; see the messages beside them.')).toBeVisible();
  await expect(editor.getByText('The date is in the future; evidence can only be observed up to today.')).toBeVisible();
  await expect(editor.getByText('Choose an implementation status.')).toBeVisible();
  await expect(editor.getByText('Use a web address that starts with http:// or https://.')).toBeVisible();
  await expect(editor.getByText('Write a summary in English or Chinese.')).toBeVisible();
  await expect(editor.getByLabel('Country or UN entity')).toHaveValue('XYZ');
  await expect(editor.getByLabel('Observed on')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveURL(/\/en\/evidence\/new$/);

  // With the form itself in order, the country and commitment are looked up.
  await editor.getByLabel('Observed on').fill('2024-01-01');
  await editor.getByLabel('Implementation status').selectOption('NOT_STARTED');
  await editor.getByLabel('Summary (English)').fill('Checking the lookups and the file type.');
  await editor.getByLabel('Web address (http or https)').first().fill('https://example.org');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByText('Not a known country or UN entity: pick one from the list.')).toBeVisible();

  await editor.getByLabel('Country or UN entity').fill('KEN');
  // The file chosen at first is still chosen after the failed saves; now the server checks its bytes.
  await expect(editor.getByRole('button', { name: 'Remove page.pdf' })).toBeVisible();
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByText(/“page\.pdf” was refused: This type of file cannot be attached/)).toBeVisible();
  await expect(editor).toHaveURL(/\/en\/evidence\/new$/);
  await editor.context().close();
});

test('of two people editing the same record, the second is told who changed it and nothing is overwritten', async ({
  newContext,
}) => {
  const first = await as(newContext, 'editor');
  await first.goto('/en/evidence/new');
  await first.getByLabel('Country or UN entity').fill('GHA');
  await first.getByLabel('Commitment').fill('P15-human-rights');
  await first.getByLabel('Observed on').fill('2023-09-09');
  await first.getByLabel('Implementation status').selectOption('IN_PROGRESS');
  await first.getByLabel('Summary (English)').fill('Original text.');
  await first.getByLabel('Web address (http or https)').first().fill('https://example.org/report');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first).toHaveURL(/\/en\/evidence\/\d+$/);
  const editUrl = `${first.url()}/edit`;

  const second = await as(newContext, 'reviewer');
  await Promise.all([first.goto(editUrl), second.goto(editUrl)]);
  await first.getByLabel('Summary (English)').fill('First edit wins.');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first).not.toHaveURL(/edit$/);
  await second.getByLabel('Summary (English)').fill('Second edit, made on a stale copy.');
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    second.getByRole('alert').filter({ hasText: /editor@e2e\.test saved this record meanwhile/ }),
  ).toBeVisible();
  await first.reload();
  await expect(first.getByRole('paragraph').filter({ hasText: 'First edit wins.' })).toBeVisible();
  await Promise.all([first.context().close(), second.context().close()]);
});

test('a viewer may read evidence but not record it; nobody reaches an attachment without signing in', async ({
  newContext,
  playwright,
  baseURL,
  consoleErrors,
}) => {
  const viewer = await as(newContext, 'viewer');
  const response = await viewer.goto('/en/evidence/new');
  expect(response?.status()).toBe(403);
  await expect(viewer.getByRole('link', { name: 'My evidence' })).toHaveCount(0);
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response2 = await anonymous.get('/api/attachments/1');
  expect(response2.status(), await response2.text()).toBe(401);
  await anonymous.dispose();
  await viewer.context().close();
  // The browser logs the refused page's own 403 (possibly after the page has loaded); any other error still fails.
  const ownStatus = (error: string) => error.includes('/en/evidence/new: Failed to load resource');
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((error) => !ownStatus(error)));
});
