import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // The marker package throws outside React Server Components; tests call server modules directly.
      'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    // next-intl's ESM build imports 'next/navigation' without an extension, which Node's resolver refuses; Vite's
    // own resolver (used for inlined packages) finds it.
    server: { deps: { inline: ['next-intl'] } },
    // Integration files each copy their own databases; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // Fails a test on console.error; sets fast-check's run count (TEST_PROPERTY_RUNS).
    setupFiles: ['tests/support/vitest-setup.ts'],
    projects: [
      // Limits far above any run on a quiet machine: CI shares two cores with other work, and a test must not
      // fail because the machine is busy. A hung test still fails.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 120_000,
          // Files share one module graph per worker: importing the app's modules again for each file was most of
          // the unit run's time. Unit tests mock no modules and restore what they change (environment, timers).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 900_000,
          // Migrates and seeds one PostgreSQL and one PGlite database per run; each file copies them.
          globalSetup: ['tests/support/templates.ts'],
          // export-large.test.ts measures live memory after forced collections.
          execArgv: ['--expose-gc'],
        },
      },
    ],
  },
});
