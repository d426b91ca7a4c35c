import { randomUUID } from 'node:crypto';
import { cache } from 'react';

/**
 * Request ids tie together the audit events and log lines of one request. They are always made here, on the
 * server: a client's X-Request-Id is kept apart (echoed as X-Client-Request-Id and named in error logs), never
 * taken as the audit trail's id, since a client could otherwise write any id into the audit log or make two
 * requests look like one.
 */
export function newRequestId(): string {
  return randomUUID();
}

/** The id of the current server render or server action: one per request (React's per-request cache). */
export const getRequestId = cache(async (): Promise<string> => newRequestId());

/** The client's own X-Request-Id when it is a plain token of up to 100 characters, else null. */
export function clientRequestId(headers: Headers): string | null {
  const incoming = headers.get('x-request-id');
  return incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : null;
}
