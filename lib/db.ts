import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { dataDir, env, type DatabaseKind } from '@/lib/env';
import { ensurePrivateDir, makeTreePrivate, restrictUmask } from '@/lib/private-files';

/**
 * The one database module. The server uses `getDb()`; CLI scripts and tests call `openDatabase()` with an
 * explicit target and close it when done. Not marked server-only because those scripts import it too.
 */
export type DatabaseTarget =
  | { kind: 'postgresql'; url: string }
  /** `dir` undefined means an in-memory PGlite (tests and the migration shadow database). */
  | { kind: 'pglite'; dir?: string };

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The driver adapter factory, for the migration engine (lib/migrate). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export class DatabaseInUseError extends Error {}

export function configuredTarget(): DatabaseTarget {
  const url = env().DATABASE_URL;
  return url ? { kind: 'postgresql', url } : { kind: 'pglite', dir: join(dataDir(), 'pglite') };
}

/**
 * PGlite has no lock of its own, and a second process writing the same directory is silently invisible to the
 * first, so a pid file guards the directory. A lock left by a process that no longer runs is taken over.
 */
function lockPgliteDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockFile, { force: true });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner && isRunning(owner)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dir} is in use by process ${owner}. Stop that process first ` +
            `(only one process may open an embedded database), or set DATABASE_URL to use a PostgreSQL server.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseInUseError(
    `Could not lock the embedded database in ${dir}; remove ${lockFile} if no server is running.`,
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
    unlock = lockPgliteDir(target.dir);
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
    return { kind: 'pglite', prisma, adapterFactory, close };
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
