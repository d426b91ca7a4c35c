// npm start: builds the app if needed, migrates and seeds the database, then serves the dashboard.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { holdEmbeddedDatabase } from '@/lib/db-target';
import { dataDir, databaseKind, env, unsetEmptyNextAuthUrl } from '@/lib/env';
import { ensurePrivateDir, makeTreePrivate, restrictUmask } from '@/lib/private-files';
import { prepareDatabaseInChild } from './lib/prepare-in-child';
import { runNext } from './lib/next-bin';

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'messages',
  'public',
  'next.config.js',
  'proxy.ts',
  'package-lock.json',
  'tsconfig.json',
];
const IGNORED = new Set(['generated', 'node_modules']);

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!IGNORED.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** A build is needed when there is none, or when a source file changed after it (e.g. after git pull). */
function buildIsStale(): boolean {
  const buildId = join('.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestChange(input) > builtAt);
}

/**
 * DATA_DIR (and ATTACHMENT_DIR) hold password hashes, sessions and internal evidence: private to this account
 * (directories 0700, files 0600). The umask makes every file written from now on, by this process and the
 * server it starts, private too; files an older version left readable are repaired here.
 */
function protectDataDirectories(): void {
  restrictUmask();
  const { ATTACHMENT_DIR } = env();
  for (const dir of [dataDir(), ...(ATTACHMENT_DIR ? [resolve(ATTACHMENT_DIR)] : [])]) {
    ensurePrivateDir(dir);
    const changed = makeTreePrivate(dir);
    if (changed > 0) console.log(`Made ${changed} file(s) and folder(s) in ${dir} private to this account.`);
  }
}

async function main(): Promise<number> {
  protectDataDirectories();
  // Before the build: a second npm start on this DATA_DIR stops here, even while the first has not served yet.
  holdEmbeddedDatabase();
  const { PORT } = env();
  // NEXTAUTH_URL stays unset unless given: sign-in and sign-out then return to the address each request came to
  // (lib/auth/options.ts, routeAuthOptions). Behind a reverse proxy set it to the public https URL (which also
  // makes the session cookie Secure). An empty value counts as unset (next-auth would fail to parse it).
  unsetEmptyNextAuthUrl();
  if (buildIsStale()) {
    console.log('Building the app (first start or sources changed)…');
    const code = await runNext(['build']);
    if (code !== 0) return code;
  }
  console.log(`Preparing the ${databaseKind() === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} database…`);
  const prepared = await prepareDatabaseInChild();
  if (prepared !== 0) return prepared;
  console.log(`Serving on http://localhost:${PORT}`);
  return runNext(['start', '--port', String(PORT)]);
}

try {
  process.exit(await main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
