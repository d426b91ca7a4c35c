import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { E2E_USERS, SERVER_LOG, storageStatePath } from './tests/e2e/support/users';

// End-to-end tests run the real `npm start` path (build if needed, migrate, seed, serve) on a fresh embedded
// database, in Debian's Chromium: Playwright's own browser download cannot reach its host from here.
//
// The server's port is a free one the system picks (E2E_PORT to choose one), so that two runs on one machine (two
// clones in CI) do not meet on it. Workers load this file again: the runner's choice reaches them through the
// environment they inherit.
process.env.E2E_PORT ??= String(await freePort());
const PORT = Number(process.env.E2E_PORT);
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two browsers and the server share two cores (with other work on CI): a workflow test crosses a dozen pages,
  // and an axe scan of the matrix or a commitment page takes seconds. Limits wide enough that no test depends on
  // the machine's speed; a hung step still fails.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      testIgnore: /(logs|\.exclusive)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], storageState: storageStatePath('viewer') },
    },
    // Tests that change site-wide settings run alone, after the rest, and one at a time: two of them toggling the
    // public view in parallel undo each other.
    {
      name: 'exclusive',
      dependencies: ['chromium'],
      testMatch: /\.exclusive\.spec\.ts/,
      fullyParallel: false,
      workers: 1,
      use: devices['Desktop Chrome'],
    },
    // Reads the server's log after everything else has run.
    { name: 'logs', dependencies: ['exclusive'], testMatch: /logs\.spec\.ts/ },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && mkdir -p .tmp && npx tsx tests/e2e/support/prepare-server.ts && npx tsx scripts/start.ts 2>&1 | tee ${SERVER_LOG}`,
    env: {
      DATA_DIR,
      PORT: String(PORT),
      DATABASE_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
      // NEXTAUTH_URL unset, as `npm start` runs by default: redirects follow the host each request came to.
      NEXTAUTH_URL: '',
      ADMIN_EMAIL: E2E_USERS.admin.email,
      ADMIN_PASSWORD: E2E_USERS.admin.password,
      PUBLIC_VIEW: '0',
    },
    url: `http://127.0.0.1:${PORT}/api/health`,
    // The first start builds the app: minutes on two cores shared with other work. A hung build still fails.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});

/** A TCP port on 127.0.0.1 that nothing listens on now (the system's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
