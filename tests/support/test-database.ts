import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseTarget } from '@/lib/db';
import {
  createPgliteDirectory,
  createPostgresDatabase,
  POSTGRES_SKIP_MESSAGE,
  TEST_DATABASE_URL,
  type ScratchDatabase,
} from './databases';

export interface TestDatabase {
  db: Database;
  kind: Database['kind'];
  /** Where the database is, for a child process that opens it itself. */
  target: DatabaseTarget;
  dispose(): Promise<void>;
}

/**
 * A migrated and seeded database for one test file: PostgreSQL when TEST_DATABASE_URL is set (where concurrency
 * and atomicity are proven), otherwise PGlite, saying so. A copy of the run's template (tests/support/templates.ts).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) console.warn(`${POSTGRES_SKIP_MESSAGE} Running on PGlite instead.`);
  return seededDatabase(TEST_DATABASE_URL ? 'postgresql' : 'pglite');
}

/**
 * A migrated and seeded database of a chosen kind, for tests that run on PostgreSQL and PGlite alike: a new
 * PostgreSQL database copied from the run's template with `CREATE DATABASE … TEMPLATE` (needs TEST_DATABASE_URL),
 * or a copy of the template PGlite data directory. Opened; `dispose` closes and removes it.
 */
export async function seededDatabase(kind: Database['kind']): Promise<TestDatabase> {
  let scratch: ScratchDatabase;
  if (kind === 'postgresql') {
    const template = inject('postgresTemplate');
    if (!template) throw new Error(`No PostgreSQL template: ${POSTGRES_SKIP_MESSAGE}`);
    scratch = await createPostgresDatabase({ template });
  } else {
    const from = inject('pgliteTemplateDir');
    if (!from) throw new Error('No PGlite template: run integration tests through vitest.config.ts (its globalSetup).');
    scratch = createPgliteDirectory({ from });
  }
  try {
    const db = await openDatabase(scratch.target);
    return {
      db,
      kind: db.kind,
      target: scratch.target,
      async dispose() {
        await db.close();
        await scratch.dispose();
      },
    };
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
}
