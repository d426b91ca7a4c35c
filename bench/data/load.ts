import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '@/lib/auth/password';
import { openDatabase, type DatabaseTarget } from '@/lib/db';
import { rebuildAllRollups } from '@/lib/evidence/rollups';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { applyMigrations } from '@/lib/migrate';
import { seedDatabase } from '@/lib/seed';
import {
  BENCH_EDITORS,
  BENCH_REVIEWERS,
  BENCH_VIEWER,
  benchPairs,
  DEFAULT_SEED,
  generateEvidence,
  GENERATOR_VERSION,
  pairsFingerprint,
  type BenchRecord,
  type BenchSize,
} from './generator';

/**
 * Loads the synthetic data of bench/data/generator.ts into a PostgreSQL database or an embedded (PGlite) data
 * directory: creates the PostgreSQL database when missing, migrates and seeds it with the app's own functions, adds
 * the synthetic accounts, then replaces all evidence in ONE transaction (COPY into the three evidence tables with
 * their secondary indexes and foreign keys set aside and restored afterwards, then the rollups of
 * lib/evidence/rollups.ts), so an interrupted load leaves the previous data. On PostgreSQL the rows stream through
 * the wire protocol (COPY FROM STDIN); PGlite, which runs in this process, reads them from in-memory blobs (COPY FROM
 * '/dev/blob'). A Setting row records what was loaded; the same generator version, size, seed and set of states and
 * commitments is not loaded twice unless forced.
 */
export const BENCH_SETTING_KEY = 'benchData';

/** Editors and reviewers never sign in: one fixed argon2id hash of a discarded random password. */
const UNUSABLE_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$UBZC63/HCSubeiXxg3MPsA$DChPehzR29X8eKBOo+69fTfyXdtY1SVuQMRO5nGrsrs';

export interface LoadOptions {
  /** A PostgreSQL URL, or a PGlite directory (no other process may have it open: lib/db-target.ts locks it). */
  target: DatabaseTarget;
  size: BenchSize;
  seed?: number;
  force?: boolean;
  log?: (line: string) => void;
}

export interface BenchMarker {
  version: number;
  size: BenchSize;
  seed: number;
  /** pairsFingerprint of the states and commitments loaded (absent before generator v2). */
  pairs?: string;
  evidence: number;
  revisions: number;
  sources: number;
  loadedAt: string;
  seconds: number;
}

export interface LoadResult {
  skipped: boolean;
  marker: BenchMarker;
}

export function defaultBenchUrl(size: BenchSize): string {
  return `postgresql://postgres@127.0.0.1:5432/ct_bench_${size}`;
}

/**
 * The DATA_DIR of the benchmark's embedded database of one size (absolute, under the working directory's
 * .tmp/bench); the server started with it (and no DATABASE_URL) opens `<DATA_DIR>/pglite`, see benchPgliteTarget.
 */
export function defaultBenchDataDir(size: BenchSize): string {
  return join(process.cwd(), '.tmp', 'bench', `pglite-${size}`);
}

/** The PGlite target that a server with DATA_DIR=dataDir uses (lib/db-target.ts configuredTarget). */
export function benchPgliteTarget(dataDir: string): DatabaseTarget {
  return { kind: 'pglite', dir: join(dataDir, 'pglite') };
}

/** A target for the log: the URL without its credentials, or the PGlite directory. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'postgresql') return target.url.replace(/\/\/[^@/]*@/, '//…@');
  return target.dir ? `PGlite ${target.dir}` : 'PGlite in memory';
}

/** Creates the database named in the URL when it does not exist (connecting to the server's `postgres` one). */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Database name "${name}" in ${url}: use letters, digits and underscores only.`);
  }
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// COPY text format

function field(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A timestamp(3) column holds UTC without a zone, as Prisma writes it. */
const timestamp = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').replace('Z', '') : null);

interface Ids {
  actors: Map<string, number>;
  commitments: Map<string, number>;
  users: Map<string, number>;
}

type Table = 'Evidence' | 'EvidenceRevision' | 'EvidenceSource';

const COLUMNS: Record<Table, string[]> = {
  Evidence: [
    'id',
    'actorId',
    'commitmentId',
    'version',
    'state',
    'latestRevision',
    'createdById',
    'createdAt',
    'updatedAt',
  ],
  EvidenceRevision: [
    'id',
    'evidenceId',
    'number',
    'observedOn',
    'status',
    'score',
    'summary',
    'visibility',
    'tags',
    'state',
    'authorId',
    'createdAt',
    'submittedAt',
    'reviewerId',
    'reviewedAt',
    'reviewComment',
  ],
  EvidenceSource: ['id', 'revisionId', 'type', 'url', 'reference', 'title', 'publishedOn', 'sortOrder'],
};

function lookup(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Bench data: unknown ${what} ${key} (is the database seeded?)`);
  return id;
}

/**
 * The lines of one table, with ids given in generation order (evidence 1…, revisions 1…, sources 1…), so the three
 * passes over the generator agree without holding anything in memory.
 */
function* tableLines(table: Table, records: Iterable<BenchRecord>, ids: Ids): Generator<string> {
  let evidenceId = 0;
  let revisionId = 0;
  let sourceId = 0;
  for (const record of records) {
    evidenceId += 1;
    if (table === 'Evidence') {
      const first = record.revisions[0]!;
      const last = record.revisions.at(-1)!;
      // Every save, submission and decision bumps the optimistic-lock version.
      const version = record.revisions.reduce(
        (n, rev) => n + 1 + (rev.submittedAt ? 1 : 0) + (rev.reviewedAt ? 1 : 0),
        0,
      );
      yield [
        evidenceId,
        lookup(ids.actors, record.actorCode, 'member state'),
        lookup(ids.commitments, record.commitmentCode, 'commitment'),
        version,
        last.state,
        last.number,
        lookup(ids.users, first.author, 'user'),
        timestamp(first.createdAt),
        timestamp(last.reviewedAt ?? last.submittedAt ?? last.createdAt),
      ]
        .map(field)
        .join('\t');
      continue;
    }
    for (const revision of record.revisions) {
      revisionId += 1;
      if (table === 'EvidenceRevision') {
        yield [
          revisionId,
          evidenceId,
          revision.number,
          revision.observedOn,
          revision.status,
          revision.score,
          JSON.stringify(revision.summary),
          revision.visibility,
          `{${revision.tags.join(',')}}`,
          revision.state,
          lookup(ids.users, revision.author, 'user'),
          timestamp(revision.createdAt),
          timestamp(revision.submittedAt),
          revision.reviewer ? lookup(ids.users, revision.reviewer, 'user') : null,
          timestamp(revision.reviewedAt),
          revision.reviewComment,
        ]
          .map(field)
          .join('\t');
        continue;
      }
      for (const [index, source] of revision.sources.entries()) {
        sourceId += 1;
        yield [sourceId, revisionId, source.type, source.url, source.reference, source.title, source.publishedOn, index]
          .map(field)
          .join('\t');
      }
    }
  }
}

/** Lines joined into ~256 KB chunks: one stream write per line would dominate the time. */
function* chunks(lines: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const line of lines) {
    buffer.push(line);
    length += line.length + 1;
    if (length >= 256 * 1024) {
      yield buffer.join('\n') + '\n';
      buffer = [];
      length = 0;
    }
  }
  if (buffer.length > 0) yield buffer.join('\n') + '\n';
}

/**
 * The one session the load runs on (its transaction spans all statements): a pg client on PostgreSQL, the engine
 * itself on PGlite. `query` takes $1-style parameters; `copy` writes one table's lines in COPY text format.
 */
interface LoadConnection {
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  copy(table: Table, lines: Iterable<string>): Promise<void>;
}

function copyStatement(table: Table, source: string): string {
  const columns = COLUMNS[table].map((column) => `"${column}"`).join(', ');
  return `COPY "${table}" (${columns}) FROM ${source}`;
}

function postgresConnection(client: pg.Client): LoadConnection {
  return {
    async query<R>(text: string, values?: unknown[]) {
      const result = await client.query(text, values);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async copy(table, lines) {
      const sink = client.query(copyFrom(copyStatement(table, 'STDIN')));
      await pipeline(Readable.from(chunks(lines)), sink);
    },
  };
}

/** Characters per COPY on PGlite: each blob is copied into the engine's memory whole. */
const PGLITE_BLOB_CHARS = 16 * 1024 * 1024;

function pgliteConnection(engine: PGlite): LoadConnection {
  return {
    async query<R>(text: string, values?: unknown[]) {
      const result = await engine.query<R>(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async copy(table, lines) {
      const statement = copyStatement(table, `'/dev/blob'`);
      let parts: string[] = [];
      let length = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        await engine.query(statement, [], { blob: new Blob(parts) });
        parts = [];
        length = 0;
      };
      for (const chunk of chunks(lines)) {
        parts.push(chunk);
        length += chunk.length;
        if (length >= PGLITE_BLOB_CHARS) await flush();
      }
      await flush();
    },
  };
}

/** rebuildAllRollups takes a Prisma transaction; this runs its statements on the loading connection instead. */
function rollupExecutor(client: LoadConnection): Parameters<typeof rebuildAllRollups>[0] {
  const executeRaw = async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    const result = await client.query(sql.text, sql.values as unknown[]);
    return result.rowCount;
  };
  return { $executeRaw: executeRaw } as unknown as Parameters<typeof rebuildAllRollups>[0];
}

async function readMarker(client: LoadConnection): Promise<BenchMarker | null> {
  const { rows } = await client.query<{ value: BenchMarker }>('SELECT value FROM "Setting" WHERE key = $1', [
    BENCH_SETTING_KEY,
  ]);
  return rows[0]?.value ?? null;
}

/** The accounts the records name, plus the viewer the benchmark signs in as. Idempotent. */
async function ensureBenchUsers(prisma: PrismaClient): Promise<void> {
  const accounts = [
    ...BENCH_EDITORS.map((email, i) => ({ email, name: `Bench editor ${i + 1}`, role: 'EDITOR' as const })),
    ...BENCH_REVIEWERS.map((email, i) => ({ email, name: `Bench reviewer ${i + 1}`, role: 'REVIEWER' as const })),
  ];
  for (const account of accounts) {
    await prisma.user.upsert({
      where: { email: account.email },
      create: { ...account, passwordHash: UNUSABLE_PASSWORD_HASH },
      update: {},
    });
  }
  const viewer = {
    passwordHash: await hashPassword(BENCH_VIEWER.password),
    disabled: false,
    mustChangePassword: false,
  };
  await prisma.user.upsert({
    where: { email: BENCH_VIEWER.email },
    create: { email: BENCH_VIEWER.email, name: 'Bench viewer', role: 'VIEWER', ...viewer },
    update: viewer,
  });
}

async function idMaps(client: LoadConnection): Promise<Ids> {
  const map = (rows: { key: string; id: number }[]) => new Map(rows.map((row) => [row.key, row.id]));
  // One connection runs one query at a time.
  const actors = await client.query<{ key: string; id: number }>(
    `SELECT code AS key, id FROM "Actor" WHERE kind = 'MEMBER_STATE'`,
  );
  const commitments = await client.query<{ key: string; id: number }>(`SELECT code AS key, id FROM "Commitment"`);
  const users = await client.query<{ key: string; id: number }>(`SELECT email AS key, id FROM "User"`);
  return { actors: map(actors.rows), commitments: map(commitments.rows), users: map(users.rows) };
}

const TABLES: Table[] = ['Evidence', 'EvidenceRevision', 'EvidenceSource'];
/** The tables whose changes move their Evidence row in the change feed (migration evidence_change_feed). */
const CHILD_TABLES = ['EvidenceRevision', 'EvidenceSource'] as const;
const TABLE_LIST = TABLES.map((table) => `'"${table}"'::regclass`).join(', ');

/**
 * Loads (or keeps) the data of one size into a PostgreSQL database or a PGlite directory; returns what it now holds
 * (the marker's `seconds` is the time the evidence load took, of this call or of the earlier one it kept). Throws
 * when the database holds evidence that the benchmark did not write (unless forced), or when the directory is in use.
 */
export async function ensureBenchData({
  target,
  size,
  seed = DEFAULT_SEED,
  force = false,
  log = console.log,
}: LoadOptions): Promise<LoadResult> {
  if (target.kind === 'postgresql' && (await ensureDatabaseExists(target.url))) {
    log(`Created database ${new URL(target.url).pathname.slice(1)}.`);
  }
  const db = await openDatabase(target);
  let pgClient: pg.Client | null = null;
  try {
    const applied = await applyMigrations(db.adapterFactory);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
    const seeded = await seedDatabase(db.prisma);
    if (!seeded.skipped) log('Seeded the reference data.');
    await ensureBenchUsers(db.prisma);
    let client: LoadConnection;
    if (target.kind === 'postgresql') {
      pgClient = new pg.Client({ connectionString: target.url });
      await pgClient.connect();
      client = postgresConnection(pgClient);
    } else {
      client = pgliteConnection(db.pglite!);
    }
    return await loadEvidence(client, { size, seed, force, log });
  } finally {
    await pgClient?.end();
    await db.close();
  }
}

async function loadEvidence(
  client: LoadConnection,
  { size, seed, force, log }: { size: BenchSize; seed: number; force: boolean; log: (line: string) => void },
): Promise<LoadResult> {
  const pairs = benchPairs(size);
  const fingerprint = pairsFingerprint(pairs);
  const marker = await readMarker(client);
  const loaded =
    marker?.version === GENERATOR_VERSION &&
    marker.size === size &&
    marker.seed === seed &&
    marker.pairs === fingerprint;
  if (!force && marker && loaded) {
    log(
      `Size ${size} (seed ${seed}, generator v${GENERATOR_VERSION}) is already loaded: ` +
        `${marker.evidence.toLocaleString('en')} evidence records. Use --force to regenerate.`,
    );
    return { skipped: true, marker };
  }
  const {
    rows: [existing],
  } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Evidence"');
  if (!force && !marker && existing && existing.n > 0) {
    throw new Error(
      `The database holds ${existing.n} evidence records that the benchmark did not write; ` +
        'refusing to replace them (use another --database-url, or --force to replace them).',
    );
  }

  const started = Date.now();
  const ids = await idMaps(client);
  const records = () => generateEvidence({ size, seed, pairs });
  await client.query('BEGIN');
  try {
    // Secondary indexes and foreign keys are rebuilt once at the end, far faster than row by row.
    const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND conrelid IN (${TABLE_LIST})`,
    );
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i WHERE i.indrelid IN (${TABLE_LIST}) AND NOT i.indisprimary`,
    );
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    await client.query(
      'TRUNCATE "CurrentStatus", "StatusChange", "Attachment", "EvidenceSource", "EvidenceRevision", "Evidence" RESTART IDENTITY',
    );
    // Every Evidence row gets this transaction's id as its change-feed position from its own trigger; the
    // statement triggers of the child tables, which would only find the same id there, are set aside meanwhile.
    for (const table of CHILD_TABLES) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    for (const table of TABLES) {
      const tableStarted = Date.now();
      log(`  copying ${table}…`);
      await client.copy(table, tableLines(table, records(), ids));
      log(`  copied ${table} in ${((Date.now() - tableStarted) / 1000).toFixed(1)} s`);
    }
    for (const table of CHILD_TABLES) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    log(`  restoring ${indexes.length} indexes and ${foreignKeys.length} foreign keys…`);
    for (const index of indexes) await client.query(index.definition);
    for (const fk of foreignKeys) {
      await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
    }
    for (const table of TABLES) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`,
      );
    }
    // The planner's statistics still describe the empty tables of the start of this transaction: without them
    // the rebuild's per-revision lookups run as nested scans (51 minutes at L instead of seconds).
    for (const table of TABLES) await client.query(`ANALYZE "${table}"`);
    log('  rebuilding the status rollups…');
    await rebuildAllRollups(rollupExecutor(client));
    const {
      rows: [counts],
    } = await client.query<{ evidence: number; revisions: number; sources: number }>(
      `SELECT (SELECT count(*)::int FROM "Evidence") AS evidence,
                (SELECT count(*)::int FROM "EvidenceRevision") AS revisions,
                (SELECT count(*)::int FROM "EvidenceSource") AS sources`,
    );
    const written: BenchMarker = {
      version: GENERATOR_VERSION,
      size,
      seed,
      pairs: fingerprint,
      evidence: counts!.evidence,
      revisions: counts!.revisions,
      sources: counts!.sources,
      loadedAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [BENCH_SETTING_KEY, JSON.stringify(written)],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    log(
      `Loaded size ${size}: ${written.evidence.toLocaleString('en')} evidence records, ` +
        `${written.revisions.toLocaleString('en')} revisions, ${written.sources.toLocaleString('en')} sources ` +
        `in ${written.seconds} s.`,
    );
    return { skipped: false, marker: written };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Row counts of the tables the benchmark reads, for the results (opens and closes the database). */
export async function tableSizes(target: DatabaseTarget): Promise<Record<string, number>> {
  const db = await openDatabase(target);
  try {
    const tables = [
      'Actor',
      'Commitment',
      'User',
      'Evidence',
      'EvidenceRevision',
      'EvidenceSource',
      'CurrentStatus',
      'StatusChange',
    ];
    const sizes: Record<string, number> = {};
    for (const table of tables) {
      const rows = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
      sizes[table] = rows[0]!.n;
    }
    return sizes;
  } finally {
    await db.close();
  }
}
