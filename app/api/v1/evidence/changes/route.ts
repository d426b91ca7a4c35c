import { listEvidenceChanges } from '@/lib/api/resources';
import { apiRoute, json, parseQuery } from '@/lib/api/route';
import { EvidenceChangesQuery } from '@/lib/validation/api';

/** GET /api/v1/evidence/changes — the change feed that integrators sync from (internal readers only). */
export const GET = apiRoute('read', async ({ prisma, url }) =>
  json(await listEvidenceChanges(prisma, parseQuery(url, EvidenceChangesQuery))),
);
