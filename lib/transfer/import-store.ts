import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '@/lib/env';

/**
 * Uploaded import files between preview and apply, kept under DATA_DIR/imports with a random token. Applying
 * claims the file by renaming it, which only one request can do, so a file is never applied twice; a failed
 * apply puts it back for another try, a successful one deletes it. Files older than a day are removed.
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

export interface ClaimedImport {
  meta: StoredImport;
  bytes: Uint8Array;
  /** The import was applied: delete the file. */
  done(): Promise<void>;
  /** The import failed: put the file back so that it can be previewed and applied again. */
  release(): Promise<void>;
}

/** Takes the stored file of `token` for one apply; null when it is unknown, someone else's, or taken already. */
export async function claimImport(token: string, userId: number, dir = importsDir()): Promise<ClaimedImport | null> {
  const meta = await readMeta(token, userId, dir);
  if (!meta) return null;
  const file = join(dir, `${token}.csv`);
  const claimed = join(dir, `${token}.applying`);
  try {
    await rename(file, claimed);
  } catch {
    return null;
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
