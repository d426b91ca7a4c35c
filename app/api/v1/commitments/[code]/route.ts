import { ApiError } from '@/lib/api/errors';
import { etagOf } from '@/lib/api/etag';
import { listCommitments } from '@/lib/api/reference';
import { canonicalCommitmentCode } from '@/lib/validation/codes';
import { apiRoute, json } from '@/lib/api/route';

/** GET /api/v1/commitments/{code} — one commitment. */
export const GET = apiRoute<{ code: string }>('public-read', async ({ prisma, params }) => {
  const [commitment] = await listCommitments(prisma, {}, canonicalCommitmentCode(params.code));
  if (!commitment) throw new ApiError(404, 'not_found', 'There is no such commitment.');
  return json({ data: commitment }, { etag: etagOf('commitment', commitment.code, commitment.version) });
});
