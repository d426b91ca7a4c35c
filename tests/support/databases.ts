import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '@/lib/db';

/**
 * Real databases for integration tests: an embedded PGlite (in memory or in a temporary directory) and, when
 * TEST_DATABASE_URL names a PostgreSQL server, a fresh database created on it for one test file and dropped after.
 * Either may start empty or as a copy of a migrated and seeded template (tests/support/templates.ts).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_SKIP_MESSAGE =
  'PostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run them.';

export interface ScratchDatabase {
  target: DatabaseTarget;
  dispose(): Promise<void>;
}

/** Runs `work` with a client connected to the TEST_DATABASE_URL server's maintenance database, then ends it. */
export async function withServerClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_DATABASE_URL) throw new Error(POSTGRES_SKIP_MESSAGE);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the TEST_DATABASE_URL server named `<prefix>_<12 random hex digits>`, dropped by `dispose`.
 * Empty, or with `template` (a database name) an instant copy of that database (`CREATE DATABASE … TEMPLATE`),
 * which nobody may be connected to meanwhile. Throws POSTGRES_SKIP_MESSAGE without TEST_DATABASE_URL.
 */
export async function createPostgresDatabase(
  options: { template?: string; prefix?: string } = {},
): Promise<ScratchDatabase & { name: string }> {
  const name = `${options.prefix ?? 'ct_test'}_${randomBytes(6).toString('hex')}`;
  await withServerClient((client) =>
    client.query(options.template ? `CREATE DATABASE ${name} TEMPLATE ${options.template}` : `CREATE DATABASE ${name}`),
  );
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    name,
    target: { kind: 'postgresql', url: url.toString() },
    async dispose() {
      await withServerClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * An embedded database in a new temporary directory (removed by `dispose`): empty, or with `from` (a closed
 * PGlite data directory) a copy of it.
 */
export function createPgliteDirectory(options: { from?: string } = {}): ScratchDatabase & { dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'ct-pglite-'));
  const dir = join(root, 'pglite');
  if (options.from) cpSync(options.from, dir, { recursive: true });
  return { dir, target: { kind: 'pglite', dir }, dispose: async () => rmSync(root, { recursive: true, force: true }) };
}

export function createPgliteInMemory(): ScratchDatabase {
  return { target: { kind: 'pglite' }, dispose: async () => {} };
}
