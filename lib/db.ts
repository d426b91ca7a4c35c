import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { DatabaseKind } from '@/lib/env';
import { ensurePrivateDir, makeTreePrivate, restrictUmask } from '@/lib/private-files';
import { configuredTarget, inUse, lockPgliteDir, type DatabaseTarget } from '@/lib/db-target';

/**
 * The one database module. The server uses `getDb()`; CLI scripts and tests call `openDatabase()` with an
 * explicit target and close it when done. Not marked server-only because those scripts import it too.
 */
export type { DatabaseTarget };

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The driver adapter factory, for the migration engine (lib/migrate). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * The embedded engine itself (kind 'pglite' only), for what Prisma cannot say: the benchmark's bulk load
   * (bench/data/load.ts) runs COPY FROM '/dev/blob' on it. Never used while a Prisma transaction is open.
   */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** Directories this process has open right now: PGlite cannot open one twice, even in one process. */
const openDirs = new Set<string>();

export async function openDatabase(target: DatabaseTarget = configuredTarget()): Promise<Database> {
  if (target.kind === 'postgresql') {
    const adapterFactory = new PrismaPg({ connectionString: target.url, max: 10 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return { kind: 'postgresql', prisma, adapterFactory, close: () => prisma.$disconnect() };
  }

  let unlock = () => {};
  if (target.dir) {
    // PGlite does not create missing parent folders, and through the engine the error would be opaque. The
    // folder holds password and session hashes: private to this account, and so is every file written later.
    restrictUmask();
    ensurePrivateDir(dirname(target.dir));
    ensurePrivateDir(target.dir);
    if (openDirs.has(target.dir)) throw inUse(target.dir, process.pid);
    const release = lockPgliteDir(target.dir);
    const dir = target.dir;
    openDirs.add(dir);
    unlock = () => {
      openDirs.delete(dir);
      release();
    };
    makeTreePrivate(dirname(target.dir));
  }
  try {
    const pglite = await PGlite.create(target.dir);
    const adapterFactory = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    const close = async () => {
      await prisma.$disconnect();
      await pglite.close();
      unlock();
    };
    return { kind: 'pglite', prisma, adapterFactory, pglite, close };
  } catch (error) {
    unlock();
    throw error;
  }
}

// Next.js evaluates this module once per route bundle, so the one server-side connection lives on globalThis.
// It is opened lazily so that `next build` never touches the database.
const holder = globalThis as typeof globalThis & { __commitmentTrackerDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  holder.__commitmentTrackerDb ??= openDatabase().catch((error: unknown) => {
    holder.__commitmentTrackerDb = undefined;
    throw error;
  });
  return holder.__commitmentTrackerDb;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDb()).prisma;
}
