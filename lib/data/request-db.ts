import 'server-only';
import { cache } from 'react';
import { connection } from 'next/server';
import { readRollupVersion } from '@/lib/dashboard/cache';
import { getPrisma } from '@/lib/db';

/**
 * The Prisma client for reads made while rendering a request. Awaiting `connection()` first marks the page as
 * dynamic, so `next build` never prerenders a page against the database.
 */
export async function requestPrisma() {
  await connection();
  return getPrisma();
}

/** The rollups' version that cached aggregates are keyed by (lib/dashboard/cache.ts), read once per request. */
export const requestRollupVersion = cache(async () => readRollupVersion(await requestPrisma()));
