import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBenchData } from '@/bench/data/load';
import { compareOverview } from '@/bench/naive-overview';
import { openDatabase, type DatabaseTarget } from '@/lib/db';
import {
  createPgliteDirectory,
  createPostgresDatabase,
  POSTGRES_SKIP_MESSAGE,
  TEST_DATABASE_URL,
  type ScratchDatabase,
} from '../support/databases';

/**
 * The benchmark loader writes with COPY: from a stream on a PostgreSQL server (these tests need TEST_DATABASE_URL),
 * from in-memory blobs on PGlite (run always). Two databases filled with the same seed must hold the same rows,
 * down to the timestamps, whichever engine holds them.
 */
if (!TEST_DATABASE_URL) console.warn(POSTGRES_SKIP_MESSAGE);
const enabled = Boolean(TEST_DATABASE_URL);

const FINGERPRINTS = {
  Evidence: `SELECT e.id, a.code, c.code, e.version, e.state, e."latestRevision", u.email, e."createdAt", e."updatedAt"
             FROM "Evidence" e JOIN "Actor" a ON a.id = e."actorId" JOIN "Commitment" c ON c.id = e."commitmentId"
             JOIN "User" u ON u.id = e."createdById" ORDER BY e.id`,
  EvidenceRevision: `SELECT r.id, r."evidenceId", r.number, r."observedOn", r.status, r.score, r.summary, r.visibility,
             r.tags, r.state, au.email, r."createdAt", r."submittedAt", rv.email, r."reviewedAt", r."reviewComment"
             FROM "EvidenceRevision" r JOIN "User" au ON au.id = r."authorId" LEFT JOIN "User" rv ON rv.id = r."reviewerId"
             ORDER BY r.id`,
  EvidenceSource: `SELECT * FROM "EvidenceSource" ORDER BY id`,
  CurrentStatus: `SELECT a.code, c.code, s."publicOnly", s."revisionId", s.status, s.score, s."observedOn", s."verifiedAt"
             FROM "CurrentStatus" s JOIN "Actor" a ON a.id = s."actorId" JOIN "Commitment" c ON c.id = s."commitmentId"
             ORDER BY 1, 2, 3`,
  StatusChange: `SELECT a.code, c.code, s."publicOnly", s.month, s."fromStatus", s."toStatus"
             FROM "StatusChange" s JOIN "Actor" a ON a.id = s."actorId" JOIN "Commitment" c ON c.id = s."commitmentId"
             ORDER BY 1, 2, 3, 4`,
};

async function fingerprints(target: DatabaseTarget): Promise<Record<string, { rows: number; md5: string }>> {
  const db = await openDatabase(target);
  try {
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const [table, query] of Object.entries(FINGERPRINTS)) {
      const rows = await db.prisma.$queryRawUnsafe<{ rows: number; md5: string }[]>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|'), '')) AS md5 FROM (${query}) t`,
      );
      result[table] = rows[0]!;
    }
    return result;
  } finally {
    await db.close();
  }
}

/** Indexes, foreign keys and triggers set aside during a load are all back, and the change feed has its position. */
async function expectRestoredSchema(target: DatabaseTarget): Promise<void> {
  const db = await openDatabase(target);
  const query = <R>(sql: string) => db.prisma.$queryRawUnsafe<R[]>(sql);
  try {
    const foreignKeys = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'
       AND conrelid IN ('"Evidence"'::regclass, '"EvidenceRevision"'::regclass, '"EvidenceSource"'::regclass)`,
    );
    expect(foreignKeys[0]!.n).toBe(7);
    const indexes = await query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'EvidenceRevision' ORDER BY 1`,
    );
    expect(indexes.map((row) => row.indexname)).toContain('EvidenceRevision_evidenceId_number_key');
    expect(indexes.map((row) => row.indexname)).toContain('EvidenceRevision_state_observedOn_idx');
    expect(indexes).toHaveLength(6);
    // The change feed's position: every record has the load's transaction id, its index is back, and the
    // triggers of the child tables, set aside during the load, are on again.
    const feed = await query<{ positions: number; unset: number }>(
      `SELECT count(DISTINCT "changeXid")::int AS positions, count(*) FILTER (WHERE "changeXid" <= 0)::int AS unset
       FROM "Evidence"`,
    );
    expect(feed[0]).toEqual({ positions: 1, unset: 0 });
    const evidenceIndexes = await query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'Evidence'`,
    );
    expect(evidenceIndexes.map((row) => row.indexname)).toContain('Evidence_changeXid_id_idx');
    const triggers = await query<{ enabled: string; n: number }>(
      `SELECT tgenabled::text AS enabled, count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal
       AND tgrelid IN ('"Evidence"'::regclass, '"EvidenceRevision"'::regclass, '"EvidenceSource"'::regclass)
       GROUP BY 1`,
    );
    // All of them on (one group, 'O'), however many triggers later migrations add.
    expect(triggers.map((row) => row.enabled)).toEqual(['O']);
    expect(triggers[0]!.n).toBeGreaterThanOrEqual(9);
  } finally {
    await db.close();
  }
}

describe('benchmark data loader (PostgreSQL)', () => {
  let first: ScratchDatabase;
  let second: ScratchDatabase;
  const url = (db: ScratchDatabase) => (db.target.kind === 'postgresql' ? db.target.url : '');
  const log = () => {};

  beforeAll(async () => {
    if (!enabled) return;
    first = await createPostgresDatabase();
    second = await createPostgresDatabase();
  });
  afterAll(async () => {
    await first?.dispose();
    await second?.dispose();
  });

  it.skipIf(!enabled)('fills two databases with identical rows from the same seed', async () => {
    const a = await ensureBenchData({ target: first.target, size: 'xs', log });
    const b = await ensureBenchData({ target: second.target, size: 'xs', log });
    expect(a.skipped).toBe(false);
    expect(a.marker.evidence).toBeGreaterThan(50);
    expect(a.marker.revisions).toBeGreaterThan(a.marker.evidence);
    const fa = await fingerprints(first.target);
    expect(fa.CurrentStatus!.rows).toBeGreaterThan(0);
    expect(fa.StatusChange!.rows).toBeGreaterThan(fa.CurrentStatus!.rows / 2);
    expect(fa.Evidence!.rows).toBe(a.marker.evidence);
    expect(await fingerprints(second.target)).toEqual(fa);
    expect(b.marker.evidence).toBe(a.marker.evidence);
  });

  it.skipIf(!enabled)('skips a loaded size, and regenerates the same rows when forced', async () => {
    const before = await fingerprints(first.target);
    const again = await ensureBenchData({ target: first.target, size: 'xs', log });
    expect(again.skipped).toBe(true);
    const forced = await ensureBenchData({ target: first.target, size: 'xs', force: true, log });
    expect(forced.skipped).toBe(false);
    expect(await fingerprints(first.target)).toEqual(before);
    await expectRestoredSchema(first.target);
  });

  it.skipIf(!enabled)('reloads a size whose states or commitments changed since it was loaded', async () => {
    const before = await fingerprints(first.target);
    const client = new pg.Client({ connectionString: url(first) });
    await client.connect();
    try {
      // As after a release that adds commitments: the marker names the pairs of the earlier seed.
      await client.query(
        `UPDATE "Setting" SET value = jsonb_set(value, '{pairs}', '"0000000000000000"') WHERE key = 'benchData'`,
      );
    } finally {
      await client.end();
    }
    const reloaded = await ensureBenchData({ target: first.target, size: 'xs', log });
    expect(reloaded.skipped).toBe(false);
    expect(reloaded.marker.pairs).not.toBe('0000000000000000');
    expect(await fingerprints(first.target)).toEqual(before);
    expect((await ensureBenchData({ target: first.target, size: 'xs', log })).skipped).toBe(true);
  });

  it.skipIf(!enabled)('computes the same overview naively in JavaScript as in SQL over the rollups', async () => {
    const db = await openDatabase(first.target);
    try {
      const comparison = await compareOverview(db.prisma, 1);
      expect(comparison.rowsRead).toBeGreaterThan(50);
      expect(comparison.months).toBeGreaterThan(200);
      expect(comparison.ratio).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!enabled)('refuses to replace evidence that it did not write', async () => {
    const client = new pg.Client({ connectionString: url(second) });
    await client.connect();
    try {
      await client.query(`DELETE FROM "Setting" WHERE key = 'benchData'`);
    } finally {
      await client.end();
    }
    await expect(ensureBenchData({ target: second.target, size: 'xs', log })).rejects.toThrow(/refusing to replace/);
  });
});

describe('benchmark data loader (PGlite)', () => {
  const directory = createPgliteDirectory();
  const log = () => {};
  afterAll(() => directory.dispose());

  it('fills a PGlite directory with the rows, rollups and schema of a load, and keeps it on a second call', async () => {
    const loaded = await ensureBenchData({ target: directory.target, size: 'xs', log });
    expect(loaded.skipped).toBe(false);
    expect(loaded.marker.evidence).toBeGreaterThan(50);
    const counts = await fingerprints(directory.target);
    expect(counts.Evidence!.rows).toBe(loaded.marker.evidence);
    expect(counts.EvidenceRevision!.rows).toBe(loaded.marker.revisions);
    expect(counts.EvidenceSource!.rows).toBe(loaded.marker.sources);
    expect(counts.CurrentStatus!.rows).toBeGreaterThan(0);
    expect(counts.StatusChange!.rows).toBeGreaterThan(counts.CurrentStatus!.rows / 2);
    await expectRestoredSchema(directory.target);
    const again = await ensureBenchData({ target: directory.target, size: 'xs', log });
    expect(again.skipped).toBe(true);
    expect(again.marker).toEqual(loaded.marker);
  });

  it.skipIf(!enabled)('holds the same rows as a PostgreSQL database filled from the same seed', async () => {
    const postgres = await createPostgresDatabase();
    try {
      await ensureBenchData({ target: postgres.target, size: 'xs', log });
      expect(await fingerprints(directory.target)).toEqual(await fingerprints(postgres.target));
    } finally {
      await postgres.dispose();
    }
  });
});
