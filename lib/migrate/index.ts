import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { listMigrationNames, MIGRATIONS_DIR } from '@/lib/migrate/list';

export { MIGRATIONS_DIR };

/**
 * Offline migrations. Prisma's CLI needs a native schema engine downloaded from Prisma's servers, which this
 * project's machines cannot reach, so migrations run through the same engine compiled to wasm
 * (@prisma/schema-engine-wasm, a prerelease on its own version line: keep every use of it in this module).
 * Applied migrations are recorded in Prisma's standard _prisma_migrations table, so `prisma migrate deploy`
 * on a connected machine agrees with this runner.
 */

const projectRoot = resolve(/*turbopackIgnore: true*/ process.cwd());
export const SCHEMA_PATH = join(projectRoot, 'prisma', 'schema.prisma');
const LOCKFILE = 'migration_lock.toml';
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady = false;

function initWasm(): void {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  // The package exports no package.json; resolve its bindings module and load the wasm beside it.
  const packageDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const wasmModule = new WebAssembly.Module(readFileSync(join(packageDir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  wasmReady = true;
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  initWasm();
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  // The engine never disposes the connections it opens. With adapter-pg each one is a pool holding a session,
  // and so Prisma's migration advisory lock: left open, the next migration in this process would wait on it.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  };
  const remember = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return adapter;
  };
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    // Unwrapped factories fail inside the engine ("Cannot read properties of null (reading 'client')").
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/** The migration directories on disk, oldest first, in the shape the engine expects. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const names = listMigrationNames(dir);
  const lockfilePath = join(dir, LOCKFILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lockfilePath) ? readFileSync(lockfilePath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Applies every migration not yet applied; returns the names of those it applied. Re-runs are no-ops. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTERS });
    return output.appliedMigrationNames;
  });
}

/**
 * The SQL that takes the committed migrations to the current schema.prisma, computed against a throwaway
 * in-memory PGlite (no database of the user's is touched). Empty when the schema has no changes.
 */
export async function diffSchemaAgainstMigrations(): Promise<string> {
  const shadow = new PGlite();
  try {
    return await withEngine(new PrismaPGlite(shadow), async (engine) => {
      const migrations = readMigrations();
      const from =
        migrations.migrationDirectories.length > 0
          ? { tag: 'migrations' as const, ...migrations }
          : { tag: 'empty' as const };
      const result = await engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      const sql = result.stdout ?? '';
      return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
    });
  } finally {
    await shadow.close();
  }
}
