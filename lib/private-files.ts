import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds password hashes, session and token hashes, internal evidence and the session key: only the
 * account that runs the server may read it. Directories are 0700 and files 0600; the process umask is tightened
 * to 077 so that every file written later (PGlite's data files, attachments, imports) is created that way, and
 * an existing directory is repaired at start. Not server-only: scripts/start.ts and lib/db.ts share it.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Masks group and other permission bits of every file this process creates from now on. */
export function restrictUmask(): void {
  process.umask(process.umask() | 0o077);
}

/** Creates `dir` (and missing parents) as a private directory, and makes an existing one private. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Removes group and other permissions from everything under `root` (directories 0700, files 0600; symbolic
 * links are left alone and not followed). Returns how many entries were changed. A missing root changes nothing.
 */
export function makeTreePrivate(root: string): number {
  let changed = 0;
  const visit = (path: string) => {
    let info;
    try {
      info = lstatSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (info.isSymbolicLink()) return;
    const wanted = info.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((info.mode & 0o777) !== wanted) {
      chmodSync(path, wanted);
      changed++;
    }
    if (info.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(root);
  return changed;
}
