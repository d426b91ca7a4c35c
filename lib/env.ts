import { resolve } from 'node:path';
import type { z } from 'zod';
import { type EnvSchema, env, parseEnv } from './env-schema.mjs';

/**
 * The one place that reads the environment (process.env): configuration (its schema and parse in
 * lib/env-schema.mjs, plain JavaScript that next.config.js imports too), the variables next-auth and Node.js read
 * themselves, and the environment handed to child processes. Every variable is documented in README.md;
 * tests/unit/env-only-here.test.ts keeps every other file of the app, its scripts and next.config.js from reading
 * process.env. Not marked server-only: the CLI scripts (migrate, seed, start) share it with the server.
 */
export type Env = z.infer<typeof EnvSchema>;

export { env, parseEnv };

/** Absolute path of the data directory (PGlite files, attachments, generated secrets). */
export function dataDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.cwd(), env().DATA_DIR);
}

export type DatabaseKind = 'pglite' | 'postgresql';

export function databaseKind(): DatabaseKind {
  return env().DATABASE_URL ? 'postgresql' : 'pglite';
}

/**
 * NEXTAUTH_URL, the public base URL (README, Configuration), or undefined when unset or empty. Read afresh on
 * each call rather than from the parsed `env()`: next-auth reads the same variable from the environment itself,
 * and `npm start` removes an empty one (`unsetEmptyNextAuthUrl`) before anything reads it.
 */
export function nextAuthUrl(): string | undefined {
  return process.env.NEXTAUTH_URL || undefined;
}

/** Removes an empty NEXTAUTH_URL from this process's environment (and its children's): next-auth cannot parse one. */
export function unsetEmptyNextAuthUrl(): void {
  if (process.env.NEXTAUTH_URL === '') delete process.env.NEXTAUTH_URL;
}

/** Whether this is the development server (`npm run dev`), from NODE_ENV, which Next.js sets. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}

/**
 * The environment for a child process: this process's, with `changes` applied (a value of undefined removes the
 * variable). Shapes: variable name → value.
 */
export function childProcessEnv(changes: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

/**
 * The embedded database's lock holder handed down to child processes: `npm start` takes the lock and names its
 * own pid here, so that the server and the database preparation it starts may open the database it holds
 * (lib/db-target.ts). Not configuration: set only by `markEmbeddedDatabaseLockHolder`.
 */
const LOCK_HOLDER_ENV = 'COMMITMENT_TRACKER_DB_LOCK_PID';

/** The pid that holds the embedded database's lock for this process and its siblings, or null when none. */
export function embeddedDatabaseLockHolder(): number | null {
  const pid = Number(process.env[LOCK_HOLDER_ENV]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** Names `pid` as the lock holder for every child process this process starts from now on. */
export function markEmbeddedDatabaseLockHolder(pid: number): void {
  process.env[LOCK_HOLDER_ENV] = String(pid);
}
