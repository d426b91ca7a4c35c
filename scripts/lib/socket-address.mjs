// Preloaded into the Next.js server process (node --import, through NODE_OPTIONS; see scripts/lib/next-bin.ts).
//
// Next.js gives route handlers no access to the connection, and only fills X-Forwarded-For from the socket when
// the client sent none, so a client can put any address there. Before Next.js sees a request, this stamps the
// socket's own address into a header of our own, overwriting whatever a client sent under that name, and marks
// the process so that lib/http/client-address.ts knows the header can be trusted.
import http from 'node:http';

export const HEADER = 'x-ct-socket-address';
export const MARK = Symbol.for('commitment-tracker.socket-address');

if (!globalThis[MARK]) {
  globalThis[MARK] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
    if (event === 'request' && request && request.headers) {
      request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || '';
    }
    return emit.call(this, event, request, ...rest);
  };
}
