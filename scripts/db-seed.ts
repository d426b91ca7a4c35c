// npm run db:seed: applies pending migrations, then loads the shipped reference data (idempotent).
import { prepareDatabase } from './lib/prepare-database';

try {
  await prepareDatabase();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
