// npm run db:migrate: applies prisma/migrations to the configured database (DATABASE_URL, or the embedded one).
import { databaseKind } from '@/lib/env';
import { prepareDatabase } from './lib/prepare-database';

try {
  console.log(`Migrating the ${databaseKind() === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} database…`);
  await prepareDatabase({ seed: false });
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
