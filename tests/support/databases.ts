import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '@/lib/db';

/**
 * Real databases for integration tests: an embedded PGlite (in memory or in a temporary directory) and, when
 * TEST_DATABASE_URL names a PostgreSQL server, a fresh database created on it for one test file and dropped after.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_SKIP_MESSAGE =
  'PostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run them.';

export interface ScratchDatabase {
  target: DatabaseTarget;
  dispose(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<ScratchDatabase> {
  if (!TEST_DATABASE_URL) throw new Error(POSTGRES_SKIP_MESSAGE);
  const name = `ct_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgresql', url: url.toString() },
    async dispose() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export function createPgliteDirectory(): ScratchDatabase & { dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'ct-pglite-'));
  const dir = join(root, 'pglite');
  return { dir, target: { kind: 'pglite', dir }, dispose: async () => rmSync(root, { recursive: true, force: true }) };
}

export function createPgliteInMemory(): ScratchDatabase {
  return { target: { kind: 'pglite' }, dispose: async () => {} };
}
