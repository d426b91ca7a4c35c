// Preloaded (node --import) into the Next.js server that `npm start` runs. Next.js answers some requests outside
// its routing, without the headers of next.config.js: a malformed percent-encoding got a bare 500. Here every
// response gets the baseline security headers it lacks when its headers are written (a header already set, such
// as a page's nonce policy or an attachment's sandbox, is kept), and requests Next.js cannot route are answered
// before they reach it: an unknown method with 405, a path that does not decode with 400.
//
// Server-action posts (a POST with a Next-Action header) that Next.js would answer with a 500 are refused here
// too: one from another site's Origin (403), with an action id Next.js never makes (400) or a body type an
// action never has (415). A malformed body (garbage text, a multipart body that does not parse, arguments of the
// wrong shape) is only found while Next.js decodes it: the action request carries a flag that the app's action
// entry (lib/actions/arguments.ts) sets once it has accepted its arguments, and a 500 or 2xx to a request whose
// action never accepted them is the request's fault, answered 400 (Next.js answers some with 500, some with 200
// and an empty body). An answer after the action accepted them passes unchanged: a 500 there is the app's own fault.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { BASELINE_CSP, BASELINE_HEADERS } from '../../lib/http/baseline-headers.mjs';

const ALL = [...BASELINE_HEADERS, { key: 'Content-Security-Policy', value: BASELINE_CSP }];
// TRUST_PROXY as lib/env.ts parsed it, handed over by scripts/lib/next-bin.ts in this module's URL (?trustProxy=1):
// the environment is read only there.
const TRUST_PROXY = new URL(import.meta.url).searchParams.get('trustProxy') === '1';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function writeHeadWithBaseline(...args) {
  if (!this.headersSent) {
    for (const { key, value } of ALL) if (!this.hasHeader(key)) this.setHeader(key, value);
  }
  return writeHead.apply(this, args);
};

const actionRequests = new AsyncLocalStorage();
/** Called by lib/actions/arguments.ts when a server action has accepted its arguments. */
globalThis[Symbol.for('commitment-tracker.actionArgumentsAccepted')] = () => {
  const state = actionRequests.getStore();
  if (state) state.accepted = true;
};
const ACTION_ID = /^[0-9a-f]{42}$/;
const ACTION_BODY_TYPES = new Set(['multipart/form-data', 'text/plain']);

/** Whether the request's Origin, when it has one, is another site (an Origin that is not a URL is). */
function foreignOrigin(request) {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  // As lib/http/same-origin.ts: behind a trusted proxy (TRUST_PROXY=1 or true) the host the proxy was asked for.
  const own = (TRUST_PROXY && request.headers['x-forwarded-host']) || request.headers.host;
  try {
    return new URL(origin).host !== own;
  } catch {
    return true;
  }
}

function bodyType(request) {
  return String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/**
 * Why a POST to a page (a server action: with a Next-Action header, or a multipart form post without script) is
 * refused before Next.js reads it, or null to let it through. API routes check their own callers.
 */
function actionRefusal(request) {
  if (foreignOrigin(request)) return [403, 'Cross-site server action refused.'];
  if (request.headers['next-action'] === undefined) return null;
  if (!ACTION_ID.test(String(request.headers['next-action']))) return [400, 'Invalid server action id.'];
  if (!ACTION_BODY_TYPES.has(bodyType(request))) {
    return [415, 'A server action takes a multipart/form-data or text/plain body.'];
  }
  return null;
}

/**
 * Answers 400 instead of what Next.js writes for an action request whose action never accepted its arguments:
 * a 500 (the body did not decode) or a 2xx (a page rendered for a post that was no action). Redirects and 4xx
 * answers pass.
 */
function guardActionResponse(response, state) {
  const { writeHead: respond, write, end } = response;
  let refused = false;
  response.writeHead = function writeHeadOfAction(status, ...rest) {
    const malformed = !state.accepted && ((status >= 200 && status < 300) || status >= 500);
    if (!malformed || this.headersSent) return respond.call(this, status, ...rest);
    refused = true;
    for (const name of this.getHeaderNames()) {
      if (/^(content-|transfer-encoding|etag|vary)/i.test(name)) this.removeHeader(name);
    }
    return respond.call(this, 400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  };
  // Node writes the head inside write() and end() when it was not written before: write it first here, so that
  // the body that follows is already known to be Next's or the refusal's.
  response.write = function writeOfAction(...args) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!refused) return write.apply(this, args);
    const done = args.find((arg) => typeof arg === 'function');
    if (done) process.nextTick(done);
    return true;
  };
  response.end = function endOfAction(...args) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!refused) return end.apply(this, args);
    return end.call(
      this,
      'Invalid server action request (its body or arguments could not be read).\n',
      args.find((arg) => typeof arg === 'function'),
    );
  };
}

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
      if (request.method === 'POST' && !/^\/api(\/|$|\?)/.test(request.url ?? '/')) {
        const refused = actionRefusal(request);
        if (refused) {
          request.resume();
          return refusal(response, ...refused);
        }
        if (request.headers['next-action'] === undefined && bodyType(request) !== 'multipart/form-data') {
          return listener.call(this, request, response);
        }
        const state = { accepted: false };
        guardActionResponse(response, state);
        return actionRequests.run(state, () => listener.call(this, request, response));
      }
      return listener.call(this, request, response);
    };
  }
  return createServer.apply(this, args);
};

// A request Node's HTTP parser itself refuses (a method it does not know, such as TRACK; a malformed request line)
// never reaches a response object: Node answers 400 on the bare socket. Answer it as Node would, with the same
// statuses, but with the baseline headers.
const PARSER_STATUS = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };
const emitServer = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithBaselineClientError(event, error, socket, ...rest) {
  // CONNECT (a proxy's method) goes only to 'connect' listeners; with none, Node drops the socket unanswered.
  if (event === 'listening' && this.listenerCount('connect') === 0) {
    this.on('connect', (_request, connectSocket) => {
      const headers = ALL.map(({ key, value }) => `${key}: ${value}\r\n`).join('');
      const allow = [...METHODS].join(', ');
      connectSocket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${allow}\r\nConnection: close\r\n${headers}\r\n`);
    });
  }
  if (event !== 'clientError' || this.listenerCount('clientError') > 0) {
    return emitServer.call(this, event, error, socket, ...rest);
  }
  if (socket.writable && !socket._httpMessage?.headersSent) {
    const status = PARSER_STATUS[error?.code] ?? 400;
    const headers = ALL.map(({ key, value }) => `${key}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n${headers}\r\n`);
  }
  socket.destroy(error);
  return true;
};
