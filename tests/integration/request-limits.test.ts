import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as authRoute from '@/app/api/auth/[...nextauth]/route';
import * as evidenceRoute from '@/app/api/v1/evidence/route';
import { MAX_BODY_BYTES } from '@/lib/api/route';
import type { Database } from '@/lib/db';
import { SIGN_IN_BODY_LIMIT } from '@/lib/http/body';
import { serveRoutesFrom, tokenFor } from '../support/api';
import { fingerprint } from '../support/fingerprint';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from '../support/users';

/**
 * Bodies larger than a route accepts are refused with 413 before the route holds them: a declared
 * Content-Length over the limit is refused unread, and a chunked body (no Content-Length) is counted while it
 * streams and cut off just past the limit. The stream below would send 64 MiB; the test counts what the server
 * pulled from it.
 */
const CHUNK = 64 * 1024;
const TOTAL = 64 * 1024 * 1024;

function endlessBody() {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= TOTAL) return controller.close();
      pulled += CHUNK;
      // A form field that never ends: "email=aaaa…".
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    stream,
    get pulled() {
      return pulled;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

function streamingRequest(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '10.9.9.9', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

let db: Database;
let dispose: () => Promise<void>;
let token: string;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  serveRoutesFrom(db);
  const editor = await signedInUser(db.prisma, 'EDITOR');
  token = (await tokenFor(db, editor.user!)).secret;
});
afterAll(async () => dispose?.());

describe('request bodies over the limit', () => {
  it('the sign-in callback refuses a chunked body past a few KB, reading no more than that', async () => {
    const before = await fingerprint(db);
    const body = endlessBody();
    const response = await authRoute.POST(
      streamingRequest('/api/auth/callback/credentials', body.stream, {
        'content-type': 'application/x-www-form-urlencoded',
      }) as never,
      { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) },
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
    expect(body.pulled).toBeLessThanOrEqual(SIGN_IN_BODY_LIMIT + 2 * CHUNK);
    expect(body.cancelled).toBe(true);
    expect(await fingerprint(db)).toBe(before);
  });

  it('the sign-in callback refuses a declared Content-Length past the limit without reading the body', async () => {
    const body = endlessBody();
    const response = await authRoute.POST(
      streamingRequest('/api/auth/signout', body.stream, {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(300 * 1024 * 1024),
      }) as never,
      { params: Promise.resolve({ nextauth: ['signout'] }) },
    );
    expect(response.status).toBe(413);
    expect(body.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it('a JSON API write refuses a chunked body past MAX_BODY_BYTES, reading no more than that', async () => {
    const body = endlessBody();
    const response = await evidenceRoute.POST(
      streamingRequest('/api/v1/evidence', body.stream, {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      }),
      { params: Promise.resolve({} as never) },
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
    expect(body.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
  });
});
