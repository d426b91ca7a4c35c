import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDir, embeddedDatabaseLockHolder, env, markEmbeddedDatabaseLockHolder } from '@/lib/env';
import { ensurePrivateDir, restrictUmask } from '@/lib/private-files';

/**
 * Which database this process uses, and the embedded database's lock. Kept apart from lib/db.ts so that a process
 * that only holds the lock (npm start, while its server runs) does not load Prisma and PGlite.
 */
export type DatabaseTarget =
  | { kind: 'postgresql'; url: string }
  /** `dir` undefined means an in-memory PGlite (tests and the migration shadow database). */
  | { kind: 'pglite'; dir?: string };

export class DatabaseInUseError extends Error {}

export function configuredTarget(): DatabaseTarget {
  const url = env().DATABASE_URL;
  return url ? { kind: 'postgresql', url } : { kind: 'pglite', dir: join(dataDir(), 'pglite') };
}

/**
 * PGlite has no lock of its own, and a second process writing the same directory is silently invisible to the
 * first, so a pid file guards the directory, created atomically (O_EXCL). `npm start` takes it before anything
 * else and holds it for the life of the server it starts: that server (its child, named by markEmbeddedDatabaseLockHolder in lib/env.ts) and
 * the start process itself may then open the database, nobody else. A lock left by a process that no longer
 * runs is taken over by one process only (see takeOverStaleLock).
 */
/** Directories whose lock this process holds for its whole life (holdEmbeddedDatabase). */
const heldDirs = new Set<string>();

export function inUse(dir: string, owner: number): DatabaseInUseError {
  return new DatabaseInUseError(
    `The embedded database in ${dir} is in use by process ${owner}. Stop that process first ` +
      `(only one process may open an embedded database), or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

export function lockPgliteDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        if (readOwner(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockFile);
      if (owner === null) continue; // released meanwhile: try again
      // Held for life by this process (npm start, for its own migration step) or by the npm start that runs
      // this server; any other owner, this process's own open included, keeps it.
      if (owner === process.pid && heldDirs.has(dir)) return () => {};
      if (owner === embeddedDatabaseLockHolder() && owner === process.ppid) return () => {};
      if (owner && isRunning(owner)) throw inUse(dir, owner);
      takeOverStaleLock(lockFile, owner);
    }
  }
  throw new DatabaseInUseError(
    `Could not lock the embedded database in ${dir}; remove ${lockFile} if no server is running.`,
  );
}

/** The pid in a lock file; null when there is no file, 0 when it holds no pid (a half-written file). */
function readOwner(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8')) || 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes a lock whose owner is gone. Only the process that creates the `.takeover` file (O_EXCL) may remove it,
 * and only while it still names the dead owner, so two processes finding the same stale lock cannot both remove
 * it and each create their own.
 */
function takeOverStaleLock(lockFile: string, staleOwner: number): void {
  const guard = `${lockFile}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const guardOwner = readOwner(guard);
    // Its owner died in the middle of a takeover: clear it for the next attempt.
    if (guardOwner !== null && !(guardOwner && isRunning(guardOwner))) rmSync(guard, { force: true });
    return;
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    if (readOwner(lockFile) === staleOwner) rmSync(lockFile, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Takes the embedded database's lock for this process and everything it starts (npm start): held until the
 * process exits, and inherited by the child processes it spawns after this call. A no-op with DATABASE_URL.
 * Throws DatabaseInUseError when another live process holds it.
 */
export function holdEmbeddedDatabase(target: DatabaseTarget = configuredTarget()): void {
  if (target.kind !== 'pglite' || !target.dir) return;
  restrictUmask();
  ensurePrivateDir(dirname(target.dir));
  ensurePrivateDir(target.dir);
  lockPgliteDir(target.dir);
  heldDirs.add(target.dir);
  markEmbeddedDatabaseLockHolder(process.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
