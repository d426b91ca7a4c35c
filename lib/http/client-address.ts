import { env } from '@/lib/env';

/**
 * The client's address, for rate limiting, from headers no client can forge:
 * - without a trusted proxy (TRUST_PROXY unset), the TCP peer's address, which scripts/lib/socket-address.mjs
 *   (preloaded into the server by `npm start` and `npm run dev`) stamps into SOCKET_ADDRESS_HEADER, overwriting
 *   anything a client sent under that name. A client's own X-Forwarded-For is ignored.
 * - behind a reverse proxy (TRUST_PROXY=1), the right-most X-Forwarded-For entry: the one that proxy appended.
 * When the server was started without the preload the peer is unknown: every such client shares the address
 * "unknown" (the limits then hold for all together, never per forged header), and a warning is logged once.
 */
export const SOCKET_ADDRESS_HEADER = 'x-ct-socket-address';
const MARK = Symbol.for('commitment-tracker.socket-address');
let warned = false;

export function clientAddress(headers: Headers, trustProxy: boolean = env().TRUST_PROXY): string {
  if (trustProxy) {
    const forwarded = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const proxyAdded = forwarded.at(-1);
    if (proxyAdded) return proxyAdded;
  }
  return socketAddress(headers) ?? 'unknown';
}

function socketAddress(headers: Headers): string | null {
  if (!(globalThis as Record<symbol, unknown>)[MARK]) {
    if (!warned) {
      warned = true;
      console.warn(
        'The server was started without scripts/lib/socket-address.mjs: client addresses are unknown, so sign-in ' +
          'limits apply to all clients together. Start it with `npm start`.',
      );
    }
    return null;
  }
  return headers.get(SOCKET_ADDRESS_HEADER) || null;
}
