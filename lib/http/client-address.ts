import { env } from '@/lib/env';

/**
 * The client's address, for rate limiting. Behind a reverse proxy (TRUST_PROXY=1) the left-most
 * X-Forwarded-For entry; otherwise the right-most, which the Next.js server itself appends from the socket
 * and a client cannot forge.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const address = env().TRUST_PROXY ? forwarded[0] : forwarded.at(-1);
  return address || headers.get('x-real-ip') || 'unknown';
}
