import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, sourceFiles } from '@/tests/support/source-files';

/**
 * Configuration is read only through lib/env.ts (README, Configuration): a source scan of the app, its scripts,
 * next.config.js and proxy.ts for any other reader of process.env (`process.env.X`, `process.env[X]`,
 * `...process.env`, `process['env']`). The generated Prisma client is not ours to change.
 */
const DIRECTORIES = ['app', 'lib', 'components', 'scripts'];
const FILES = ['next.config.js', 'proxy.ts'];
const READS_ENV = /\bprocess\s*(\.\s*env\b|\[\s*['"`]env['"`]\s*\])/;

describe('the environment', () => {
  const files = sourceFiles([...DIRECTORIES, ...FILES], { exclude: ['lib/env.ts'] });

  it('is read by lib/env.ts alone', () => {
    // The scan sees the code it is meant to: hundreds of files, these among them.
    expect(files.length).toBeGreaterThan(200);
    expect(files).toEqual(expect.arrayContaining(['next.config.js', 'proxy.ts', 'scripts/start.ts', 'lib/db.ts']));
    const readers = files.filter((file) => READS_ENV.test(readFileSync(join(PROJECT_ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('is found by the scan wherever it is read', () => {
    expect(READS_ENV.test(readFileSync(join(PROJECT_ROOT, 'lib/env.ts'), 'utf8'))).toBe(true);
    for (const reader of ['process.env.PORT', 'process.env[name]', '{ ...process.env }', "process['env']"]) {
      expect(READS_ENV.test(reader)).toBe(true);
    }
    expect(READS_ENV.test('const environment = processEnvironment();')).toBe(false);
  });
});
