import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeAuthOptions, siteOrigin } from '@/lib/auth/options';

/**
 * Sign-in and sign-out redirects (lib/auth/options.ts): without NEXTAUTH_URL they return to the origin the request
 * came to, never to next-auth's fallback http://localhost:3000; with it, to NEXTAUTH_URL's origin.
 */
const saved = { url: process.env.NEXTAUTH_URL, secret: process.env.AUTH_SECRET };

beforeEach(() => {
  process.env.AUTH_SECRET = 'a test secret of at least thirty-two characters';
  delete process.env.NEXTAUTH_URL;
});
afterEach(() => {
  if (saved.url === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved.url;
  if (saved.secret === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved.secret;
});

/** A request as Next.js hands it over: its url built from the host name the server started with (localhost). */
function request(host: string, headers: Record<string, string> = {}) {
  return { url: 'http://localhost:3204/api/auth/signout', headers: new Headers({ host, ...headers }) };
}

async function redirectFor(host: string, url: string): Promise<string> {
  const redirect = routeAuthOptions(request(host)).callbacks!.redirect!;
  return redirect({ url, baseUrl: 'http://localhost:3000' });
}

describe('sign-in and sign-out redirects', () => {
  it('stay on the host the request came to when NEXTAUTH_URL is unset', async () => {
    expect(siteOrigin(request('127.0.0.1:3204'))).toBe('http://127.0.0.1:3204');
    // A client's X-Forwarded-Host counts for nothing without TRUST_PROXY=1.
    expect(siteOrigin(request('127.0.0.1:3204', { 'x-forwarded-host': 'evil.example' }))).toBe('http://127.0.0.1:3204');
    // A Host header that is more than host[:port] is not followed.
    expect(siteOrigin(request('evil.example/path'))).toBe('http://localhost:3204');
    expect(await redirectFor('127.0.0.1:3204', '/en/sign-in')).toBe('http://127.0.0.1:3204/en/sign-in');
    expect(await redirectFor('tracker.example:8080', '/zh/sign-in')).toBe('http://tracker.example:8080/zh/sign-in');
    // An absolute target on the same host is kept; one on next-auth's fallback host is not followed.
    expect(await redirectFor('127.0.0.1:3204', 'http://127.0.0.1:3204/en/map?x=1')).toBe(
      'http://127.0.0.1:3204/en/map?x=1',
    );
    expect(await redirectFor('127.0.0.1:3204', 'http://localhost:3000/en')).toBe('http://127.0.0.1:3204/');
  });

  it('go to NEXTAUTH_URL when it is set', async () => {
    process.env.NEXTAUTH_URL = 'https://tracker.example/';
    expect(siteOrigin(request('127.0.0.1:3204'))).toBe('https://tracker.example');
    expect(await redirectFor('127.0.0.1:3204', '/en/sign-in')).toBe('https://tracker.example/en/sign-in');
  });

  it('refuse targets on other sites with the one check (safeRedirectPath)', async () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\t/evil.example']) {
      expect(await redirectFor('127.0.0.1:3204', target)).toBe('http://127.0.0.1:3204/');
    }
  });
});
