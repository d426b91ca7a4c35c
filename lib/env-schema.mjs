import { z } from 'zod';

/**
 * The configuration's schema and its parse, in plain JavaScript so that next.config.js (which Next.js imports
 * without a TypeScript loader) reads the environment the same way as the app, without loading a compiler into the
 * server process. lib/env.ts re-exports these with their types (inferred from the schema); everything else imports
 * lib/env.ts. Every variable is documented in README.md, Configuration.
 */
export const EnvSchema = z.object({
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

/**
 * Parses configuration from `source` (variable name → value, usually process.env).
 * @param {Record<string, string | undefined>} source
 * @returns {z.infer<typeof EnvSchema>}
 * @throws {Error} naming every invalid variable and what to fix.
 */
export function parseEnv(source) {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration in the environment:\n${problems}`);
  }
  return result.data;
}

/** @type {z.infer<typeof EnvSchema> | undefined} */
let cached;

/**
 * This process's configuration, parsed once from process.env.
 * @returns {z.infer<typeof EnvSchema>}
 */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
