import { listActors } from '@/lib/api/reference';
import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { ActorQuery } from '@/lib/validation/api';

/** GET /api/v1/actors — the 193 member states and the UN entities, filtered by kind and regional group. */
export const GET = apiRoute('public-read', async ({ prisma, url }) =>
  json({ data: await listActors(prisma, parseQuery(url, ActorQuery)) }),
);
