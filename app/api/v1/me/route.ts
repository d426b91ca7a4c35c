import { ApiError } from '@/lib/api/errors';
import { apiRoute, json } from '@/lib/api/route';

/** GET /api/v1/me — who the API takes the caller for: a quick check of a token. */
export const GET = apiRoute('read', async ({ caller }) => {
  if (!caller.user) throw new ApiError(401, 'unauthenticated', 'Send an API token.');
  const { user } = caller;
  return json({
    data: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      countryScope: user.countryScope,
      via: caller.kind,
      token: user.apiToken ?? null,
    },
  });
});
