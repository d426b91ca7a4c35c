import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getPrisma } from '@/lib/db';
import { authSecret } from '@/lib/auth/secret';
import { sessionLimits } from '@/lib/auth/sessions';
import { signInWithPassword, signOutSession } from '@/lib/auth/sign-in';
import { TRUSTED_DEVICE_COOKIE } from '@/lib/auth/two-factor';
import { clientAddress } from '@/lib/http/client-address';
import { env, nextAuthUrl } from '@/lib/env';
import { safeRedirectPath } from '@/lib/http/redirect-target';

/**
 * next-auth carries the session: a JWT in an http-only, SameSite=Lax cookie (Secure when NEXTAUTH_URL is
 * https) holding only the id of a server-side Session row, which lib/auth/session.ts checks on every request.
 * Built lazily so that `next build` neither reads DATA_DIR nor opens the database.
 */
declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sid: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

let options: NextAuthOptions | undefined;

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: Math.floor(sessionLimits().maxAgeMs / 1000) },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, request) {
          const email = typeof credentials?.email === 'string' ? credentials.email.slice(0, 254) : '';
          const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 1024) : '';
          if (!email || !password) return null;
          const headers = new Headers(request?.headers as Record<string, string> | undefined);
          const result = await signInWithPassword(await getPrisma(), {
            email,
            password,
            ip: clientAddress(headers),
            userAgent: headers.get('user-agent'),
            deviceToken: cookieValue(headers.get('cookie'), TRUSTED_DEVICE_COOKIE),
          });
          return result.ok ? { id: String(result.userId), sid: result.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      // next-auth's own check lets "/" + TAB + "/host" through; the site's one check does not. The route
      // handler replaces this with routeAuthOptions' when NEXTAUTH_URL is unset.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, '/', baseUrl)}`;
      },
      jwt({ token, user }) {
        // Keep the cookie minimal: the session id is all the server needs.
        return user ? { sub: token.sub, sid: user.sid } : token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
    },
    // Without NEXTAUTH_URL next-auth warns once that it cannot tell the site's address; routeAuthOptions takes it
    // from each request instead, so the warning would only mislead whoever reads the log.
    logger: {
      warn(code) {
        if (code !== 'NEXTAUTH_URL') console.warn(`[next-auth][warn][${code}]`);
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await signOutSession(await getPrisma(), token.sid);
      },
    },
  };
  return options;
}

/**
 * The site's origin for one request: NEXTAUTH_URL's when it is set (behind a reverse proxy), otherwise the origin
 * the browser addressed: the request's Host header (X-Forwarded-Host and -Proto only with TRUST_PROXY=1, as for
 * the same-origin check), so that a server reached as http://127.0.0.1:3000 keeps its users on 127.0.0.1 rather
 * than sending them to localhost. `request.url` alone does not do: Next.js builds it from the host name it was
 * started with. Returns an origin such as "http://127.0.0.1:3000" (no trailing slash).
 */
export function siteOrigin(request: { url: string; headers: Headers }): string {
  const configured = nextAuthUrl();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed NEXTAUTH_URL names no origin: the request's own is the only one left.
    }
  }
  const fallback = new URL(request.url);
  const trustProxy = env().TRUST_PROXY;
  const host = (trustProxy && request.headers.get('x-forwarded-host')) || request.headers.get('host');
  const forwardedProto = trustProxy ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const protocol =
    forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : fallback.protocol.slice(0, -1);
  if (!host) return fallback.origin;
  try {
    const url = new URL(`${protocol}://${host}`);
    // Only a bare host[:port]; anything else in the header is not an address to send anyone to.
    return url.host === host.toLowerCase() ? url.origin : fallback.origin;
  } catch {
    return fallback.origin;
  }
}

/**
 * next-auth's options for one request to its route handler (sign-in, sign-out, callbacks): as authOptions(), but
 * every redirect next-auth answers with (the sign-out and sign-in `url`) goes to a path on siteOrigin(request),
 * checked by safeRedirectPath. Without NEXTAUTH_URL next-auth itself would fall back to http://localhost:3000.
 */
export function routeAuthOptions(request: { url: string; headers: Headers }): NextAuthOptions {
  const base = authOptions();
  const origin = siteOrigin(request);
  return {
    ...base,
    callbacks: {
      ...base.callbacks,
      redirect({ url }) {
        return `${origin}${safeRedirectPath(url, '/', origin)}`;
      },
    },
  };
}
