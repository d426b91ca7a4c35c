import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SEED_SCRIPT = fileURLToPath(new URL('../db-seed.ts', import.meta.url));

/**
 * Runs prepareDatabase (scripts/lib/prepare-database.ts: migrate, seed, settings, first admin) in a child process
 * that exits when done; resolves with its exit code. The server's parent process then stays small: the migration engine, the seed and, for the
 * embedded database, PGlite's WebAssembly memory (which never shrinks) leave with the child instead of staying
 * resident beside the server for its whole life (this module imports none of them). The child runs under this process's loader (tsx) and, being
 * its direct child, may open an embedded database this process holds (lib/db-target.ts, holdEmbeddedDatabase).
 */
export function prepareDatabaseInChild(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, SEED_SCRIPT], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}
