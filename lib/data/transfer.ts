import 'server-only';
import { authorizeDownload } from '@/lib/api/auth';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getPrisma } from '@/lib/db';
import { readAudience } from '@/lib/permissions';

/**
 * Who may download the CSV exports, decided by the API's own caller check (lib/api/auth.ts, access
 * `public-read`), so that an API token works here exactly as on /api/v1: signed-in readers (session cookie or
 * bearer token) see everything internal; with the public view on, anonymous callers get the public data only
 * (verified public evidence). A refusal comes as the API's error response (401, 403 or 429, with its headers).
 */
export type ExportReader =
  { ok: true; user: CurrentUser | null; publicOnly: boolean } | { ok: false; response: Response };

export async function exportReader(request: Request): Promise<ExportReader> {
  const caller = await authorizeDownload(await getPrisma(), request, 'public-read');
  return caller.ok ? { ok: true, user: caller.user, publicOnly: readAudience(caller.user).publicOnly } : caller;
}

/**
 * The database for a download. Route handlers need no `connection()` (which only works inside Next's request
 * scope): reading the request's headers in exportReader already makes them dynamic.
 */
export async function exportPrisma() {
  return getPrisma();
}
