import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Fails a test on any console error or uncaught page error (a React hydration error among them), as a reader would
 * notice a broken page: on the test's `page` and on every page of the contexts the test opens with
 * `browser.newContext()` (signed in as another role), which the `page` fixture alone would not see.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page, browser }, provide) => {
      const errors: string[] = [];
      const watch = (watched: Page) => {
        watched.on('console', (message) => {
          if (message.type() === 'error') errors.push(`${watched.url()}: ${message.text()}`);
        });
        watched.on('pageerror', (error) => errors.push(`${watched.url()}: ${error.message}`));
      };
      watch(page);
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        context.on('page', watch);
        return context;
      };
      try {
        await provide(errors);
      } finally {
        browser.newContext = newContext;
      }
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
