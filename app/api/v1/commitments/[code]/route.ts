import { ApiError } from '@/lib/api/errors';
import { etagOf } from '@/lib/api/etag';
import { commitmentView } from '@/lib/api/reference';
import { canonicalCommitmentCode } from '@/lib/validation/codes';
import { apiRoute, json } from '@/lib/api/route';
import { findCommitments } from '@/lib/queries/commitments';

/** GET /api/v1/commitments/{code} — one commitment. */
export const GET = apiRoute<{ code: string }>('public-read', async ({ prisma, params }) => {
  const [commitment] = await findCommitments(prisma, { code: canonicalCommitmentCode(params.code) });
  if (!commitment) throw new ApiError(404, 'not_found', 'There is no such commitment.');
  return json(
    { data: commitmentView(commitment) },
    { etag: etagOf('commitment', commitment.code, commitment.version) },
  );
});
