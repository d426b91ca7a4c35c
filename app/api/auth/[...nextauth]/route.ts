import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { getPrisma } from '@/lib/db';
import { routeAuthOptions } from '@/lib/auth/options';
import { checkSignInRateLimit } from '@/lib/auth/sign-in';
import { BodyTooLargeError, readBodyLimited, SIGN_IN_BODY_LIMIT, withBody } from '@/lib/http/body';
import { clientAddress } from '@/lib/http/client-address';
import { isSameOriginRequest } from '@/lib/http/same-origin';

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context) {
  return NextAuth(request, context, routeAuthOptions(request)) as Promise<Response>;
}

export function GET(request: NextRequest, context: Context) {
  return handle(request, context);
}

/**
 * Sign-in and sign-out posts. Cross-site posts are refused, and a sign-in beyond the rate limit gets 429 with
 * Retry-After before any password is checked (next-auth's own answer could only be a 401).
 */
export async function POST(request: NextRequest, context: Context) {
  if (!isSameOriginRequest(request.headers)) {
    return errorResponse(new ApiError(403, 'cross_site', 'Cross-site request refused.'));
  }
  // next-auth would read any body whole: read at most a few KB, refuse more with 413 before reading it.
  let bytes: Uint8Array;
  try {
    bytes = await readBodyLimited(request, SIGN_IN_BODY_LIMIT);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return errorResponse(new ApiError(413, 'payload_too_large', error.message));
  }
  const limited = new NextRequest(withBody(request, bytes));
  const { nextauth } = await context.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const form = await formOf(limited);
    const email = String(form.get('email') ?? '').slice(0, 254);
    const limit = await checkSignInRateLimit(await getPrisma(), { email, ip: clientAddress(limited.headers) });
    if (!limit.allowed) {
      const url = new URL('/sign-in?error=RateLimited', request.url);
      // The error shape of lib/api/errors.ts plus the `url` that next-auth's client reads from a sign-in answer.
      return Response.json(
        { url: url.toString(), error: { code: 'rate_limited', message: 'Too many failed sign-ins; try again later.' } },
        { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
      );
    }
  }
  return handle(limited, context);
}

/** The sign-in form's fields; an unparsable body has none (next-auth then refuses the sign-in itself). */
async function formOf(request: Request): Promise<FormData> {
  try {
    return await request.clone().formData();
  } catch {
    return new FormData();
  }
}
