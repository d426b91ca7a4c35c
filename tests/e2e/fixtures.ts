import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { validateServerHtml } from './support/html';
import { storageStatePath } from './support/users';

/** Opens a browser context like `browser.newContext()`, watched like the test's own page (see `test`). */
export type NewContext = Browser['newContext'];

/**
 * Every browser test fails on what a reader would notice or a browser would stumble on, in every page it opens:
 * the test's `page`, other pages of its context (popups, `context.newPage()`), and every page of the contexts it
 * opens with the `newContext` fixture (signed in as another role; `browser.newContext()` itself is refused by the
 * lint rule for tests/e2e, so that no context goes unwatched). Checked:
 *
 * - `consoleErrors`: any console error or uncaught page error (a React hydration error among them). A test that
 *   expects one (the browser logs a refused page's own 403) removes it from this list.
 * - `htmlProblems`: the HTML the server sent for every page loaded (the response body, not the DOM the browser
 *   repaired), run through html-validate (tests/e2e/support/html.ts): invalid nesting is what breaks hydration.
 *
 * Contexts opened with `newContext` are closed when the test ends, if the test did not close them.
 */
export const test = base.extend<{
  consoleErrors: string[];
  htmlProblems: string[];
  newContext: NewContext;
  publicView: PublicView;
  /** Internal: watches a context's pages; `settled()` waits for the HTML checks begun so far. */
  watch: ((context: BrowserContext) => void) & { settled(): Promise<void> };
}>({
  consoleErrors: async ({}, provide) => provide([]),
  htmlProblems: async ({}, provide) => provide([]),

  newContext: async ({ browser, watch }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (options) => {
      const created = await browser.newContext(options);
      opened.push(created);
      watch(created);
      return created;
    });
    await watch.settled();
    await Promise.all(opened.map((created) => created.close()));
  },

  publicView: async ({ newContext }, provide) => {
    const switchTo = async (on: boolean) => {
      // A context of its own: the test's may be closed already when the teardown runs (after a timeout).
      const admin = await newContext({ storageState: storageStatePath('admin') });
      const page = await admin.newPage();
      await page.goto('/en/admin/settings');
      const state = page.getByText(/^The public view is (on\.|off: )/);
      await expect(state).toBeVisible();
      if ((await state.textContent())!.includes(' on.') !== on) {
        await page.getByRole('button', { name: on ? 'Turn the public view on' : 'Turn the public view off' }).click();
        if (!on) await page.getByRole('button', { name: 'Yes, turn it off' }).click();
        await expect(
          page.getByRole('status').filter({ hasText: `The public view is now ${on ? 'on' : 'off'}.` }),
        ).toBeVisible();
      }
      await admin.close();
    };
    await provide({ turnOn: () => switchTo(true) });
    await switchTo(false);
  },

  watch: [
    async ({ context, consoleErrors, htmlProblems }, provide) => {
      const validations: Promise<void>[] = [];
      const watchPage = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
        page.on('response', (response) => {
          if (isServerPage(response)) validations.push(checkHtml(response, htmlProblems));
        });
      };
      const watch = Object.assign(
        (watched: BrowserContext) => {
          watched.pages().forEach(watchPage);
          watched.on('page', watchPage);
        },
        {
          // Waits also for checks that begin meanwhile (a page still loading when the test ended).
          settled: async () => {
            for (let done = 0; done < validations.length; done = validations.length) {
              await Promise.all(validations.slice(done));
            }
          },
        },
      );
      watch(context);
      await provide(watch);
      await watch.settled();
      expect(consoleErrors, 'console errors on the page').toEqual([]);
      expect(htmlProblems, 'invalid HTML sent by the server').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * The site-wide public view, for the exclusive specs (they run one at a time): `turnOn()` switches it on as the
 * admin. However the test ends, a timeout included, the fixture's teardown switches it off again, so that the
 * next test starts from the default; Playwright gives teardown after a timeout time of its own.
 */
export interface PublicView {
  turnOn(): Promise<void>;
}

/** A page the server rendered: an HTML document (of any status but a redirect) loaded by the browser. */
function isServerPage(response: Response): boolean {
  const status = response.status();
  return (
    response.request().resourceType() === 'document' &&
    (status < 300 || status >= 400) &&
    (response.headers()['content-type'] ?? '').startsWith('text/html')
  );
}

async function checkHtml(response: Response, problems: string[]): Promise<void> {
  let html: string;
  try {
    html = await response.text();
  } catch (error) {
    // The page was closed, or navigated on, before its body could be read: nothing left to check.
    if (/closed|No resource with given identifier|unavailable/i.test(String(error))) return;
    throw error;
  }
  problems.push(...(await validateServerHtml(html, response.url())));
}

export { expect };

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
