import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { storageStatePath } from './support/users';

/**
 * The running server (npm start) over plain HTTP, for what only a real server shows: every response carries
 * the security headers, however odd its path; requests the framework cannot route get a 4xx, not a bare 500;
 * and a body larger than a route accepts is refused while it streams, without the server reading all of it.
 */
// E2E_PORT: set by playwright.config.ts for the server it starts.
const base = new URL(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT}`);

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the request body written before the answer came. */
  sent: number;
}

/**
 * A request exactly as given (no URL normalisation, any method). `chunks` streams a body of that many 64 KiB
 * chunks without Content-Length, stopping as soon as the server answers.
 */
function raw(
  method: string,
  path: string,
  { headers = {}, chunks = 0 }: { headers?: Record<string, string>; chunks?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(
      { host: base.hostname, port: base.port, method, path, headers: { host: base.host, ...headers } },
      (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (part: string) => (body += part.length < 4096 ? part : part.slice(0, 4096)));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, sent });
          request.destroy();
        });
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    if (chunks === 0) return void request.end();
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && sent < chunks * chunk.length) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

function expectSecurityHeaders(response: RawResponse, label: string) {
  const csp = String(response.headers['content-security-policy'] ?? '');
  expect(csp, `${label}: Content-Security-Policy`).toContain("frame-ancestors 'none'");
  expect(csp, `${label}: a policy that limits scripts`).toMatch(/default-src '(self|none)'/);
  expect(response.headers['x-content-type-options'], `${label}: nosniff`).toBe('nosniff');
  expect(response.headers['referrer-policy'], `${label}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
  expect(response.headers['x-frame-options'], `${label}: X-Frame-Options`).toBe('DENY');
}

test.describe('every response carries the security headers', () => {
  const paths = [
    '/en',
    '/en/sign-in',
    '/robots.txt',
    '/favicon.ico',
    '/en/foo.php',
    '/en/evidence/1.json',
    '/.env',
    '/wp-login.php',
    '/en/%E0%A4%A',
    '/%E0%A4%A.txt',
    '/en/%ZZ',
    '/en/evidence/99999999999',
    '/en/evidence/2147483648/edit',
    '/en/admin/users/-1',
    '/en/commitments/%00',
    '/en/documents/%00',
    '/api/health',
    '/api/nothing-here',
    '/api/v1/nothing.json',
    '/api/attachments/999999',
    '/api/attachments/abc.txt',
    '/_next/static/nothing.js',
    '/_next/nothing',
  ];
  for (const path of paths) {
    test(`GET ${path}`, async () => {
      const response = await raw('GET', path);
      expect(response.status, `${path}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      expectSecurityHeaders(response, path);
    });
  }

  test('unusual methods are refused with a 4xx and the headers', async () => {
    // CONNECT is left out: Node's client hands its answer to a 'connect' event, not to a response.
    for (const method of ['PROPFIND', 'TRACE', 'TRACK', 'MKCOL', 'FOO']) {
      for (const path of ['/', '/en', '/api/v1/evidence', '/en/x.php']) {
        const response = await raw(method, path);
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
        expectSecurityHeaders(response, `${method} ${path}`);
      }
    }
  });

  test('a page keeps its nonce policy and an attachment route its own', async () => {
    const page = await raw('GET', '/en/sign-in');
    expect(String(page.headers['content-security-policy'])).toMatch(/'nonce-[^']+'/);
    const json = await raw('GET', '/api/v1/commitments');
    expect(String(json.headers['content-security-policy'])).toContain("default-src 'none'");
  });
});

test.describe('bodies over a route’s limit are refused while they stream', () => {
  test('a chunked sign-in post of 300 MB gets 413 after a few KB', async () => {
    const response = await raw('POST', '/api/auth/callback/credentials', {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: base.origin,
        'sec-fetch-site': 'same-origin',
      },
      chunks: 4800,
    });
    expect(response.status).toBe(413);
    expectSecurityHeaders(response, 'sign-in 413');
    // The answer came long before the 300 MB were sent.
    expect(response.sent).toBeLessThan(100 * 1024 * 1024);
  });

  test('a chunked import preview past IMPORT_MAX_MB gets 413 before the rest is read', async () => {
    const state = JSON.parse(readFileSync(storageStatePath('editor'), 'utf8')) as {
      cookies: { name: string; value: string }[];
    };
    const cookie = state.cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
    const response = await raw('POST', '/api/import/evidence', {
      headers: {
        cookie,
        'content-type': 'multipart/form-data; boundary=x',
        origin: base.origin,
        'sec-fetch-site': 'same-origin',
      },
      chunks: 4800,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('import_too_large');
    expect(response.sent).toBeLessThan(300 * 1024 * 1024);
  });
});
