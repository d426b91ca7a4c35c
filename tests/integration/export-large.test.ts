import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '@/lib/csv';
import type { Database } from '@/lib/db';
import {
  EXPORT_BATCH_SIZE,
  evidenceExportCells,
  evidenceHeader,
  exportSourceGroups,
} from '@/lib/transfer/evidence-csv';
import { parseEvidenceExportFilter } from '@/lib/validation/transfer';
import { createTestDatabase } from '../support/test-database';

/**
 * A 150,000-row evidence export streams: it reads the database in keyset batches and holds about one batch in
 * memory, however long the file. The rows are made in SQL so that the test spends its time on the export.
 */
const ROWS = 150_000;

let db: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const started = performance.now();
  ({ db, dispose } = await createTestDatabase());
  const [user] = await db.prisma.$queryRaw<{ id: number }[]>`
    INSERT INTO "User" (email, name, "passwordHash", role, "updatedAt")
    VALUES ('bulk@test.example', 'Bulk', 'x', 'EDITOR', now()) RETURNING id`;
  await db.prisma.$executeRaw`
    INSERT INTO "Evidence" ("actorId", "commitmentId", state, "latestRevision", "createdById", "updatedAt")
    WITH a AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Actor" WHERE kind = 'MEMBER_STATE'),
         c AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Commitment" WHERE addressee = 'MEMBER_STATES')
    SELECT a.ids[1 + n % cardinality(a.ids)], c.ids[1 + n % cardinality(c.ids)], 'DRAFT', 1, ${user!.id}, now()
    FROM generate_series(1, ${ROWS}) n, a, c`;
  await db.prisma.$executeRaw`
    INSERT INTO "EvidenceRevision" ("evidenceId", number, "observedOn", status, summary, tags, "authorId")
    SELECT e.id, 1, DATE '2020-01-01' + (e.id % 1500), 'IN_PROGRESS',
           jsonb_build_object('en', 'Bulk record ' || e.id || ', "quoted", =formula', 'zh', '批量记录 ' || e.id),
           ARRAY['bulk', 'test'], ${user!.id}
    FROM "Evidence" e`;
  await db.prisma.$executeRaw`
    INSERT INTO "EvidenceSource" ("revisionId", type, url, "sortOrder")
    SELECT r.id, 'OTHER', 'https://example.org/' || r.id, 0 FROM "EvidenceRevision" r`;
  // What autovacuum does on a live database after a bulk write: without statistics the planner takes these tables
  // for small ones and joins them whole for every batch.
  await db.prisma.$executeRaw`ANALYZE "Evidence", "EvidenceRevision", "EvidenceSource"`;
  console.info(`export-large: ${ROWS} rows made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
afterAll(async () => dispose?.());

describe('a large evidence export', () => {
  it(`streams ${ROWS.toLocaleString('en')} rows in batches of ${EXPORT_BATCH_SIZE} with bounded memory`, async () => {
    let queries = 0;
    const counting = new Proxy(db.prisma, {
      get(target, property, receiver) {
        if (property === '$queryRaw') {
          return (...args: Parameters<typeof target.$queryRaw>) => {
            queries++;
            return target.$queryRaw(...args);
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const filter = parseEvidenceExportFilter({});
    const audience = { publicOnly: false, userId: null };
    const groups = await exportSourceGroups(db.prisma, filter, audience);
    const stream = csvStream(evidenceHeader(groups), evidenceExportCells(counting, filter, audience, groups));

    // A reader that pauses holds the export back: the rows are read from the database only as the file is read.
    const reader = stream.getReader();
    const first = (await reader.read()).value!;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(queries).toBeLessThanOrEqual(2);

    // Live memory, not garbage: collect before each sample (the integration project runs with --expose-gc).
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'run with --expose-gc').toBeTypeOf('function');
    gc!();
    const baseline = process.memoryUsage().heapUsed;
    let chunks = 0;
    let peak = 0;
    let bytes = first.length;
    let lines = first.filter((byte) => byte === 0x0a).length;
    let last = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 0x0a) lines++;
      last = new TextDecoder().decode(value.subarray(Math.max(0, value.length - 200)));
      if (++chunks % 500 === 0) {
        gc!();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(lines).toBe(ROWS + 1);
    // One query per batch, plus the empty read that ends the last full batch.
    expect(queries).toBe(Math.ceil(ROWS / EXPORT_BATCH_SIZE) + (ROWS % EXPORT_BATCH_SIZE === 0 ? 1 : 0));
    expect(last).toContain(`Bulk record`);
    // The file is tens of megabytes; the heap grows by a small part of that.
    console.info(
      `export: ${(bytes / 1e6).toFixed(1)} MB, ${queries} queries, heap peak +${(peak / 1e6).toFixed(1)} MB`,
    );
    expect(bytes).toBeGreaterThan(20e6);
    // The file is tens of megabytes; what stays alive while it streams is a few batches.
    expect(peak).toBeLessThan(bytes / 4);
  });
});
