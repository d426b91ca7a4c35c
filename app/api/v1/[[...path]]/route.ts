import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';

/** Anything else under /api/v1, and /api/v1 itself: a JSON 404, never the HTML page. */
const notFound = apiRoute('public', async ({ url }) => {
  throw new ApiError(404, 'not_found', `There is no API route ${url.pathname}. See /api/v1/openapi.json.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
