import type { Dialog, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { E2E_USERS, storageStatePath } from './support/users';

/**
 * Never losing input on the evidence form: a save after the session ended, switching language with unsaved
 * changes, drafts with only a country and a commitment, deleting a draft, withdrawing a submission, removing a
 * source row or a chosen file, an empty file refused by name, and "today" east of UTC.
 */
test.use({ storageState: storageStatePath('editor') });

const TEXT = {
  en: {
    actor: 'Country or UN entity',
    commitment: 'Commitment',
    observedOn: 'Observed on',
    status: 'Implementation status',
    summary: 'Summary (English)',
    tags: 'Tags',
    url: 'Web address (http or https)',
    attach: 'Attach files',
    addSource: 'Add another source',
    saveDraft: 'Save draft',
    submit: 'Submit for review',
    sessionEnded: 'Your session has ended',
    signInAgain: 'Sign in again (opens a new tab)',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signedIn: 'You are signed in',
    draft: 'Draft',
    submitted: 'Submitted',
    incomplete: 'This draft is not complete yet',
    deleteDraft: 'Delete draft',
    deleteQuestion: 'Delete this draft for good?',
    withdraw: 'Withdraw from review',
    withdrawQuestion: 'Withdraw this record from review',
    withdrawn: 'Withdrawn from review',
    confirm: 'Yes, continue',
    cancel: 'Cancel',
    unsaved: 'You have unsaved changes on this page',
    removeSource: (n: number) => `Remove source ${n}`,
    removeFile: (name: string) => `Remove ${name}`,
    refusedEmpty: (name: string) => `${name} was not added: The file is empty (0 bytes).`,
  },
  zh: {
    actor: '国家或联合国实体',
    commitment: '承诺',
    observedOn: '观察日期',
    status: '执行状况',
    summary: '摘要（中文）',
    tags: '标签',
    url: '网址（http 或 https）',
    attach: '附加文件',
    addSource: '再添加一个来源',
    saveDraft: '保存草稿',
    submit: '提交审核',
    sessionEnded: '您的会话已结束',
    signInAgain: '重新登录（在新标签页中打开）',
    email: '电子邮件',
    password: '密码',
    signIn: '登录',
    signedIn: '您已登录',
    draft: '草稿',
    submitted: '已提交',
    incomplete: '此草稿尚未完整',
    deleteDraft: '删除草稿',
    deleteQuestion: '要永久删除此草稿吗？',
    withdraw: '撤回审核',
    withdrawQuestion: '要将此记录从审核中撤回',
    withdrawn: '已撤回审核',
    confirm: '是，继续',
    cancel: '取消',
    unsaved: '本页有尚未保存的修改',
    removeSource: (n: number) => `删除来源 ${n}`,
    removeFile: (name: string) => `移除 ${name}`,
    refusedEmpty: (name: string) => `未添加 ${name}：文件是空的（0 字节）。`,
  },
} as const;

const LOCALES = ['en', 'zh'] as const;
const text = (locale: (typeof LOCALES)[number]) => TEXT[locale];
const file = (name: string, content: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });

/** The Kiritimati date now (UTC+14), the latest on Earth. */
const latestDate = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

async function fillCoreFields(page: Page, locale: (typeof LOCALES)[number], country: string) {
  const t = text(locale);
  await page.getByLabel(t.actor).fill(country);
  await page.getByLabel(t.commitment).fill('P08-financing');
}

/** The id of the record the page shows after a save; `submitted`: the save submitted it, which the page confirms. */
async function recordId(page: Page, locale: string, submitted = false) {
  await expect(page).toHaveURL(new RegExp(`/${locale}/evidence/\\d+${submitted ? '\\?done=evidenceSubmitted' : ''}$`));
  return Number(new URL(page.url()).pathname.split('/').pop());
}

for (const locale of LOCALES) {
  const t = text(locale);

  test(`in ${locale}: a save after the session ended keeps every value; signed in again in a new tab, it saves`, async ({
    page,
    context,
  }) => {
    await page.goto(`/${locale}/evidence/new`);
    await fillCoreFields(page, locale, locale === 'en' ? 'BEN' : 'NGA');
    await page.getByLabel(t.observedOn).fill('2024-05-02');
    await page.getByLabel(t.status).selectOption('IN_PROGRESS');
    await page.getByLabel(t.summary).fill(locale === 'en' ? 'Asset freezing law passed.' : '资产冻结法获得通过。');
    await page.getByLabel(t.tags).fill('反恐，立法、financing');
    await page.getByLabel(t.url).first().fill('https://example.org/asset-freezing');
    await page.getByLabel(t.attach).setInputFiles([file('notes.txt', 'Notes on the law.\n')]);

    await context.clearCookies();
    await page.getByRole('button', { name: t.saveDraft }).click();
    const alert = page.getByRole('alert').filter({ hasText: t.sessionEnded });
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${locale}/evidence/new$`));
    await expect(page.getByLabel(t.actor)).toHaveValue(locale === 'en' ? 'BEN' : 'NGA');
    await expect(page.getByLabel(t.commitment)).toHaveValue('P08-financing');
    await expect(page.getByLabel(t.observedOn)).toHaveValue('2024-05-02');
    await expect(page.getByLabel(t.status)).toHaveValue('IN_PROGRESS');
    await expect(page.getByLabel(t.tags)).toHaveValue('反恐，立法、financing');
    await expect(page.getByLabel(t.url).first()).toHaveValue('https://example.org/asset-freezing');
    await expect(page.getByRole('button', { name: t.removeFile('notes.txt') })).toBeVisible();

    const link = alert.getByRole('link', { name: t.signInAgain });
    await expect(link).toHaveAttribute('target', '_blank');
    const [signIn] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await signIn.getByLabel(t.email).fill(E2E_USERS.editor.email);
    await signIn.getByLabel(t.password).fill(E2E_USERS.editor.password);
    await signIn.getByRole('button', { name: t.signIn }).click();
    await expect(signIn.getByRole('heading', { name: t.signedIn })).toBeVisible();
    await signIn.close();

    await page.getByRole('button', { name: t.saveDraft }).click();
    await recordId(page, locale);
    await expect(page.locator('.tag', { hasText: t.draft })).toBeVisible();
    await expect(page.getByText('反恐, 立法, financing')).toBeVisible();
    await expect(page.getByRole('link', { name: 'notes.txt' })).toBeVisible();
  });

  test(`in ${locale}: switching language with unsaved changes asks first, and stays unless agreed`, async ({
    page,
  }) => {
    // A form nobody has touched switches without asking.
    await page.goto(`/${locale}/evidence/new`);
    let unexpected = '';
    const refuse = (dialog: Dialog) => {
      unexpected = dialog.message();
      void dialog.dismiss();
    };
    page.on('dialog', refuse);
    const other = locale === 'en' ? 'zh' : 'en';
    await page.locator('.locale-switcher').click();
    await expect(page).toHaveURL(new RegExp(`/${other}/evidence/new$`));
    expect(unexpected).toBe('');
    page.off('dialog', refuse);

    await page.goto(`/${locale}/evidence/new`);
    await page.getByLabel(t.summary).fill(locale === 'en' ? 'Typed, not saved.' : '已输入，未保存。');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.locator('.locale-switcher').click();
    await expect.poll(() => asked).toContain(t.unsaved);
    await expect(page).toHaveURL(new RegExp(`/${locale}/evidence/new$`));
    await expect(page.getByLabel(t.summary)).toHaveValue(locale === 'en' ? 'Typed, not saved.' : '已输入，未保存。');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('.locale-switcher').click();
    await expect(page).toHaveURL(new RegExp(`/${other}/evidence/new$`));
  });

  test(`in ${locale}: a draft saves with only country and commitment, cannot be submitted incomplete, and its author deletes it after confirming`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/evidence/new`);
    await fillCoreFields(page, locale, 'SLE');
    await page.getByRole('button', { name: t.saveDraft }).click();
    const id = await recordId(page, locale);
    await expect(page.locator('.tag', { hasText: t.draft })).toBeVisible();

    await page.getByRole('button', { name: t.submit }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.incomplete })).toBeVisible();

    await page.getByRole('button', { name: t.deleteDraft }).click();
    await expect(page.getByText(t.deleteQuestion)).toBeVisible();
    await page.getByRole('button', { name: t.cancel }).click();
    await expect(page.getByText(t.deleteQuestion)).toBeHidden();
    await page.getByRole('button', { name: t.deleteDraft }).click();
    await page.getByRole('button', { name: t.confirm }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/evidence\\?mine=1$`));
    const gone = await page.request.get(`/${locale}/evidence/${id}`);
    expect(gone.status()).toBe(404);
  });

  test(`in ${locale}: the author withdraws a submission back to draft after confirming`, async ({ page }) => {
    await page.goto(`/${locale}/evidence/new`);
    await fillCoreFields(page, locale, 'LBR');
    await page.getByLabel(t.observedOn).fill('2024-01-20');
    await page.getByLabel(t.status).selectOption('NOT_STARTED');
    await page.getByLabel(t.summary).fill(locale === 'en' ? 'No action yet.' : '尚未采取行动。');
    await page.getByLabel(t.url).first().fill('https://example.org/none');
    await page.getByRole('button', { name: t.submit }).click();
    const id = await recordId(page, locale, true);
    await expect(page.locator('.tag', { hasText: t.submitted })).toBeVisible();

    await page.getByRole('button', { name: t.withdraw }).click();
    await expect(page.getByText(t.withdrawQuestion)).toBeVisible();
    await page.getByRole('button', { name: t.confirm }).click();
    // The withdraw form is gone with the submission: the page confirms it, and no longer says it was submitted.
    await expect(page).toHaveURL(new RegExp(`/${locale}/evidence/${id}\\?done=evidenceWithdrawn$`));
    await expect(page.locator('.tag', { hasText: t.draft })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: t.withdrawn })).toBeVisible();
    await expect(page.locator('.done-message')).toHaveCount(1);
  });

  test(`in ${locale}: source rows and chosen files can be removed before saving; an empty file is refused by name and the others stay`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/evidence/new`);
    await fillCoreFields(page, locale, 'GMB');
    const urls = page.getByLabel(t.url);
    await urls.nth(0).fill('https://example.org/one');
    await page.getByRole('button', { name: t.addSource }).click();
    await urls.nth(1).fill('https://example.org/two');
    await page.getByRole('button', { name: t.addSource }).click();
    await urls.nth(2).fill('https://example.org/three');
    await page.getByRole('button', { name: t.removeSource(2) }).click();
    await expect(urls).toHaveCount(2);
    await expect(urls.nth(0)).toHaveValue('https://example.org/one');
    await expect(urls.nth(1)).toHaveValue('https://example.org/three');

    const attach = page.getByLabel(t.attach);
    await attach.setInputFiles([file('empty.txt', ''), file('first.txt', 'First file.\n')]);
    await expect(page.getByRole('alert').filter({ hasText: t.refusedEmpty('empty.txt') })).toBeVisible();
    await expect(page.getByRole('button', { name: t.removeFile('first.txt') })).toBeVisible();
    await expect(page.getByRole('button', { name: t.removeFile('empty.txt') })).toHaveCount(0);
    // Choosing more adds to the list; nothing chosen before is cleared.
    await attach.setInputFiles([file('second.txt', 'Second file.\n')]);
    await expect(page.getByRole('button', { name: t.removeFile('first.txt') })).toBeVisible();
    await expect(page.getByRole('button', { name: t.removeFile('second.txt') })).toBeVisible();
    await page.getByRole('button', { name: t.removeFile('first.txt') }).click();
    await expect(page.getByRole('button', { name: t.removeFile('first.txt') })).toHaveCount(0);

    await page.getByRole('button', { name: t.saveDraft }).click();
    await recordId(page, locale);
    await expect(page.getByRole('link', { name: 'second.txt' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'first.txt' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'https://example.org/one' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'https://example.org/three' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'https://example.org/two' })).toHaveCount(0);
  });
}

test.describe('east of UTC', () => {
  test.use({ timezoneId: 'Pacific/Kiritimati' });

  test('a user in UTC+14 records evidence observed on their today', async ({ page }) => {
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    expect(today).toBe(latestDate());
    await page.goto('/en/evidence/new');
    await fillCoreFields(page, 'en', 'FJI');
    await page.getByLabel('Observed on').fill(today);
    await page.getByLabel('Implementation status').selectOption('IN_PROGRESS');
    await page.getByLabel('Summary (English)').fill('Seen today in the Pacific.');
    await page.getByLabel('Web address (http or https)').first().fill('https://example.org/pacific');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await recordId(page, 'en', true);
    await expect(page.locator('.tag', { hasText: 'Submitted' })).toBeVisible();
  });
});
