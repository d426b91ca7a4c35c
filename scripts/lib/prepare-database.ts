import { openDatabase, type DatabaseTarget } from '@/lib/db';
import { applyMigrations } from '@/lib/migrate';
import { seedDatabase, type SeedResult } from '@/lib/seed';

export interface PrepareOptions {
  target?: DatabaseTarget;
  seed?: boolean;
  log?: (line: string) => void;
}

/** Migrates (and by default seeds) a database, then closes it: the shared first step of start, dev and test. */
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
