import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads configuration from the environment. Every variable is documented in README.md.
 * Not marked server-only: the CLI scripts (migrate, seed, start) share it with the server.
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
