import { openApiDocument } from '@/lib/api/openapi';
import { apiRoute, json } from '@/lib/api/route';

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (public). */
export const GET = apiRoute('public', async () =>
  json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } }),
);
