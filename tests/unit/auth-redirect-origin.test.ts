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

async function redirectFor(requestUrl: string, url: string): Promise<string> {
  const redirect = routeAuthOptions(requestUrl).callbacks!.redirect!;
  return redirect({ url, baseUrl: 'http://localhost:3000' });
}

describe('sign-in and sign-out redirects', () => {
  it('stay on the host the request came to when NEXTAUTH_URL is unset', async () => {
    expect(siteOrigin('http://127.0.0.1:3204/api/auth/signout')).toBe('http://127.0.0.1:3204');
    expect(await redirectFor('http://127.0.0.1:3204/api/auth/signout', '/en/sign-in')).toBe(
      'http://127.0.0.1:3204/en/sign-in',
    );
    expect(await redirectFor('http://tracker.example:8080/api/auth/signout', '/zh/sign-in')).toBe(
      'http://tracker.example:8080/zh/sign-in',
    );
    // An absolute target on the same host is kept; one on next-auth's fallback host is not followed.
    expect(await redirectFor('http://127.0.0.1:3204/api/auth/signout', 'http://127.0.0.1:3204/en/map?x=1')).toBe(
      'http://127.0.0.1:3204/en/map?x=1',
    );
    expect(await redirectFor('http://127.0.0.1:3204/api/auth/signout', 'http://localhost:3000/en')).toBe(
      'http://127.0.0.1:3204/',
    );
  });

  it('go to NEXTAUTH_URL when it is set', async () => {
    process.env.NEXTAUTH_URL = 'https://tracker.example/';
    expect(siteOrigin('http://127.0.0.1:3204/api/auth/signout')).toBe('https://tracker.example');
    expect(await redirectFor('http://127.0.0.1:3204/api/auth/signout', '/en/sign-in')).toBe(
      'https://tracker.example/en/sign-in',
    );
  });

  it('refuse targets on other sites with the one check (safeRedirectPath)', async () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\t/evil.example']) {
      expect(await redirectFor('http://127.0.0.1:3204/api/auth/signout', target)).toBe('http://127.0.0.1:3204/');
    }
  });
});
