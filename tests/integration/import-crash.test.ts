import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db';
import { syntheticEvidenceCsv } from '../../scripts/lib/synthetic-evidence';
import { POSTGRES_SKIP_MESSAGE, TEST_DATABASE_URL } from '../support/databases';
import { runCount } from '../support/run-counts';
import { seededDatabase, type TestDatabase } from '../support/test-database';

/**
 * An import killed with SIGKILL in the middle of its transaction leaves all rows or none: PostgreSQL rolls back
 * the transaction of a client that vanished. The import runs in a child process against a scratch database; the
 * test waits until pg_stat_activity shows that transaction inserting sources (after the records and revisions),
 * kills the process, and finds nothing written. The same import run to its end writes every row.
 *
 * IMPORT_CRASH_ROWS (default 20,000) sets the file's size: enough rows that the import is still writing when the
 * test looks; the test waits for that moment however long the machine takes, and fails only if the import ends
 * without ever being seen there.
 */
const ROWS = runCount('IMPORT_CRASH_ROWS', 20_000);

if (!TEST_DATABASE_URL) console.warn(POSTGRES_SKIP_MESSAGE);

describe.skipIf(!TEST_DATABASE_URL)('an import killed mid-transaction (PostgreSQL)', () => {
  let scratch: TestDatabase;
  let db: Database;
  let monitor: pg.Client;
  let dir: string;
  let csvPath: string;
  let userId: number;
  let databaseName: string;

  beforeAll(async () => {
    scratch = await seededDatabase('postgresql');
    db = scratch.db;
    userId = (
      await db.prisma.user.create({
        data: { email: 'crash@test.example', name: 'Crash', role: 'EDITOR', passwordHash: 'x' },
      })
    ).id;
    dir = mkdtempSync(join(tmpdir(), 'ct-crash-'));
    csvPath = join(dir, 'evidence.csv');
    writeFileSync(csvPath, await syntheticEvidenceCsv({ limit: ROWS }));
    const url = scratch.target.kind === 'postgresql' ? scratch.target.url : '';
    databaseName = new URL(url).pathname.slice(1);
    monitor = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await monitor.connect();
  });

  afterAll(async () => {
    await monitor?.end();
    await scratch?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function startImport(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
    const url = scratch.target.kind === 'postgresql' ? scratch.target.url : '';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/import-child.ts', url, String(userId), csvPath],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, output: () => output };
  }

  async function counts() {
    const [row] = await db.prisma.$queryRaw<{ evidence: number; revisions: number; sources: number; audits: number }[]>`
      SELECT (SELECT count(*) FROM "Evidence")::int AS evidence,
             (SELECT count(*) FROM "EvidenceRevision")::int AS revisions,
             (SELECT count(*) FROM "EvidenceSource")::int AS sources,
             (SELECT count(*) FROM "AuditEvent" WHERE action = 'evidence.import')::int AS audits`;
    return row!;
  }

  /** Sessions of the scratch database that are inserting evidence sources inside a transaction. */
  async function writers(): Promise<{ pid: number; query: string }[]> {
    const { rows } = await monitor.query<{ pid: number; query: string }>(
      `SELECT pid, query FROM pg_stat_activity
       WHERE datname = $1 AND xact_start IS NOT NULL
         AND query ILIKE '%INSERT INTO "EvidenceSource"%'`,
      [databaseName],
    );
    return rows;
  }

  it('leaves none of the rows when killed while inserting', async () => {
    const run = startImport();
    let seen: { pid: number; query: string }[] = [];
    // However slow the machine, until the import is seen inserting or has ended (the test's timeout catches a hang).
    while (seen.length === 0 && run.child.exitCode === null && run.child.signalCode === null) {
      seen = await writers();
      if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen.length, `the import never reached its source inserts: ${run.output()}`).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    expect(await run.exited).toBeNull();
    // PostgreSQL notices the vanished client and rolls its transaction back.
    const pid = seen[0]!.pid;
    while ((await monitor.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rows.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await counts()).toEqual({ evidence: 0, revisions: 0, sources: 0, audits: 0 });
  });

  it('writes every row when left to finish', async () => {
    const run = startImport();
    expect(await run.exited, run.output()).toBe(0);
    const after = await counts();
    expect(after).toMatchObject({ evidence: ROWS, revisions: ROWS, audits: 1 });
    expect(after.sources).toBeGreaterThanOrEqual(ROWS);
  });
});
