import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, sourceFiles } from '@/tests/support/source-files';

/**
 * Configuration is read only through lib/env.ts and its schema, lib/env-schema.mjs (README, Configuration): a
 * source scan of the app, its scripts, next.config.js and proxy.ts for any other reader of process.env
 * (`process.env.X`, `process.env[X]`, `...process.env`, `process['env']`). The generated Prisma client is not ours
 * to change.
 */
const ENV_MODULES = ['lib/env.ts', 'lib/env-schema.mjs'];
const DIRECTORIES = ['app', 'lib', 'components', 'scripts'];
const FILES = ['next.config.js', 'proxy.ts'];
const READS_ENV = /\bprocess\s*(\.\s*env\b|\[\s*['"`]env['"`]\s*\])/;

describe('the environment', () => {
  const files = sourceFiles([...DIRECTORIES, ...FILES], { exclude: ENV_MODULES });

  it('is read by lib/env.ts alone', () => {
    // The scan sees the code it is meant to: hundreds of files, these among them.
    expect(files.length).toBeGreaterThan(200);
    expect(files).toEqual(expect.arrayContaining(['next.config.js', 'proxy.ts', 'scripts/start.ts', 'lib/db.ts']));
    const readers = files.filter((file) => READS_ENV.test(readFileSync(join(PROJECT_ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('is found by the scan wherever it is read', () => {
    expect(ENV_MODULES.some((file) => READS_ENV.test(readFileSync(join(PROJECT_ROOT, file), 'utf8')))).toBe(true);
    for (const reader of ['process.env.PORT', 'process.env[name]', '{ ...process.env }', "process['env']"]) {
      expect(READS_ENV.test(reader)).toBe(true);
    }
    expect(READS_ENV.test('const environment = processEnvironment();')).toBe(false);
  });
});

/**
 * Next.js imports next.config.js in the server process with no TypeScript loader. It once loaded lib/env.ts through
 * tsx's loader, whose hooks stayed in the server for its whole life (idle server: 357 MB resident instead of 276 MB):
 * the config must load in plain Node.js and still take its limits from the parsed configuration.
 */
describe('next.config.js', () => {
  const load = (environment: Record<string, string>) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '--eval',
          "const { default: config } = await import('./next.config.js'); process.stdout.write(JSON.stringify(config.experimental));",
        ],
        // A bare environment: no NODE_OPTIONS (vitest's loader) and nothing inherited.
        {
          cwd: PROJECT_ROOT,
          env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...environment },
          encoding: 'utf8',
        },
      ),
    ) as { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string };

  // One child process of Node.js: its start-up time is the machine's, hence the generous limit.
  it(
    'loads in plain Node.js, its body limits from ATTACHMENT_MAX_MB (five attachments and the form)',
    { timeout: 60_000 },
    () => {
      expect(load({ ATTACHMENT_MAX_MB: '2' })).toMatchObject({
        serverActions: { bodySizeLimit: '11mb' },
        proxyClientMaxBodySize: '11mb',
      });
    },
  );

  it('imports no TypeScript file and no TypeScript loader', () => {
    const imports = [...readFileSync(join(PROJECT_ROOT, 'next.config.js'), 'utf8').matchAll(/from\s+'([^']+)'/g)];
    const specifiers = imports.map((match) => match[1] ?? '');
    expect(specifiers).toContain('./lib/env-schema.mjs');
    expect(specifiers.filter((specifier) => /\.(m|c)?tsx?$|^tsx\b|ts-node|jiti/.test(specifier))).toEqual([]);
  });
});
