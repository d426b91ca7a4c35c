import { evidenceIdFrom, evidenceResponse } from '@/lib/api/evidence';
import { versionFromIfMatch } from '@/lib/api/etag';
import { currentEvidenceVersion } from '@/lib/api/resources';
import { apiRoute, runOperation } from '@/lib/api/route';
import { operations } from '@/lib/operations';

/**
 * POST /api/v1/evidence/{id}/withdraw — the author takes a submission back to draft before it is reviewed
 * (operation withdrawEvidence); needs If-Match.
 */
export const POST = apiRoute<{ id: string }>('write', async (context) => {
  const id = evidenceIdFrom(context.params.id);
  const current = await currentEvidenceVersion(context.prisma, id);
  const version = versionFromIfMatch(context.request.headers, 'evidence', id, current);
  await runOperation(context, operations.withdrawEvidence, { id, version });
  return evidenceResponse(context.prisma, id);
});
