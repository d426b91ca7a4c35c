import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, type NewContext } from './fixtures';
import { storageStatePath, type E2ERole } from './support/users';

/**
 * "See what happened", in both languages: confirmations that survive the redraw, the return comment on the edit
 * page, the verification's effect before verifying, every changed field in the history (a source's reference
 * included), the review queue's "not yours" marks, and no raw code in any page's visible text. The console check
 * of ./fixtures.ts watches every page, so the hydration error of a form inside a paragraph fails these tests.
 */
async function as(newContext: NewContext, role: E2ERole): Promise<Page> {
  const context = await newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

/** Codes of the enums a reader may meet in stored data; none may show in a page's visible text. */
const RAW_CODE =
  /\b(DRAFT|SUBMITTED|VERIFIED|RETURNED|INTERNAL|PUBLIC|NO_INFORMATION|NOT_STARTED|IN_PROGRESS|PARTIALLY_IMPLEMENTED|FULLY_IMPLEMENTED|NOT_APPLICABLE|NATIONAL_LEGISLATION|GOVERNMENT_REPORT|UN_CTED|FATF_REGIONAL_BODY|NOT_PARTY|RATIFICATION|ACCESSION|ADMIN|REVIEWER|EDITOR|VIEWER)\b/g;

async function expectNoRawCodes(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text.match(RAW_CODE) ?? [], `raw codes on ${page.url()}`).toEqual([]);
}

const TEXT = {
  en: {
    actor: 'Country or UN entity',
    commitment: 'Commitment',
    observedOn: 'Observed on',
    status: 'Implementation status',
    summary: 'Summary (English)',
    title: 'Title',
    reference: 'Document symbol or reference',
    saveDraft: 'Save draft',
    submit: 'Submit for review',
    edit: 'Edit',
    comment: 'Comment for the author',
    return: 'Return to the author',
    verify: 'Verify',
    submitted: 'Submitted for review.',
    returned: 'Returned to the author with your comment.',
    verified: 'Verified: it now counts toward the status.',
    effect: /× P08-financing from No information to In progress\./,
    history: ['Status', 'In progress', 'Partially implemented', 'Source 1', 'Gazette No. 6'],
    notYours: 'Not yours to review',
    wroteIt: 'You wrote its latest revision, so another reviewer must review it.',
    commentText: 'Cite the gazette number.',
  },
  zh: {
    actor: '国家或联合国实体',
    commitment: '承诺',
    observedOn: '观察日期',
    status: '执行状况',
    summary: '摘要（中文）',
    title: '标题',
    reference: '文件文号或出处',
    saveDraft: '保存草稿',
    submit: '提交审核',
    edit: '编辑',
    comment: '给作者的意见',
    return: '退回作者',
    verify: '核实',
    submitted: '已提交审核。',
    returned: '已连同您的意见退回作者。',
    verified: '已核实：现计入执行状况。',
    effect: /× P08-financing的状况从“无信息”改为“正在执行”。/,
    history: ['状况', '正在执行', '已部分执行', '来源 1', 'Gazette No. 6'],
    notYours: '您不能审核',
    wroteIt: '最新版本由您撰写，须由其他审核员审核。',
    commentText: '请注明公报编号。',
  },
} as const;

for (const [locale, country, reviewersOwn] of [
  ['en', 'TZA', 'RWA'],
  ['zh', 'ZMB', 'MWI'],
] as const) {
  test(`in ${locale}: every step says what happened, and the history tells every change in words`, async ({
    newContext,
  }) => {
    test.slow(); // three people, a dozen pages and seven form posts
    const text = TEXT[locale];
    const editor = await as(newContext, 'editor');
    await editor.goto(`/${locale}/evidence/new`);
    await editor.getByLabel(text.actor).fill(country);
    await editor.getByLabel(text.commitment).fill('P08-financing');
    await editor.getByLabel(text.observedOn).fill('2024-02-15');
    await editor.getByLabel(text.status).selectOption('IN_PROGRESS');
    await editor.getByLabel(text.summary).fill('Terrorist financing act published in the gazette.');
    await editor.getByLabel(text.title, { exact: true }).first().fill('Terrorist Financing Act');
    await editor.getByLabel(text.reference).first().fill('Gazette No. 5');
    await editor.getByRole('button', { name: text.saveDraft }).click();
    await expect(editor).toHaveURL(new RegExp(`/${locale}/evidence/\\d+$`));
    const recordUrl = editor.url();
    // The reference stays visible beside the source's title.
    await expect(
      editor.getByRole('listitem').filter({ hasText: 'Terrorist Financing Act · Gazette No. 5' }),
    ).toBeVisible();

    // The submit button's form is gone once submitted; the page says it was submitted.
    await editor.getByRole('button', { name: text.submit }).click();
    await expect(editor).toHaveURL(`${recordUrl}?done=evidenceSubmitted`);
    await expect(editor.getByRole('status').filter({ hasText: text.submitted })).toBeVisible();
    await expect(editor.getByRole('button', { name: text.submit })).toHaveCount(0);
    await expectNoRawCodes(editor);

    // The reviewer reads the effect first, then returns the record; the confirmation outlives the review form.
    const reviewer = await as(newContext, 'reviewer');
    await reviewer.goto(recordUrl);
    await expect(reviewer.locator('#verify-effect')).toContainText(text.effect);
    await reviewer.getByLabel(text.comment).fill(text.commentText);
    await reviewer.getByRole('button', { name: text.return }).click();
    await expect(reviewer.getByRole('status').filter({ hasText: text.returned })).toBeVisible();
    await expect(reviewer.getByRole('button', { name: text.verify })).toHaveCount(0);

    // The comment stays in sight on the edit page, also after a draft is saved.
    await editor.goto(`${recordUrl}/edit`);
    await expect(editor.locator('#return-comment')).toContainText(text.commentText);
    await editor.getByLabel(text.status).selectOption('PARTIALLY_IMPLEMENTED');
    await editor.getByLabel(text.reference).first().fill('Gazette No. 6');
    await editor.getByRole('button', { name: text.saveDraft }).click();
    await expect(editor).toHaveURL(recordUrl);
    await expect(editor.getByText(text.commentText).first()).toBeVisible();
    await editor.goto(`${recordUrl}/edit`);
    await expect(editor.locator('#return-comment')).toContainText(text.commentText);
    await expectNoRawCodes(editor);

    // The history tells the status and the source's reference, in words.
    await editor.goto(recordUrl);
    const latestChanges = editor.locator('#history ~ div tbody tr').first().locator('.changes');
    for (const part of text.history) await expect(latestChanges).toContainText(part);
    await expectNoRawCodes(editor);
    await expectNoAxeViolations(editor);

    await editor.getByRole('button', { name: text.submit }).click();
    await expect(editor.getByRole('status').filter({ hasText: text.submitted })).toBeVisible();
    await reviewer.goto(recordUrl);
    await reviewer.getByRole('button', { name: text.verify }).click();
    await expect(reviewer).toHaveURL(`${recordUrl}?done=evidenceVerified`);
    await expect(reviewer.getByRole('status').filter({ hasText: text.verified })).toBeVisible();
    await expectNoRawCodes(reviewer);

    // A record the reviewer made waits for someone else: the queue marks it and says why.
    await reviewer.goto(`/${locale}/evidence/new`);
    await reviewer.getByLabel(text.actor).fill(reviewersOwn);
    await reviewer.getByLabel(text.commitment).fill('P08-financing');
    await reviewer.getByLabel(text.observedOn).fill('2024-03-01');
    await reviewer.getByLabel(text.status).selectOption('NOT_STARTED');
    await reviewer.getByLabel(text.summary).fill('No law yet.');
    await reviewer.getByLabel(text.reference).first().fill('Report 7');
    // Saved as submitted straight from the new-evidence form: the same confirmation as submitting a draft.
    await reviewer.getByRole('button', { name: text.submit }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/${locale}/evidence/\\d+\\?done=evidenceSubmitted$`));
    await expect(reviewer.getByRole('status').filter({ hasText: text.submitted })).toBeVisible();
    await reviewer.goto(`/${locale}/review?country=${reviewersOwn}`);
    const row = reviewer.locator('tbody tr').first();
    await expect(row.getByText(text.notYours)).toBeVisible();
    await expect(row).toContainText(text.wroteIt);
    await expectNoRawCodes(reviewer);
    await expectNoAxeViolations(reviewer);

    await Promise.all([editor.context().close(), reviewer.context().close()]);
  });

  test(`in ${locale}: no page shows a raw code`, async ({ newContext }) => {
    const admin = await as(newContext, 'admin');
    for (const path of [
      '',
      '/matrix',
      `/countries/KEN`,
      '/commitments/P08-financing',
      '/evidence',
      '/evidence?mine=1',
      '/review',
      '/admin/audit',
      '/admin/users',
      '/instruments',
    ]) {
      await admin.goto(`/${locale}${path}`);
      await expectNoRawCodes(admin);
    }
    await admin.context().close();
  });
}
