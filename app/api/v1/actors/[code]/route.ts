import { ApiError } from '@/lib/api/errors';
import { actorView } from '@/lib/api/reference';
import { apiRoute, json } from '@/lib/api/route';
import { findActors } from '@/lib/queries/actors';

/** GET /api/v1/actors/{code} — one member state or UN entity. */
export const GET = apiRoute<{ code: string }>('public-read', async ({ prisma, params }) => {
  const [actor] = await findActors(prisma, { code: params.code.toUpperCase() });
  if (!actor) throw new ApiError(404, 'not_found', 'There is no such actor.');
  return json({ data: actorView(actor) });
});
