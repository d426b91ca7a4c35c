import { openDatabase, type Database } from '@/lib/db';
import { applyMigrations } from '@/lib/migrate';
import { seedDatabase } from '@/lib/seed';
import {
  createPgliteInMemory,
  createPostgresDatabase,
  POSTGRES_SKIP_MESSAGE,
  TEST_DATABASE_URL,
  type ScratchDatabase,
} from './databases';

/**
 * A migrated and seeded database for one test file: PostgreSQL when TEST_DATABASE_URL is set (where concurrency
 * and atomicity are proven), otherwise an in-memory PGlite, saying so.
 */
export async function createTestDatabase(): Promise<{ db: Database; dispose(): Promise<void>; kind: string }> {
  let scratch: ScratchDatabase;
  if (TEST_DATABASE_URL) {
    scratch = await createPostgresDatabase();
  } else {
    console.warn(`${POSTGRES_SKIP_MESSAGE} Running on PGlite instead.`);
    scratch = createPgliteInMemory();
  }
  return migratedDatabase(scratch);
}

/** A scratch database of a chosen kind, migrated and seeded, for tests that run on PostgreSQL and PGlite alike. */
export async function migratedDatabase(
  scratch: ScratchDatabase,
): Promise<{ db: Database; dispose(): Promise<void>; kind: string }> {
  const db = await openDatabase(scratch.target);
  await applyMigrations(db.adapterFactory);
  await seedDatabase(db.prisma);
  return {
    db,
    kind: scratch.target.kind,
    async dispose() {
      await db.close();
      await scratch.dispose();
    },
  };
}
