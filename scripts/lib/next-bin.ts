import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve('next/dist/bin/next');
const RESPONSE_BASELINE = fileURLToPath(new URL('./response-baseline.mjs', import.meta.url));

/** Runs the Next.js CLI in a child process, forwarding termination signals; resolves with its exit code. */
export function runNext(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    // The app makes no outbound request; Next's anonymous telemetry would be one.
    // The server gets the baseline security headers on every response (scripts/lib/response-baseline.mjs).
    const preload = args[0] === 'start' ? ['--import', pathToFileURL(RESPONSE_BASELINE).href] : [];
    const child = spawn(process.execPath, [...preload, NEXT_BIN, ...args], {
      stdio: 'inherit',
      env: { NEXT_TELEMETRY_DISABLED: '1', ...env },
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
