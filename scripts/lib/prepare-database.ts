import { ensureFirstAdmin } from '@/lib/auth/first-admin';
import { openDatabase, type DatabaseTarget } from '@/lib/db';
import { env } from '@/lib/env';
import { applyMigrations } from '@/lib/migrate';
import { seedDatabase, type SeedResult } from '@/lib/seed';
import { initializeSettings } from '@/lib/settings';

export interface PrepareOptions {
  target?: DatabaseTarget;
  seed?: boolean;
  log?: (line: string) => void;
}

/**
 * Migrates and by default seeds a database, initialises settings and creates the first admin when there is no
 * user, then closes it: the shared first step of start and dev.
 */
export async function prepareDatabase({
  target,
  seed = true,
  log = console.log,
}: PrepareOptions = {}): Promise<SeedResult | null> {
  const db = await openDatabase(target);
  try {
    const applied = await applyMigrations(db.adapterFactory);
    log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
    if (!seed) return null;
    const result = await seedDatabase(db.prisma);
    log(result.skipped ? 'Reference data is up to date.' : describeSeed(result));
    const { PUBLIC_VIEW, ADMIN_EMAIL, ADMIN_PASSWORD } = env();
    await initializeSettings(db.prisma, PUBLIC_VIEW);
    await ensureFirstAdmin(db.prisma, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, log);
    return result;
  } finally {
    await db.close();
  }
}

export function describeSeed(result: SeedResult): string {
  return (
    `Seeded ${result.documents} document(s) with ${result.paragraphs} paragraphs, ` +
    `${result.commitments.memberStates} member-state and ${result.commitments.unSystem} UN-system commitments, ` +
    `${result.memberStates} member states, ${result.unEntities} UN entities, ${result.instruments} instruments, ${result.themes} themes.`
  );
}
