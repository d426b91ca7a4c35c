import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment (process.env): configuration, the variables next-auth and Node.js
 * read themselves, and the environment handed to child processes. Every variable is documented in README.md;
 * tests/unit/env-only-here.test.ts keeps every other file of the app, its scripts and next.config.js from reading
 * process.env. Not marked server-only: the CLI scripts (migrate, seed, start) and next.config.js share it with
 * the server.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^postgres(ql)?:\/\//,
      'DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z
    .string()
    .min(32, 'AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_EMAIL: z
    .email('ADMIN_EMAIL must be an email address')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_PASSWORD: z.string().optional(),
  PUBLIC_VIEW: z
    .enum(['0', '1', 'true', 'false', ''], { message: 'PUBLIC_VIEW must be 1 or 0' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false', ''], { message: 'TRUST_PROXY must be 1 or 0' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  /** Where evidence attachments are stored; default DATA_DIR/attachments. */
  ATTACHMENT_DIR: z.string().trim().min(1).optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** The largest CSV file an import accepts, and the most data rows; both checked before the file is parsed. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(2048).default(100),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  SESSION_MAX_AGE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(30),
  /** `npm run user:create` only: the new user's password (else read from standard input). */
  USER_PASSWORD: z.string().optional(),
  /** `npm run bench:import` only: the PostgreSQL server it makes its scratch database on (else TEST_DATABASE_URL). */
  BENCH_DATABASE_URL: z.string().optional(),
  /** Tests and benchmarks only: a PostgreSQL server on which scratch databases are made. */
  TEST_DATABASE_URL: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration in the environment:\n${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

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
