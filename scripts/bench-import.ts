// npm run bench:import [-- --file evidence.csv] [--size s] [--url postgresql://postgres@127.0.0.1:5432/postgres]
//                       [--pglite-rows 20000]
// Measures the evidence CSV import on PostgreSQL (a scratch database, created and dropped) next to PostgreSQL's
// own COPY of the same rows into a staging table of the same shape, in the same run, and prints both in rows/s;
// then the same import on an embedded PGlite (a fresh directory, removed after) of the file's first --pglite-rows
// rows (0: skip; PGlite runs PostgreSQL in WebAssembly, single-threaded, so the full S file would take minutes).
// Beside each wall time it prints the CPU time of this process, which a loaded machine inflates far less.
// Without --file it imports the dashboard benchmark's synthetic evidence of --size (default s: 193 states × 32
// commitments × ~20 records), from bench/data/generator.ts with its fixed seed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { resolveSession } from '@/lib/auth/sessions';
import { createSession } from '@/lib/auth/sessions';
import { csvStream, csvText, parseCsv } from '@/lib/csv';
import { openDatabase, type Database } from '@/lib/db';
import { env } from '@/lib/env';
import { applyMigrations } from '@/lib/migrate';
import { importEvidence } from '@/lib/operations/transfer';
import { seedDatabase } from '@/lib/seed';
import { BASE_COLUMNS } from '@/lib/transfer/evidence-csv';
import { runTransaction } from '@/lib/transaction';
import { syntheticEvidenceCsv } from './lib/synthetic-evidence';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    size: { type: 'string', default: 's' },
    url: {
      type: 'string',
      default: env().BENCH_DATABASE_URL || env().TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
    },
    intent: { type: 'string', default: 'draft' },
    'pglite-rows': { type: 'string', default: '20000' },
  },
});

const adminUrl = values.url!;
const name = `ct_bench_${randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const COLUMN_TYPES: Record<string, string> = { id: 'int', version: 'int', observed_on: 'date', score: 'int' };

function rate(rows: number, ms: number) {
  return Math.round(rows / (ms / 1000)).toLocaleString('en');
}

/** A migrated, seeded database with the bench's importer: a reviewer enrolled in a second factor and past it. */
async function prepare(db: Database) {
  await applyMigrations(db.adapterFactory);
  await seedDatabase(db.prisma);
  const row = await db.prisma.user.create({
    data: { email: 'bench@localhost', name: 'Bench', role: 'REVIEWER', passwordHash: 'x', totpEnabledAt: new Date() },
  });
  return resolveSession(db.prisma, await runTransaction(db.prisma, (tx) => createSession(tx, row)));
}

/** The import as the apply step runs it (parse, check every row, write, audit, commit): wall and CPU ms. */
async function timedImport(db: Database, user: Awaited<ReturnType<typeof prepare>>, csv: string) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await importEvidence.run(
    { user, requestId: 'bench', prisma: db.prisma },
    { csv, intent: values.intent, fileName: values.file ?? 'synthetic.csv' },
  );
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome).slice(0, 2000)}`);
  const [counts] = await db.prisma.$queryRaw<{ evidence: number; revisions: number; sources: number }[]>`
    SELECT (SELECT count(*) FROM "Evidence")::int AS evidence, (SELECT count(*) FROM "EvidenceRevision")::int AS revisions,
           (SELECT count(*) FROM "EvidenceSource")::int AS sources`;
  return { ms, cpuMs: (used.user + used.system) / 1000, counts: counts! };
}

function report(label: string, rows: number, result: Awaited<ReturnType<typeof timedImport>>) {
  const { ms, cpuMs, counts } = result;
  console.log(
    `${label} (${values.intent}): ${rows.toLocaleString('en')} rows in ${(ms / 1000).toFixed(2)} s = ` +
      `${rate(rows, ms)} rows/s; this process's CPU ${(cpuMs / 1000).toFixed(2)} s  (wrote ${counts.evidence} ` +
      `records, ${counts.revisions} revisions, ${counts.sources} sources)`,
  );
}

await admin(`CREATE DATABASE ${name}`);
let exitCode = 0;
try {
  const db = await openDatabase({ kind: 'postgresql', url: url.toString() });
  const user = await prepare(db);

  const started = performance.now();
  const csv = values.file
    ? readFileSync(values.file, 'utf8')
    : await syntheticEvidenceCsv({ size: values.size as 'xs' | 's' | 'l' });
  const header = parseCsv(csv.slice(0, csv.indexOf('\n') + 1))[0]!.cells;
  const rows = parseCsv(csv).length - 1;
  console.log(
    `${values.file ? `File ${values.file}` : 'Generated'}: ${rows.toLocaleString('en')} rows, ` +
      `${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB (${Math.round(performance.now() - started)} ms)`,
  );

  const imported = await timedImport(db, user, csv);
  const importMs = imported.ms;
  await db.close();

  // PostgreSQL's own COPY of the same file into a staging table of the same shape.
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => {});
  await client.connect();
  const columns = header.map((column) => `"${column}" ${COLUMN_TYPES[column] ?? 'text'}`).join(', ');
  await client.query(`CREATE TABLE evidence_csv_staging (${columns})`);
  const copyStart = performance.now();
  await client.query('BEGIN');
  await pipeline(
    Readable.from([Buffer.from(csv.replace(/^\uFEFF/, ''))]),
    client.query(copyFrom(`COPY evidence_csv_staging FROM STDIN WITH (FORMAT csv, HEADER true)`)),
  );
  await client.query('COMMIT').catch(async (error) => {
    await client.end();
    throw error;
  });
  const copyMs = performance.now() - copyStart;
  const { rows: copied } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_csv_staging');
  await client.end();

  report('Import, PostgreSQL', rows, imported);
  console.log(
    `COPY:   ${copied[0]!.n.toLocaleString('en')} rows in ${(copyMs / 1000).toFixed(2)} s = ${rate(copied[0]!.n, copyMs)} rows/s  ` +
      `(one staging table of the CSV's ${header.length} columns, ${BASE_COLUMNS.length} of them base columns)`,
  );
  console.log(`Import takes ${(importMs / copyMs).toFixed(1)}× as long as COPY.`);

  // The same import on a fresh embedded PGlite, of the file's first rows.
  const pgliteRows = Math.min(rows, Number(values['pglite-rows']));
  if (pgliteRows > 0) {
    const [headerRecord, ...records] = parseCsv(csv);
    async function* cells() {
      for (const record of records.slice(0, pgliteRows)) yield record.cells;
    }
    const subset = await csvText(csvStream(headerRecord!.cells, cells()));
    const root = mkdtempSync(join(tmpdir(), 'ct-bench-pglite-'));
    try {
      const lite = await openDatabase({ kind: 'pglite', dir: join(root, 'pglite') });
      try {
        report('Import, PGlite', pgliteRows, await timedImport(lite, await prepare(lite), subset));
      } finally {
        await lite.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
process.exit(exitCode);
