import { evidenceIdFrom, evidenceResponse } from '@/lib/api/evidence';
import { versionFromIfMatch } from '@/lib/api/etag';
import { currentEvidenceVersion } from '@/lib/api/resources';
import { apiRoute, readJsonBody, runOperation } from '@/lib/api/route';
import { operations } from '@/lib/operations';

/** POST /api/v1/evidence/{id}/review — verify or return a submitted record (reviewers); needs If-Match. */
export const POST = apiRoute<{ id: string }>('write', async (context) => {
  const id = evidenceIdFrom(context.params.id);
  const current = await currentEvidenceVersion(context.prisma, id);
  const version = versionFromIfMatch(context.request.headers, 'evidence', id, current);
  const body = await readJsonBody(context.request);
  await runOperation(context, operations.reviewEvidence, { ...body, id, version });
  return evidenceResponse(context.prisma, id);
});
