import { evidenceResponse } from '@/lib/api/evidence';
import { listEvidence } from '@/lib/api/resources';
import { apiRoute, json, parseQuery, readJsonBody, runOperation } from '@/lib/api/route';
import { operations } from '@/lib/operations';
import { EvidenceQuery } from '@/lib/validation/api';

/** GET /api/v1/evidence — evidence records, filtered and paginated (internal readers only, as on the site). */
export const GET = apiRoute('read', async ({ prisma, url }) =>
  json(await listEvidence(prisma, parseQuery(url, EvidenceQuery))),
);

/** POST /api/v1/evidence — a new record, as a draft or submitted for review (intent). */
export const POST = apiRoute('write', async (context) => {
  const body = await readJsonBody(context.request);
  const { id } = await runOperation(context, operations.createEvidence, body);
  return evidenceResponse(context.prisma, id, 201, { Location: `/api/v1/evidence/${id}` });
});
