import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, type NewContext } from './fixtures';
import { storageStatePath, type E2ERole } from './support/users';

/**
 * The dashboard's aggregates are cached per rollup version and audience (lib/dashboard/cache.ts). A verification
 * must show on the very next request of every cached page, to the audience allowed to see it, and internal
 * evidence must never reach the public through a cache. Every page is read twice first, so that the second read
 * comes from the cache; the pair below (Mongolia × the financing commitment) is touched by no other test.
 * Exclusive: it turns the site-wide public view on.
 */
test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

const ACTOR = 'MNG';
const COMMITMENT = 'P08-financing';
const PAGES = [
  `/en?country=${ACTOR}&commitment=${COMMITMENT}`,
  `/en/matrix?country=${ACTOR}`,
  `/en/map?commitment=${COMMITMENT}&country=${ACTOR}`,
  `/en/countries/${ACTOR}`,
  `/en/commitments/${COMMITMENT}`,
];

async function signedIn(newContext: NewContext, role: E2ERole) {
  const context = await newContext({ storageState: storageStatePath(role) });
  return { context, page: await context.newPage() };
}

/**
 * The main content's text of each page, as this reader gets it (tables behind "Show as table" included). `warm`
 * reads each page once before, so that the read that counts comes from the cache.
 */
async function readPages(page: Page, { warm = false } = {}): Promise<string[]> {
  const texts: string[] = [];
  for (const path of PAGES) {
    for (let read = warm ? 0 : 1; read < 2; read++) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
    }
    // Every streamed section and lazily loaded chart in place, no skeleton left.
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    // Each chart's table alternative is drawn when it is opened.
    const tables = page.locator('main details.chart-frame__details');
    await tables.evaluateAll((details) => details.forEach((element) => ((element as HTMLDetailsElement).open = true)));
    await expect(page.locator('main details.chart-frame__details table')).toHaveCount(await tables.count());
    texts.push(
      // Charts drawn in the browser are left out: their text depends on when they were drawn, and each carries its
      // data in its table alternative, which counts.
      await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const drawn of copy.querySelectorAll('svg, .recharts-wrapper')) drawn.remove();
        return copy.textContent ?? '';
      }),
    );
  }
  return texts;
}

/** Where two page texts part, with some context: a readable failure instead of two pages of text. */
function firstDifference(before: string, after: string): string {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  if (at === before.length && at === after.length) return 'the same text';
  return `before "…${before.slice(Math.max(0, at - 80), at + 80)}…", after "…${after.slice(Math.max(0, at - 80), at + 80)}…"`;
}

/** Records verified evidence on the pair through the API: the editor writes and submits, the reviewer verifies. */
async function verifiedEvidence(
  editor: APIRequestContext,
  reviewer: APIRequestContext,
  origin: string,
  fields: { observedOn: string; status: string; visibility: 'INTERNAL' | 'PUBLIC'; summaryEn: string },
) {
  const headers = { origin };
  const created = await editor.post('/api/v1/evidence', {
    headers,
    data: {
      actorCode: ACTOR,
      commitmentCode: COMMITMENT,
      sources: [{ type: 'NATIONAL_LEGISLATION', url: 'https://example.org/mng-financing' }],
      intent: 'submit',
      ...fields,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: number } }).data;
  const verified = await reviewer.post(`/api/v1/evidence/${id}/review`, {
    headers: { ...headers, 'if-match': '*' },
    data: { decision: 'verify' },
  });
  expect(verified.status(), await verified.text()).toBe(200);
  expect(((await verified.json()) as { data: { state: string } }).data.state).toBe('VERIFIED');
}

test('a verification shows on the next request of every cached page; internal evidence never reaches the public', async ({
  newContext,
  page: anonymous,
  baseURL,
  publicView,
}) => {
  test.slow(); // five pages, each with its tables opened, read six times over by two audiences
  const viewer = await signedIn(newContext, 'viewer');
  const editor = await signedIn(newContext, 'editor');
  const reviewer = await signedIn(newContext, 'reviewer');
  await publicView.turnOn();
  const viewerBefore = await readPages(viewer.page, { warm: true });
  const publicBefore = await readPages(anonymous, { warm: true });

  await verifiedEvidence(editor.context.request, reviewer.context.request, baseURL!, {
    observedOn: '2021-04-01',
    status: 'PARTIALLY_IMPLEMENTED',
    visibility: 'INTERNAL',
    summaryEn: 'Internal: a draft financing law before parliament.',
  });
  const viewerInternal = await readPages(viewer.page);
  const publicInternal = await readPages(anonymous);
  PAGES.forEach((path, index) => {
    expect(viewerInternal[index], `${path}: the team sees the verification at once`).not.toBe(viewerBefore[index]);
    expect(
      firstDifference(publicBefore[index]!, publicInternal[index]!),
      `${path}: the public sees nothing of internal evidence`,
    ).toBe('the same text');
  });
  await viewer.page.goto(`/en/countries/${ACTOR}`);
  await expect(viewer.page.locator(`#c-${COMMITMENT}`)).toContainText('Partially implemented');

  await verifiedEvidence(editor.context.request, reviewer.context.request, baseURL!, {
    observedOn: '2023-09-01',
    status: 'FULLY_IMPLEMENTED',
    visibility: 'PUBLIC',
    summaryEn: 'Public: the financing law in force.',
  });
  const viewerPublic = await readPages(viewer.page);
  const publicPublic = await readPages(anonymous);
  PAGES.forEach((path, index) => {
    expect(viewerPublic[index], `${path}: the team sees the second verification`).not.toBe(viewerInternal[index]);
    expect(publicPublic[index], `${path}: the public sees public evidence at once`).not.toBe(publicInternal[index]);
  });
  await anonymous.goto(`/en/countries/${ACTOR}`);
  await expect(anonymous.locator(`#c-${COMMITMENT}`)).toContainText('Fully implemented');
  await expect(anonymous.locator('main')).not.toContainText('Internal: a draft financing law');
});

/**
 * The filters' lists of commitments, themes and states, the overview's figures and the documents are cached with
 * the aggregates (they change only with the seed and the admin's commitment edits, which bump the version): a
 * corrected title must show on the very next request of every page that lists it. The title is put back after.
 */
/** The commitment's title before the test changed it. */
let titleToRestore: string | undefined;
// Puts the title back however the test ended (a timeout included), in a context of its own.
test.afterEach(async ({ newContext }) => {
  if (titleToRestore === undefined) return;
  const admin = await signedIn(newContext, 'admin');
  await setTitle(admin.page, titleToRestore);
  titleToRestore = undefined;
});

test('a corrected commitment title shows on the next request of every page that lists it', async ({ newContext }) => {
  const admin = await signedIn(newContext, 'admin');
  const viewer = await signedIn(newContext, 'viewer');
  const listing = ['/en', '/en/matrix', '/en/map'];
  const commitmentOption = (page: Page) => page.locator(`select[name="commitment"] option[value="${COMMITMENT}"]`);
  await admin.page.goto(`/en/commitments/${COMMITMENT}`);
  const original = (await admin.page.getByRole('heading', { level: 1 }).textContent())!.trim();
  // Each page read twice first, so that the lists come from the cache.
  for (const path of listing) {
    for (let read = 0; read < 2; read++) await viewer.page.goto(path);
    await expect(commitmentOption(viewer.page)).toHaveText(`${original} (${COMMITMENT})`);
  }
  const corrected = `${original} (corrected)`;
  titleToRestore = original;
  await setTitle(admin.page, corrected);
  for (const path of listing) {
    await viewer.page.goto(path);
    await expect(commitmentOption(viewer.page), path).toHaveText(`${corrected} (${COMMITMENT})`);
  }
});

/** Saves the commitment's English title through the admin's form on its page. */
async function setTitle(admin: Page, title: string) {
  await admin.goto(`/en/commitments/${COMMITMENT}`);
  await admin.getByText('Edit this commitment (admin)').click();
  await admin.getByLabel('Title (English)').fill(title);
  await admin.getByRole('button', { name: 'Save the commitment' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}
