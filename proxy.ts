import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { isDevelopment } from '@/lib/env';
import { routing } from '@/lib/i18n/routing';

/**
 * Runs before every page: locale negotiation (/ → /en or /zh), a fresh CSP nonce that Next.js puts on its own
 * scripts, and the current path for the sign-in redirect. It guards
 * nothing: every access check happens on the server, in lib/auth/guard.ts and lib/operations.
 */
const handleLocale = createMiddleware(routing);

export function contentSecurityPolicy(nonce: string, { development = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Style attributes (React and chart libraries set them) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export default function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  // 128 random bits (ASVS V11.5.1); a UUID holds only 122.
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce, { development: isDevelopment(), https });

  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  headers.set('x-pathname', `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = handleLocale(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
