import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db';
import { applyMigrations } from '@/lib/migrate';
import { listMigrationNames } from '@/lib/migrate/list';
import { seedDatabase } from '@/lib/seed';
import { loadSeedData } from '@/lib/seed/data';
import {
  createPgliteInMemory,
  createPostgresDatabase,
  POSTGRES_SKIP_MESSAGE,
  TEST_DATABASE_URL,
  type ScratchDatabase,
} from '../support/databases';

const data = loadSeedData();
const shippedCommitments = data.documents.flatMap((document) => document.commitments);

const backends = [
  { name: 'PGlite', enabled: true, create: async () => createPgliteInMemory() },
  { name: 'PostgreSQL', enabled: Boolean(TEST_DATABASE_URL), create: createPostgresDatabase },
];
if (!TEST_DATABASE_URL) console.warn(POSTGRES_SKIP_MESSAGE);

describe.each(backends)('migrations and seed on $name', ({ enabled, create }) => {
  let scratch: ScratchDatabase;
  let db: Database;

  beforeAll(async () => {
    if (!enabled) return;
    scratch = await create();
    db = await openDatabase(scratch.target);
  });
  afterAll(async () => {
    if (!enabled) return;
    await db?.close();
    await scratch?.dispose();
  });

  it.skipIf(!enabled)('applies every committed migration once and records it in _prisma_migrations', async () => {
    expect(await applyMigrations(db.adapterFactory)).toEqual(listMigrationNames());
    expect(await applyMigrations(db.adapterFactory)).toEqual([]);
    const recorded = await db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(listMigrationNames());
  });

  it.skipIf(!enabled)('seeds the statement, its commitments and the reference data', async () => {
    const result = await seedDatabase(db.prisma, data);
    expect(result.skipped).toBe(false);
    const [paragraphs, memberStates, unEntities, instruments, themes, commitments] = await Promise.all([
      db.prisma.paragraph.count({ where: { document: { symbol: 'S/PRST/2012/17' } } }),
      db.prisma.actor.count({ where: { kind: 'MEMBER_STATE' } }),
      db.prisma.actor.count({ where: { kind: 'UN_ENTITY' } }),
      db.prisma.instrument.count(),
      db.prisma.theme.count(),
      db.prisma.commitment.groupBy({ by: ['addressee'], _count: { _all: true }, orderBy: { addressee: 'asc' } }),
    ]);
    expect({ paragraphs, memberStates, unEntities, instruments, themes }).toEqual({
      paragraphs: 28,
      memberStates: 193,
      unEntities: data.unEntities.length,
      instruments: 19,
      themes: data.themes.length,
    });
    expect(commitments.map((row) => [row.addressee, row._count._all])).toEqual([
      ['MEMBER_STATES', shippedCommitments.filter((c) => c.addressee === 'MEMBER_STATES').length],
      ['UN_SYSTEM', shippedCommitments.filter((c) => c.addressee === 'UN_SYSTEM').length],
    ]);
  });

  it.skipIf(!enabled)('stores every commitment quote inside its own paragraph', async () => {
    const misplaced = await db.prisma.$queryRaw<{ code: string }[]>`
      SELECT c.code FROM "Commitment" c JOIN "Paragraph" p ON p.id = c."paragraphId"
      WHERE position(c.quote IN p.text) = 0`;
    expect(misplaced).toEqual([]);
  });

  it.skipIf(!enabled)('does nothing on a second run, and duplicates nothing when forced to run again', async () => {
    const counts = async () =>
      Promise.all([
        db.prisma.actor.count(),
        db.prisma.commitment.count(),
        db.prisma.commitmentLink.count(),
        db.prisma.paragraph.count(),
        db.prisma.instrument.count(),
        db.prisma.theme.count(),
        db.prisma.document.count(),
      ]);
    const before = await counts();
    expect((await seedDatabase(db.prisma, data)).skipped).toBe(true);
    await db.prisma.setting.delete({ where: { key: 'seed.hash' } });
    expect((await seedDatabase(db.prisma, data)).skipped).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!enabled)('keeps a commitment that an admin edited when the shipped data changes', async () => {
    const edited = { zh: '管理员修改的标题', en: 'Title edited by an admin' };
    await db.prisma.commitment.update({
      where: { code: 'P08-financing' },
      data: { title: edited, version: { increment: 1 } },
    });
    const changedData = { ...data, hash: `${data.hash}-next-release` };
    await seedDatabase(db.prisma, changedData);
    const row = await db.prisma.commitment.findUniqueOrThrow({ where: { code: 'P08-financing' } });
    expect(row.title).toEqual(edited);
  });
});
