import { actorView } from '@/lib/api/reference';
import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { findActors } from '@/lib/queries/actors';
import { ActorQuery } from '@/lib/validation/api';

/** GET /api/v1/actors — the 193 member states and the UN entities, filtered by kind and regional group. */
export const GET = apiRoute('public-read', async ({ prisma, url }) =>
  json({ data: (await findActors(prisma, parseQuery(url, ActorQuery))).map(actorView) }),
);
