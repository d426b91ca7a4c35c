import { env } from '@/lib/env';

/**
 * Whether a state-changing request comes from this site's own pages. Browsers send Sec-Fetch-Site (and Origin)
 * with every POST; a request carrying neither is not from a browser page and is refused too. Next.js checks
 * Origin for server actions but lets a request without one through, and does nothing for route handlers.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin';
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = (env().TRUST_PROXY && headers.get('x-forwarded-host')) || headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
