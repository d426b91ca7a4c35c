import { listRatifications } from '@/lib/api/resources';
import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { RatificationQuery } from '@/lib/validation/api';

/** GET /api/v1/ratification — recorded ratification statuses, by actor and/or instrument, paginated. */
export const GET = apiRoute('public-read', async ({ prisma, url }) =>
  json(await listRatifications(prisma, parseQuery(url, RatificationQuery))),
);
