import type { RawDb } from '@/lib/raw-sql';
import { ROLLUP_VERSION_KEY } from '@/lib/evidence/rollups';
import { isoMonth } from '@/lib/dates';

/**
 * Aggregates computed from the status rollups are kept in memory, keyed by the rollups' version: a counter in the
 * Setting table that every review decision and every bulk rebuild increments in its own transaction. A reader
 * reads the version first and the data after, so an entry is never older than its version; a new version simply
 * misses. Pending computations are shared, so concurrent readers of a cold view wait for one query, not ten.
 * Several server processes each keep their own copy and stay correct, since the version lives in the database.
 */
const MAX_ENTRIES = 500;

const globalStore = globalThis as unknown as { dashboardCache?: Map<string, Promise<unknown>> };
const store = (globalStore.dashboardCache ??= new Map<string, Promise<unknown>>());

export async function readRollupVersion(prisma: RawDb): Promise<string> {
  const [row] = await prisma.$queryRaw<{ version: string }[]>`
    SELECT value::text AS version FROM "Setting" WHERE key = ${ROLLUP_VERSION_KEY}`;
  return row?.version ?? '0';
}

/**
 * The cache key of an aggregate: its name, the rollups' version, the audience, this month (ranges left open end
 * this month) and its arguments.
 */
export function aggregateKey(name: string, version: string, audience: { publicOnly: boolean }, args: unknown[]) {
  return `${name}|${version}|${audience.publicOnly ? 'public' : 'internal'}|${isoMonth(new Date())}|${JSON.stringify(args)}`;
}

/** The value under `key`, computed once per key; `key` must name the version and everything the value depends on. */
export function cachedAggregate<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = store.get(key);
  if (hit) {
    // Least recently used goes first: re-inserting moves the key to the end.
    store.delete(key);
    store.set(key, hit);
    return hit as Promise<T>;
  }
  const pending = compute();
  store.set(key, pending);
  pending.catch(() => store.delete(key));
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  return pending;
}

/** Empties the cache (tests). */
export function clearAggregateCache(): void {
  store.clear();
}
