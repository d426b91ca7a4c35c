/**
 * The one check for every place that takes a redirect target from a request (the sign-in page's `callbackUrl`,
 * the path the page guard sends to sign-in, next-auth's redirects): the value is resolved against the site's
 * origin with the URL parser, as a browser would, and accepted only when it stays on that origin. Control
 * characters (C0, DEL, C1) and backslashes are refused outright, because browsers drop or reinterpret them:
 * "/" + TAB + "/evil.example" passes a "starts with one slash" test and lands on evil.example.
 *
 * Returns a path (with query and fragment) on this site, never starting with "//", or `fallback`.
 * `origin` is the site's own origin (e.g. NEXTAUTH_URL's); an absolute URL is accepted only on it.
 */
export function safeRedirectPath(value: unknown, fallback: string, origin?: string): string {
  const raw = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== 'string' || raw === '' || raw.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(raw)) return fallback;
  const base = originOf(origin) ?? 'http://site.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || (!raw.startsWith('/') && !origin)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}

function originOf(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}
