/**
 * The one way a route handler reads a request body: never more than a limit. A declared Content-Length over the
 * limit is refused before a byte is read; a body without one (chunked) is counted while it streams and the stream
 * is cancelled as soon as the count passes the limit, so a client cannot make the server hold more than the
 * limit in memory. Server actions are limited by Next.js itself (experimental.serverActions.bodySizeLimit in
 * next.config.js), which counts the same way.
 *
 * Limits in use (README "Request size limits"): sign-in and sign-out posts SIGN_IN_BODY_LIMIT (8 KiB), JSON API
 * bodies MAX_BODY_BYTES of lib/api/route.ts (256 KiB), the import preview IMPORT_MAX_MB plus the multipart envelope.
 */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${describeBytes(limit)}.`);
  }
}

/** Sign-in, sign-out and CSRF posts carry a few short form fields. */
export const SIGN_IN_BODY_LIMIT = 8 * 1024;

/** The body's bytes, at most `limit` of them; throws BodyTooLargeError past it (declared or counted). */
export async function readBodyLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A copy of the request whose body is the given bytes (already read with readBodyLimited), for code that reads
 * the body itself (next-auth, Request.formData()).
 */
export function withBody(request: Request, bytes: Uint8Array): Request {
  const headers = new Headers(request.headers);
  headers.delete('transfer-encoding');
  headers.set('content-length', String(bytes.byteLength));
  return new Request(request.url, { method: request.method, headers, body: bytes as BodyInit });
}

/** The body as form data (multipart or urlencoded), at most `limit` bytes; throws BodyTooLargeError past it. */
export async function readFormLimited(request: Request, limit: number): Promise<FormData> {
  return withBody(request, await readBodyLimited(request, limit)).formData();
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KiB`;
}
