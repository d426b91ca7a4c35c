/**
 * The security headers every response carries, whoever answers it: next.config.js sets them for every path,
 * proxy.ts replaces the Content-Security-Policy of pages with its nonce-based one, a route that sets its own
 * (attachment downloads: `sandbox`) keeps it, and under `npm start` scripts/lib/response-baseline.mjs adds any
 * that is still missing when the headers are written (responses Next.js makes outside its routing, such as the
 * answer to a malformed URL). Plain JavaScript: next.config.js and the preload read it without a compiler.
 */
export const BASELINE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Data, not documents: API answers may load nothing and be framed by nobody. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers on every response except the Content-Security-Policy, which depends on the path. */
export const BASELINE_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];
