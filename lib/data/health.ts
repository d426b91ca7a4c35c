import 'server-only';
import { getDb } from '@/lib/db';
import { databaseKind, type DatabaseKind } from '@/lib/env';
import { listMigrationNames } from '@/lib/migrate/list';

export interface Health {
  status: 'ok' | 'error';
  database: DatabaseKind;
  /** "up to date", "N pending", or "unknown" when the database cannot be asked. */
  migrations: string;
  reason?: string;
}

/** Whether the database answers and every committed migration has been applied to it. */
export async function checkHealth(): Promise<Health> {
  const database = databaseKind();
  try {
    const { prisma } = await getDb();
    const [table] = await prisma.$queryRaw<
      { present: boolean }[]
    >`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
    const applied = table?.present
      ? await prisma.$queryRaw<{ name: string }[]>`
          SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
      : [];
    const appliedNames = new Set(applied.map((row) => row.name));
    const pending = listMigrationNames().filter((name) => !appliedNames.has(name));
    if (pending.length > 0) {
      return { status: 'error', database, migrations: `${pending.length} pending`, reason: 'Run npm run db:migrate.' };
    }
    return { status: 'ok', database, migrations: 'up to date' };
  } catch (error) {
    // The details (a file path, a process id, a host name) are for the operator's log, not for anyone asking.
    console.error('Health check: the database cannot be reached:', error);
    return { status: 'error', database, migrations: 'unknown', reason: 'The database cannot be reached.' };
  }
}
