import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '@/lib/env';

/**
 * Uploaded import files between preview and apply, kept under DATA_DIR/imports with a random token. Applying
 * claims the file by renaming it, which only one request can do, so a file is never applied twice; a failed
 * apply puts it back for another try, a successful one deletes it, and a claim left by a killed process is
 * recovered (see claimImport). Files older than a day are removed.
 */
export interface StoredImport {
  token: string;
  userId: number;
  fileName: string;
  size: number;
  sha256: string;
  createdAt: string;
}

const TOKEN = /^[a-f0-9]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function importsDir(base = dataDir()): string {
  return join(base, 'imports');
}

export async function saveImport(
  bytes: Uint8Array,
  meta: { userId: number; fileName: string },
  dir = importsDir(),
): Promise<StoredImport> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stored: StoredImport = {
    token: randomBytes(16).toString('hex'),
    userId: meta.userId,
    fileName: meta.fileName.slice(0, 255),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdAt: new Date().toISOString(),
  };
  await writeFile(join(dir, `${stored.token}.csv`), bytes, { flag: 'wx', mode: 0o600 });
  await writeFile(join(dir, `${stored.token}.json`), JSON.stringify(stored), { flag: 'wx', mode: 0o600 });
  return stored;
}

async function readMeta(token: string, userId: number, dir: string): Promise<StoredImport | null> {
  if (!TOKEN.test(token)) return null;
  try {
    const meta = JSON.parse(await readFile(join(dir, `${token}.json`), 'utf8')) as StoredImport;
    if (meta.userId !== userId || Date.now() - Date.parse(meta.createdAt) > MAX_AGE_MS) return null;
    return meta;
  } catch {
    return null;
  }
}

/**
 * The stored file of `token` as its preview read it, without claiming it (the preview's CSV downloads); null when
 * it is unknown, someone else's, expired, or being applied or applied already.
 */
export async function readImport(
  token: string,
  userId: number,
  dir = importsDir(),
): Promise<{ meta: StoredImport; bytes: Uint8Array } | null> {
  const meta = await readMeta(token, userId, dir);
  if (!meta) return null;
  try {
    return { meta, bytes: new Uint8Array(await readFile(join(dir, `${token}.csv`))) };
  } catch {
    return null;
  }
}

export interface ClaimedImport {
  meta: StoredImport;
  bytes: Uint8Array;
  /** The import was applied: delete the file. */
  done(): Promise<void>;
  /** The import failed: put the file back so that it can be previewed and applied again. */
  release(): Promise<void>;
}

/**
 * Takes the stored file of `token` for one apply; null when it is unknown, someone else's, or taken already. The
 * claim is a rename to `<token>.applying-<pid>`. A claim whose process has died (killed mid-import) is recovered
 * when `wasApplied` can tell whether that import committed: if it did, the file is removed as after any applied
 * import; if not, it is put back and claimed afresh, so the user need not upload it again.
 */
export async function claimImport(
  token: string,
  userId: number,
  dir = importsDir(),
  wasApplied?: (token: string) => Promise<boolean>,
): Promise<ClaimedImport | null> {
  const meta = await readMeta(token, userId, dir);
  if (!meta) return null;
  const file = join(dir, `${token}.csv`);
  const claimed = join(dir, `${token}.applying-${process.pid}`);
  try {
    await rename(file, claimed);
  } catch {
    if (!wasApplied || !(await recoverDeadClaim(token, dir, wasApplied))) return null;
    try {
      await rename(file, claimed);
    } catch {
      return null;
    }
  }
  return {
    meta,
    bytes: new Uint8Array(await readFile(claimed)),
    async done() {
      await rm(claimed, { force: true });
      await rm(join(dir, `${token}.json`), { force: true });
    },
    async release() {
      await rename(claimed, file);
    },
  };
}

/** Puts back the file of a claim whose process no longer runs and whose import never committed; true if it did. */
async function recoverDeadClaim(
  token: string,
  dir: string,
  wasApplied: (token: string) => Promise<boolean>,
): Promise<boolean> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (name) => name === `${token}.applying` || name.startsWith(`${token}.applying-`),
  );
  for (const name of names) {
    const owner = Number(name.slice(`${token}.applying-`.length)) || 0;
    if (owner && isRunning(owner)) continue;
    const path = join(dir, name);
    if (await wasApplied(token)) {
      await rm(path, { force: true });
      await rm(join(dir, `${token}.json`), { force: true });
      return false;
    }
    try {
      await rename(path, join(dir, `${token}.csv`));
      return true;
    } catch {
      // Another request recovered it first.
    }
  }
  return false;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes stored imports older than a day (called on each upload). */
export async function pruneImports(dir = importsDir()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > MAX_AGE_MS) await rm(path, { force: true });
    }),
  );
}
