// npm run dev: migrates and seeds the database, then runs the Next.js development server.
import { env } from '@/lib/env';
import { prepareDatabase } from './lib/prepare-database';
import { runNext } from './lib/next-bin';

try {
  await prepareDatabase();
  process.exit(await runNext(['dev', '--port', String(env().PORT)]));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
