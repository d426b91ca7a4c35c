import { format } from 'node:util';
import { afterAll, afterEach, expect } from 'vitest';

/**
 * Loaded by Vitest before every test file (vitest.config.ts, setupFiles).
 *
 * A console.error fails the test during which it was logged (or, outside any test, the file), as a console error
 * fails a browser test: the app logs with console.error only what went wrong. A test that expects an error log says
 * so with a spy that replaces it, e.g. `vi.spyOn(console, 'error').mockImplementation(() => {})`, and checks it.
 */
const logged: string[] = [];
// The unit project shares modules between files (isolate: false) and runs this file again for each: wrap the
// console's own function, never the previous file's wrapper.
const holder = globalThis as typeof globalThis & { __consoleErrorOriginal?: typeof console.error };
const original = (holder.__consoleErrorOriginal ??= console.error.bind(console));
console.error = (...args: unknown[]) => {
  logged.push(format(...args));
  original(...args);
};

function expectNoErrorLogged(when: string) {
  const messages = logged.splice(0);
  expect(messages, `console.error was called ${when}; a test that expects it replaces it with a spy`).toEqual([]);
}

afterEach(() => expectNoErrorLogged('during this test'));
afterAll(() => expectNoErrorLogged('outside any test of this file'));
