import { getToken } from 'next-auth/jwt';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { recordFailedTokenAttempt, resolveApiToken, tokenAttemptsBlocked } from '@/lib/auth/api-tokens';
import type { CurrentUser } from '@/lib/auth/current-user';
import { authSecret } from '@/lib/auth/secret';
import { resolveSession } from '@/lib/auth/sessions';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { clientAddress } from '@/lib/http/client-address';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { roleCan } from '@/lib/permissions';
import { isPublicViewEnabled } from '@/lib/settings';

/**
 * Who calls the API: a bearer token, else the site's own session cookie (checked exactly as for pages, by
 * lib/auth/sessions.ts), else nobody. Both end in the same CurrentUser, so the permission map and the operations
 * treat them alike; a token additionally carries its scope.
 */
export type ApiCaller =
  { kind: 'token'; user: CurrentUser } | { kind: 'session'; user: CurrentUser } | { kind: 'anonymous'; user: null };

/**
 * - `public`: anyone, also without the public view (the OpenAPI document);
 * - `public-read`: signed-in readers, or anonymous callers while the public view is on (as the reading pages);
 * - `read`: signed-in readers only (as the internal pages: evidence);
 * - `write`: a signed-in caller with a read-write token or a same-origin session; the operation then checks
 *   the role's permission.
 */
export type ApiAccess = 'public' | 'public-read' | 'read' | 'write';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookieMap(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // A cookie that is not valid percent-encoding is not ours.
    }
  }
  return cookies;
}

async function sessionUser(prisma: PrismaClient, request: Request): Promise<CurrentUser | null> {
  const cookies = cookieMap(request.headers.get('cookie'));
  if (![...cookies.keys()].some((name) => name.includes('next-auth.session-token'))) return null;
  // Only the cookies are handed over: next-auth would otherwise also read a JWT from the Authorization header.
  const token = await getToken({
    req: { cookies, headers: new Headers() } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: authSecret(),
  });
  return typeof token?.sid === 'string' ? resolveSession(prisma, token.sid) : null;
}

async function identify(prisma: PrismaClient, request: Request): Promise<ApiCaller> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw new ApiError(401, 'unauthenticated', 'Send the API token as "Authorization: Bearer <token>".', undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    const ip = clientAddress(request.headers);
    const limit = await tokenAttemptsBlocked(prisma, ip);
    if (limit.blocked) {
      throw new ApiError(
        429,
        'rate_limited',
        'Too many failed attempts from this address; try again later.',
        undefined,
        {
          'Retry-After': String(limit.retryAfterSeconds),
        },
      );
    }
    const resolved = await resolveApiToken(prisma, match[1]!);
    if (!resolved.ok) {
      await recordFailedTokenAttempt(prisma, ip);
      const why = {
        malformed: 'The API token is not valid.',
        unknown: 'The API token is not valid.',
        expired: 'The API token has expired.',
        revoked: 'The API token was revoked.',
        disabled: 'The account of this API token is disabled.',
      }[resolved.reason];
      throw new ApiError(401, 'invalid_token', why, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return { kind: 'token', user: resolved.user };
  }
  const user = await sessionUser(prisma, request);
  return user ? { kind: 'session', user } : { kind: 'anonymous', user: null };
}

/** Identifies the caller and enforces the route's access level; throws ApiError (401/403/429) otherwise. */
export async function authorizeApiCall(prisma: PrismaClient, request: Request, access: ApiAccess): Promise<ApiCaller> {
  if (access === 'public') return { kind: 'anonymous', user: null };
  const caller = await identify(prisma, request);
  const unsafe = UNSAFE_METHODS.has(request.method);
  if (caller.kind === 'session' && unsafe && !isSameOriginRequest(request.headers)) {
    throw new ApiError(403, 'cross_site', 'The request did not come from this site and was refused.');
  }
  if (caller.user?.pendingSecondFactor) {
    throw new ApiError(403, 'second_factor_required', 'Finish signing in with the second factor on the site first.');
  }
  if (caller.user?.mustChangePassword) {
    throw new ApiError(403, 'password_change_required', 'Change the one-time password on the site first.');
  }
  if (access === 'write') {
    if (!caller.user) throw new ApiError(401, 'unauthenticated', 'Send an API token to change data.');
    if (caller.kind === 'token' && caller.user.apiToken?.scope !== 'READ_WRITE') {
      throw new ApiError(403, 'token_read_only', 'This API token may only read.');
    }
    return caller;
  }
  if (caller.user) {
    if (!roleCan(caller.user.role, 'read:internal'))
      throw new ApiError(403, 'forbidden', 'Your role may not read this.');
    return caller;
  }
  if (access === 'public-read' && (await isPublicViewEnabled(prisma))) return caller;
  throw new ApiError(401, 'unauthenticated', 'Send an API token (the public view is off).', undefined, {
    'WWW-Authenticate': 'Bearer',
  });
}

/**
 * For the download routes outside /api/v1 (attachments, CSV exports): the caller as authorizeApiCall identifies
 * and admits them — bearer token, else session cookie, with the same read rules — or the API's error response
 * (401, 403 or 429 in the one JSON error shape, with WWW-Authenticate or Retry-After).
 */
export async function authorizeDownload(
  prisma: PrismaClient,
  request: Request,
  access: 'public-read' | 'read',
): Promise<{ ok: true; user: CurrentUser | null } | { ok: false; response: Response }> {
  try {
    return { ok: true, user: (await authorizeApiCall(prisma, request, access)).user };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, response: errorResponse(error) };
    throw error;
  }
}
