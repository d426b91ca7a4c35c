import 'server-only';
import { connection } from 'next/server';
import { getPrisma } from '@/lib/db';

/**
 * The Prisma client for reads made while rendering a request. Awaiting `connection()` first marks the page as
 * dynamic, so `next build` never prerenders a page against the database.
 */
export async function requestPrisma() {
  await connection();
  return getPrisma();
}
