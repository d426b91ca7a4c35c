import { evidenceIdFrom, evidenceResponse } from '@/lib/api/evidence';
import { versionFromIfMatch } from '@/lib/api/etag';
import { currentEvidenceVersion, requireDeletion } from '@/lib/api/resources';
import { apiRoute, json, readJsonBody, runOperation } from '@/lib/api/route';
import { operations } from '@/lib/operations';

/** GET /api/v1/evidence/{id} — one record with its latest revision and its ETag. */
export const GET = apiRoute<{ id: string }>('read', async ({ prisma, params }) =>
  evidenceResponse(prisma, evidenceIdFrom(params.id)),
);

/** PUT /api/v1/evidence/{id} — a new revision (the whole record, as the edit form); needs If-Match. */
export const PUT = apiRoute<{ id: string }>('write', async (context) => {
  const id = evidenceIdFrom(context.params.id);
  const current = await currentEvidenceVersion(context.prisma, id);
  const version = versionFromIfMatch(context.request.headers, 'evidence', id, current);
  const body = await readJsonBody(context.request);
  await runOperation(context, operations.updateEvidence, { ...body, id, version });
  return evidenceResponse(context.prisma, id);
});

/**
 * DELETE /api/v1/evidence/{id} — deletes a draft that never entered review (its author; operation deleteEvidence);
 * needs If-Match. Answers the record's tombstone, as the change feed hands it out from now on.
 */
export const DELETE = apiRoute<{ id: string }>('write', async (context) => {
  const id = evidenceIdFrom(context.params.id);
  const current = await currentEvidenceVersion(context.prisma, id);
  const version = versionFromIfMatch(context.request.headers, 'evidence', id, current);
  await runOperation(context, operations.deleteEvidence, { id, version });
  return json({ data: await requireDeletion(context.prisma, id) });
});
