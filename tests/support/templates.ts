import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/lib/db';
import { applyMigrations } from '@/lib/migrate';
import { seedDatabase } from '@/lib/seed';
import {
  createPgliteDirectory,
  createPostgresDatabase,
  TEST_DATABASE_URL,
  withServerClient,
  type ScratchDatabase,
} from './databases';

/**
 * Vitest globalSetup of the integration project: migrates and seeds one database per kind once per run, which every
 * test file then copies (tests/support/test-database.ts) instead of migrating and seeding its own, and removes them
 * when the run ends.
 *
 * - PostgreSQL (only with TEST_DATABASE_URL): a database `ct_template_<hex>` closed to connections afterwards, so
 *   that `CREATE DATABASE … TEMPLATE` may copy it at any time; provided as `postgresTemplate` (null without a server).
 * - PGlite: a closed data directory in the system's temporary folder; provided as `pgliteTemplateDir`.
 *
 * Tests that need an empty, unmigrated database (migrations, the embedded database's own start) create one as before.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresTemplate: string | null;
    pgliteTemplateDir: string;
  }
}

async function migrateAndSeed(scratch: ScratchDatabase): Promise<void> {
  const db = await openDatabase(scratch.target);
  try {
    await applyMigrations(db.adapterFactory);
    await seedDatabase(db.prisma);
  } finally {
    await db.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const made: ScratchDatabase[] = [];
  const dispose = async () => {
    await Promise.all(made.map((scratch) => scratch.dispose()));
  };
  try {
    const pglite = createPgliteDirectory();
    made.push(pglite);
    const postgres = TEST_DATABASE_URL ? await createPostgresDatabase({ prefix: 'ct_template' }) : null;
    if (postgres) made.push(postgres);
    await Promise.all([
      migrateAndSeed(pglite),
      postgres &&
        migrateAndSeed(postgres).then(() =>
          // No session may be open on a template while it is copied: refuse any from now on.
          withServerClient((client) => client.query(`ALTER DATABASE ${postgres.name} WITH ALLOW_CONNECTIONS false`)),
        ),
    ]);
    project.provide('pgliteTemplateDir', pglite.dir);
    project.provide('postgresTemplate', postgres?.name ?? null);
  } catch (error) {
    await dispose();
    throw error;
  }
  return dispose;
}
