import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Plain file listing, kept apart from the wasm engine so the server can check migration status cheaply.
export const MIGRATIONS_DIR = resolve(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'migrations');

/** Names of the committed migration directories, oldest first. */
export function listMigrationNames(dir = MIGRATIONS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}
