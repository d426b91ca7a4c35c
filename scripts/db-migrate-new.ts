// npm run db:migrate:new -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes the committed migrations to the current prisma/schema.prisma. Needs no database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diffSchemaAgainstMigrations, MIGRATIONS_DIR } from '@/lib/migrate';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: npm run db:migrate:new -- <name>   (name: lower-case letters, digits and underscores, e.g. add_tags)',
  );
  process.exit(2);
}

const sql = await diffSchemaAgainstMigrations();
if (!sql) {
  console.log('prisma/schema.prisma has no changes since the last migration; nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'migration.sql'), sql);
console.log(`Wrote ${relative(process.cwd(), join(dir, 'migration.sql'))}. Review it, then run npm run db:migrate.`);
process.exit(0);
