import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childProcessEnv, env as config } from '@/lib/env';

const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve('next/dist/bin/next');
/** Stamps each request's socket address into a header the app can trust (see lib/http/client-address.ts). */
const SOCKET_ADDRESS_PRELOAD = pathToFileURL(require.resolve('./socket-address.mjs')).href;
const RESPONSE_BASELINE = fileURLToPath(new URL('./response-baseline.mjs', import.meta.url));

/**
 * Runs the Next.js CLI in a child process, forwarding termination signals; resolves with its exit code. The
 * servers (`start`, `dev`, and the processes `dev` forks, through NODE_OPTIONS) get the socket-address preload.
 */
export function runNext(args: string[], env: NodeJS.ProcessEnv = childProcessEnv()): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const serves = args[0] === 'start' || args[0] === 'dev';
    const nodeOptions = [env.NODE_OPTIONS, serves ? `--import=${JSON.stringify(SOCKET_ADDRESS_PRELOAD)}` : '']
      .filter(Boolean)
      .join(' ');
    // The app makes no outbound request; Next's anonymous telemetry would be one.
    // The server gets the baseline security headers on every response (scripts/lib/response-baseline.mjs), and
    // TRUST_PROXY as parsed by lib/env.ts, in the preload's URL: plain JavaScript, it cannot load lib/env.ts.
    const baseline = pathToFileURL(RESPONSE_BASELINE);
    baseline.searchParams.set('trustProxy', config().TRUST_PROXY ? '1' : '0');
    const preload = args[0] === 'start' ? ['--import', baseline.href] : [];
    const child = spawn(process.execPath, [...preload, NEXT_BIN, ...args], {
      stdio: 'inherit',
      env: { NEXT_TELEMETRY_DISABLED: '1', ...env, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}
