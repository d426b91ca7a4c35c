// npm run bench:import [-- --file evidence.csv] [--size s] [--url postgresql://postgres@127.0.0.1:5432/postgres]
// Measures the evidence CSV import on PostgreSQL (a scratch database, created and dropped) next to PostgreSQL's
// own COPY of the same rows into a staging table of the same shape, in the same run, and prints both in rows/s.
// Without --file it imports the dashboard benchmark's synthetic evidence of --size (default s: 193 states × 32
// commitments × ~20 records), from bench/data/generator.ts with its fixed seed.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { resolveSession } from '@/lib/auth/sessions';
import { createSession } from '@/lib/auth/sessions';
import { parseCsv } from '@/lib/csv';
import { openDatabase } from '@/lib/db';
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
      default:
        process.env.BENCH_DATABASE_URL ||
        process.env.TEST_DATABASE_URL ||
        'postgresql://postgres@127.0.0.1:5432/postgres',
    },
    intent: { type: 'string', default: 'draft' },
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

await admin(`CREATE DATABASE ${name}`);
let exitCode = 0;
try {
  const db = await openDatabase({ kind: 'postgresql', url: url.toString() });
  await applyMigrations(db.adapterFactory);
  await seedDatabase(db.prisma);
  const row = await db.prisma.user.create({
    // Enrolled in a second factor (a reviewer must be), its session past it: the bench signs in no other way.
    data: { email: 'bench@localhost', name: 'Bench', role: 'REVIEWER', passwordHash: 'x', totpEnabledAt: new Date() },
  });
  const user = await resolveSession(db.prisma, await runTransaction(db.prisma, (tx) => createSession(tx, row)));

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

  // The import, as the apply step runs it: parse, check every row, write, audit, commit.
  const importStart = performance.now();
  const outcome = await importEvidence.run(
    { user, requestId: 'bench', prisma: db.prisma },
    { csv, intent: values.intent, fileName: values.file ?? 'synthetic.csv' },
  );
  const importMs = performance.now() - importStart;
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome).slice(0, 2000)}`);
  const counts = await db.prisma.$queryRaw<{ evidence: number; revisions: number; sources: number }[]>`
    SELECT (SELECT count(*) FROM "Evidence")::int AS evidence, (SELECT count(*) FROM "EvidenceRevision")::int AS revisions,
           (SELECT count(*) FROM "EvidenceSource")::int AS sources`;
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

  console.log(
    `Import (${values.intent}): ${rows.toLocaleString('en')} rows in ${(importMs / 1000).toFixed(2)} s = ` +
      `${rate(rows, importMs)} rows/s  (wrote ${counts[0]!.evidence} records, ${counts[0]!.revisions} revisions, ` +
      `${counts[0]!.sources} sources)`,
  );
  console.log(
    `COPY:   ${copied[0]!.n.toLocaleString('en')} rows in ${(copyMs / 1000).toFixed(2)} s = ${rate(copied[0]!.n, copyMs)} rows/s  ` +
      `(one staging table of the CSV's ${header.length} columns, ${BASE_COLUMNS.length} of them base columns)`,
  );
  console.log(`Import takes ${(importMs / copyMs).toFixed(1)}× as long as COPY.`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
process.exit(exitCode);
