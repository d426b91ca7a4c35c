import { randomBytes } from 'node:crypto';
import type { Database } from '@/lib/db';
import { operations } from '@/lib/operations';
import type { CurrentUser } from '@/lib/auth/current-user';
import { SOCKET_ADDRESS_HEADER } from '@/lib/http/client-address';

/**
 * Calling the real route handlers of app/api/v1 in a test: the handlers take the server's one database from
 * lib/db.ts, which is pointed at the test's database here, and get a real Request.
 */
export function serveRoutesFrom(db: Database) {
  (globalThis as { __commitmentTrackerDb?: Promise<Database> }).__commitmentTrackerDb = Promise.resolve(db);
  // As the server's preload (scripts/lib/socket-address.mjs) does: the socket-address header is to be trusted.
  (globalThis as Record<symbol, unknown>)[Symbol.for('commitment-tracker.socket-address')] = true;
}

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  /** The path and query, e.g. /api/v1/evidence?limit=2. */
  path: string;
  params?: Record<string, string | string[]>;
  token?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** The client's socket address (as the preload stamps it); a fresh one per call unless given, so rate limits stay apart. */
  ip?: string;
}

export async function call(handler: unknown, options: CallOptions) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  headers.set(SOCKET_ADDRESS_HEADER, options.ip ?? `10.${randomBytes(3).join('.')}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const request = new Request(`http://localhost${options.path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const response = await (handler as Handler)(request, {
    params: Promise.resolve((options.params ?? {}) as never),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // left undefined: the test asserts on it
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape they assert on
  return { status: response.status, headers: response.headers, json: json as Record<string, any>, text };
}

/** A token for the user, through the real operation. */
export async function tokenFor(
  db: Database,
  user: CurrentUser,
  scope: 'READ' | 'READ_WRITE' = 'READ_WRITE',
  expiresInDays = 30,
): Promise<{ id: number; secret: string }> {
  const outcome = await operations.createApiToken.run(
    { user, requestId: null, prisma: db.prisma },
    { name: `test ${scope}`, scope, expiresInDays },
  );
  if (!outcome.ok) throw new Error(`could not create a token: ${JSON.stringify(outcome)}`);
  return { id: outcome.value.id, secret: outcome.value.secret };
}
