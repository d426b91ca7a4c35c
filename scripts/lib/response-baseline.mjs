// Preloaded (node --import) into the Next.js server that `npm start` runs. Next.js answers some requests outside
// its routing, without the headers of next.config.js: a malformed percent-encoding got a bare 500. Here every
// response gets the baseline security headers it lacks when its headers are written (a header already set, such
// as a page's nonce policy or an attachment's sandbox, is kept), and requests Next.js cannot route are answered
// before they reach it: an unknown method with 405, a path that does not decode with 400.
import http from 'node:http';
import { BASELINE_CSP, BASELINE_HEADERS } from '../../lib/http/baseline-headers.mjs';

const ALL = [...BASELINE_HEADERS, { key: 'Content-Security-Policy', value: BASELINE_CSP }];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function writeHeadWithBaseline(...args) {
  if (!this.headersSent) {
    for (const { key, value } of ALL) if (!this.hasHeader(key)) this.setHeader(key, value);
  }
  return writeHead.apply(this, args);
};

function refusal(response, status, message, extra = {}) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  response.end(`${message}\n`);
}

/** Whether the request line's path decodes as UTF-8 percent-encoding. */
function decodes(url) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0]);
    return true;
  } catch {
    return false;
  }
}

const createServer = http.createServer;
http.createServer = function createGuardedServer(...args) {
  const index = args.findIndex((arg) => typeof arg === 'function');
  if (index >= 0) {
    const listener = args[index];
    args[index] = function guarded(request, response) {
      if (!METHODS.has(request.method ?? '')) {
        return refusal(response, 405, 'Method not allowed.', { Allow: [...METHODS].join(', ') });
      }
      if (!decodes(request.url)) return refusal(response, 400, 'The address is not valid (bad percent-encoding).');
      return listener.call(this, request, response);
    };
  }
  return createServer.apply(this, args);
};
