import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db';
import { applyMigrations } from '@/lib/migrate';
import { listMigrationNames } from '@/lib/migrate/list';
import { seedDatabase } from '@/lib/seed';
import { loadSeedData, type SeedData } from '@/lib/seed/data';
import { readRollupVersion } from '@/lib/dashboard/cache';
import {
  createPgliteInMemory,
  createPostgresDatabase,
  POSTGRES_SKIP_MESSAGE,
  TEST_DATABASE_URL,
  type ScratchDatabase,
} from '../support/databases';

const data = loadSeedData();
const shippedCommitments = data.documents.flatMap((document) => document.commitments);

/** The release before paragraph 9's Charter obligations (and their theme) were seeded. */
const earlierRelease: SeedData = {
  ...data,
  hash: `${data.hash}-before-paragraph-9`,
  themes: data.themes.filter((theme) => theme.code !== 'charter'),
  documents: data.documents.map((document) => ({
    ...document,
    commitments: document.commitments.filter((commitment) => commitment.paragraph !== 9),
  })),
};

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

  it.skipIf(!enabled)(
    'adds the commitments of a later release to a database seeded by an earlier one, keeping admins’ edits',
    async () => {
      const earlier = await create();
      const old = await openDatabase(earlier.target);
      try {
        await applyMigrations(old.adapterFactory);
        await seedDatabase(old.prisma, earlierRelease);
        expect(await old.prisma.commitment.count({ where: { code: { startsWith: 'P09-' } } })).toBe(0);
        // An admin corrected a commitment that the new ones push further down the list.
        const edited = { zh: '管理员修改的标题', en: 'Title edited by an admin' };
        const before = await old.prisma.commitment.update({
          where: { code: 'P10-victims-support' },
          data: { title: edited, version: { increment: 1 } },
        });
        const version = await readRollupVersion(old.prisma);

        expect((await seedDatabase(old.prisma, data)).skipped).toBe(false);
        const rows = await old.prisma.commitment.findMany({
          orderBy: { sortOrder: 'asc' },
          include: { theme: { select: { code: true } }, paragraph: { select: { number: true } } },
        });
        // Every shipped commitment once, in the shipped order: nothing duplicated, nothing left behind.
        expect(rows.map((row) => row.code)).toEqual(shippedCommitments.map((commitment) => commitment.code));
        expect(rows.map((row) => row.sortOrder)).toEqual(shippedCommitments.map((_, index) => index));
        for (const row of rows.filter((candidate) => candidate.code.startsWith('P09-'))) {
          expect(row).toMatchObject({ addressee: 'MEMBER_STATES', strength: 'OBLIGATION', version: 1 });
          expect(row.theme.code).toBe('charter');
          expect(row.paragraph.number).toBe(9);
        }
        const victims = rows.find((row) => row.code === 'P10-victims-support')!;
        expect(victims).toMatchObject({ id: before.id, title: edited, summary: before.summary, version: 2 });
        expect(await old.prisma.theme.count()).toBe(data.themes.length);
        // The dashboard's cached figures count and label commitments: they are stale now.
        expect(Number(await readRollupVersion(old.prisma))).toBeGreaterThan(Number(version));
        expect((await seedDatabase(old.prisma, data)).skipped).toBe(true);
        expect(await old.prisma.commitment.count()).toBe(shippedCommitments.length);
      } finally {
        await old.close();
        await earlier.dispose();
      }
    },
  );
});
