// npm run dev: migrates and seeds the database, then runs the Next.js development server.
import { env } from '@/lib/env';
import { prepareDatabaseInChild } from './lib/prepare-in-child';
import { runNext } from './lib/next-bin';

try {
  const prepared = await prepareDatabaseInChild();
  process.exit(prepared !== 0 ? prepared : await runNext(['dev', '--port', String(env().PORT)]));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
