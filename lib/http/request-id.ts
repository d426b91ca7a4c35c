import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { cache } from 'react';

/** An id tying together the audit events of one request: the proxy's X-Request-Id when there is one. */
export const getRequestId = cache(async (): Promise<string> => {
  const incoming = (await headers()).get('x-request-id');
  return incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
});
