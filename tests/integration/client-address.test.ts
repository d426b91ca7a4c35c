import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ADDRESS, signInWithPassword } from '@/lib/auth/sign-in';
import type { Database } from '@/lib/db';
import { clientAddress } from '@/lib/http/client-address';
import { createTestDatabase } from '../support/test-database';

/**
 * The client address that sign-in limits are keyed on, through a real HTTP server with the preload that
 * `npm start` gives the Next.js server (scripts/lib/socket-address.mjs): without a trusted proxy it is the
 * socket's address, whatever X-Forwarded-For (or our own header) a client sends; with TRUST_PROXY=1 it is the
 * X-Forwarded-For entry the proxy appended. Rotating a forged header no longer escapes the per-address limit.
 */
await import('../../scripts/lib/socket-address.mjs');

let db: Database;
let dispose: () => Promise<void>;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  // What a route handler sees: the request's headers. ?proxy=1 answers as with TRUST_PROXY=1; ?email= signs in.
  server = createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const ip = clientAddress(headers, url.searchParams.get('proxy') === '1');
    const email = url.searchParams.get('email');
    const answer = email
      ? signInWithPassword(db.prisma, { email, password: 'not the password', ip }).then((result) => ({ ip, result }))
      : Promise.resolve({ ip });
    void answer.then(
      (body) => response.end(JSON.stringify(body)),
      (error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await dispose?.();
});

async function ask(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as { ip: string; result?: { ok: boolean; reason?: string } };
}

describe('the client address', () => {
  it('is the socket’s without a trusted proxy, whatever the client claims', async () => {
    expect((await ask('/')).ip).toBe('127.0.0.1');
    const forged = await ask('/', {
      'x-forwarded-for': '203.0.113.9',
      'x-real-ip': '203.0.113.10',
      'x-ct-socket-address': '203.0.113.11',
    });
    expect(forged.ip).toBe('127.0.0.1');
  });

  it('is the entry the proxy appended with TRUST_PROXY=1, not what the client put before it', async () => {
    expect((await ask('/?proxy=1', { 'x-forwarded-for': '203.0.113.9, 198.51.100.23' })).ip).toBe('198.51.100.23');
    // A proxy that sent none: the socket's address (the proxy itself).
    expect((await ask('/?proxy=1')).ip).toBe('127.0.0.1');
  });

  it(`keeps the per-address sign-in limit (${MAX_FAILURES_PER_ADDRESS} failures) however X-Forwarded-For rotates`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const answer = await ask(`/?email=spray-${i}@test.example`, { 'x-forwarded-for': `10.0.${i}.1` });
      expect(answer.result).toMatchObject({ ok: false, reason: 'invalid' });
    }
    const next = await ask('/?email=spray-next@test.example', { 'x-forwarded-for': '10.99.99.99' });
    expect(next.result).toMatchObject({ ok: false, reason: 'rate_limited' });
  });
});
