import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { aggregateKey, cachedAggregate, readRollupVersion } from '@/lib/dashboard/cache';
import { statusSeries } from '@/lib/dashboard/queries';
import { ProgressQuery } from '@/lib/validation/api';
import { readAudience } from '@/lib/permissions';

/**
 * GET /api/v1/progress — the overview's "implementation over time": member state × commitment pairs at each status
 * at the end of each month, from the same SQL and cache as the dashboard. Anonymous callers (public view on) see
 * only evidence marked public.
 */
export const GET = apiRoute('public-read', async ({ prisma, url, caller }) => {
  const filter = parseQuery(url, ProgressQuery);
  const audience = readAudience(caller.user);
  const version = await readRollupVersion(prisma);
  const key = aggregateKey('series', version, audience, [filter]);
  const series = await cachedAggregate(key, () => statusSeries(prisma, filter, audience));
  return json({ data: series });
});
