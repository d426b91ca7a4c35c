// npm run bench [-- --sizes s,l --duration 10 --concurrency 10,50 --port 3600 --skip-build --force-data --no-pglite]
// Builds the app, then for each data size: loads the synthetic data, compares the naive overview with the SQL one,
// starts the production server on PostgreSQL, signs in as the bench viewer, warms up, load-tests the dashboard pages
// next to a static page with autocannon, measures the JavaScript the overview sends in Chromium. After size S (unless
// --no-pglite) it fills an embedded (PGlite) data directory with the same S data and load-tests the overview and the
// static page on the server started on it. Writes bench/results.md (and the raw figures to bench/results.json).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '@/lib/db';
import { PUBLIC_VIEW_KEY } from '@/lib/settings';
import { statusPerState, statusSeries } from '@/lib/dashboard/queries';
import { BENCH_SIZES, BENCH_VIEWER, DEFAULT_SEED, GENERATOR_VERSION, type BenchSize } from './data/generator';
import {
  benchPgliteTarget,
  defaultBenchDataDir,
  defaultBenchUrl,
  describeTarget,
  ensureBenchData,
  tableSizes,
} from './data/load';
import { measureFreshness, type FreshnessResult } from './freshness';
import { compareOverview, type OverviewComparison } from './naive-overview';
import { renderResults } from './report';

export interface Target {
  key: string;
  label: string;
  path: string;
  /** Sent without the session cookie: the static page is what an anonymous reader gets. */
  anonymous?: boolean;
  /** Skipped with a note when the server answers 404 (an endpoint that has not landed yet). */
  optional?: boolean;
}

export const STATIC_TARGET: Target = {
  key: 'static',
  label: 'static page: /en/sign-in, anonymous (renders layout, header and form; no database query)',
  path: '/en/sign-in',
  anonymous: true,
};

const OVERVIEW_TARGET: Target = { key: 'overview', label: 'overview /en', path: '/en' };

const DASHBOARD_TARGETS: Target[] = [
  OVERVIEW_TARGET,
  { key: 'matrix', label: 'matrix /en/matrix', path: '/en/matrix' },
  { key: 'country', label: 'country /en/countries/KEN', path: '/en/countries/KEN' },
  {
    key: 'commitment',
    label: 'commitment /en/commitments/P12-conventions',
    path: '/en/commitments/P12-conventions',
  },
];

/** The dashboard pages signed in as the viewer, then the same pages anonymous (the public view is on in the run). */
export const TARGETS: Target[] = [
  STATIC_TARGET,
  ...DASHBOARD_TARGETS,
  ...DASHBOARD_TARGETS.map((target) => ({
    ...target,
    key: `${target.key}-public`,
    label: `${target.label}, anonymous`,
    anonymous: true,
  })),
  { key: 'progress', label: 'progress API /api/v1/progress', path: '/api/v1/progress', optional: true },
];

/**
 * Turns the public view on for the run (the anonymous targets read it) and returns how to put the setting back
 * as it was.
 */
async function publicViewOn(url: string): Promise<() => Promise<void>> {
  const db = await openDatabase({ kind: 'postgresql', url });
  try {
    const before = await db.prisma.setting.findUnique({ where: { key: PUBLIC_VIEW_KEY } });
    await db.prisma.setting.upsert({
      where: { key: PUBLIC_VIEW_KEY },
      create: { key: PUBLIC_VIEW_KEY, value: true },
      update: { value: true },
    });
    return async () => {
      const restore = await openDatabase({ kind: 'postgresql', url });
      try {
        if (before)
          await restore.prisma.setting.update({ where: { key: PUBLIC_VIEW_KEY }, data: { value: before.value! } });
        else await restore.prisma.setting.delete({ where: { key: PUBLIC_VIEW_KEY } });
      } finally {
        await restore.close();
      }
    };
  } finally {
    await db.close();
  }
}

export interface LoadRun {
  target: string;
  concurrency: number;
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakRssMb: number;
  /** CPU time of the server's process tree (Node.js; PostgreSQL's own backends not counted) per completed
   * request, in ms: what a page costs the server, which a busy machine distorts far less than latency. */
  cpuMsPerRequest: number;
}

export interface SizeResult {
  size: BenchSize;
  tables: Record<string, number>;
  load: { skipped: boolean; seconds: number };
  naive: OverviewComparison;
  chartPoints: { overviewSeries: number; overviewValues: number; mapStates: number };
  runs: LoadRun[];
  skipped: { target: string; reason: string }[];
  serverPeakRssMb: number;
  /** Uncompressed bytes of each target's response body, fetched once before the load (target key → bytes). */
  htmlBytes?: Record<string, number>;
  script: { files: number; transferredBytes: number; decodedBytes: number; error?: string };
  /** How soon a verification reaches the pages (bench/freshness.ts); an error message when it could not run. */
  freshness?: FreshnessResult | { error: string };
}

/** The overview on the embedded database: the same data as PostgreSQL's run of `size`, the same load. */
export interface PgliteResult {
  size: BenchSize;
  /** The server's DATA_DIR (absolute); its database is DATA_DIR/pglite. */
  dataDir: string;
  /** The version of @electric-sql/pglite in package.json. */
  version: string;
  /** `seconds`: how long the evidence load into PGlite took (in an earlier run when `skipped`). */
  load: { skipped: boolean; seconds: number };
  tables: Record<string, number>;
  /** The static page and the signed-in overview at each of the run's concurrencies. */
  runs: LoadRun[];
  serverPeakRssMb: number;
}

export interface BenchResults {
  machine: Record<string, string>;
  settings: { duration: number; concurrency: number[]; seed: number; generator: number; commit: string };
  sizes: SizeResult[];
  /** Absent with --no-pglite or when size S is not among --sizes. */
  pglite?: PgliteResult;
}

/** The size whose overview is also measured on the embedded database. */
export const PGLITE_SIZE: BenchSize = 's';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const ROOT = process.cwd();
const WORK = join(ROOT, '.tmp', 'bench');
const AUTH_SECRET = 'bench-only-session-key-0123456789abcdef';

// ---------------------------------------------------------------------------------------------------------------
// Processes

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/**
 * The sum of `measure` over a process and all its descendants (Linux /proc); a process that ends between two reads
 * counts as 0.
 */
function sumOverTree(pid: number, measure: (pid: number) => number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      total += measure(current);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(' ').map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

/** Resident memory of a process and all its descendants, in bytes. */
function treeRss(pid: number): number {
  return sumOverTree(pid, (current) => Number(readFileSync(`/proc/${current}/statm`, 'utf8').split(' ')[1]) * 4096);
}

/** CPU time (user + system) of a process and all its descendants so far, in ms (100 ticks/s). */
function treeCpuMs(pid: number): number {
  const ticks = sumOverTree(pid, (current) => {
    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field.
    const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  });
  return ticks * 10;
}

class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout;
  constructor(private pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
  }
  sample() {
    this.peak = Math.max(this.peak, treeRss(this.pid));
  }
  reset() {
    const peak = this.peak;
    this.peak = 0;
    return peak;
  }
  stop() {
    clearInterval(this.timer);
  }
}

interface Server {
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

/**
 * Starts `scripts/start.ts` in production on `port`, on PostgreSQL (`database.url`) or on the embedded database in
 * `database.dataDir`/pglite (no DATABASE_URL); its output goes to .tmp/bench/server-<name>.log. Resolves once
 * /api/health answers; throws when the port is taken, the server exits, or it does not answer within 180 s.
 */
async function startServer(
  name: string,
  database: { url: string } | { dataDir: string },
  port: number,
): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  try {
    await fetch(`${base}/api/health`);
    throw new Error(`Port ${port} is already in use: stop that server or pass --port.`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Port')) throw error;
  }
  mkdirSync(WORK, { recursive: true });
  const logFile = join(WORK, `server-${name}.log`);
  const out = openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    AUTH_SECRET,
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if ('url' in database) {
    env.DATABASE_URL = database.url;
    env.DATA_DIR = join(WORK, 'data');
  } else {
    // Without DATABASE_URL the server opens DATA_DIR/pglite (lib/db-target.ts), whatever the caller's shell set.
    delete env.DATABASE_URL;
    env.DATA_DIR = database.dataDir;
  }
  // As `npm start` runs it: one node process with tsx's loader, no tsx CLI process in between.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    detached: true,
    stdio: ['ignore', out, out],
    env,
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => !exited && process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server exited during start; see ${logFile}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return { child, base, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The server did not answer /api/health within 180 s; see ${logFile}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Session

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/** Signs in once through next-auth's credentials flow; returns the Cookie header of the session. */
async function signIn(base: string): Promise<{ header: string; name: string; value: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: jar.join('; ') },
    body: new URLSearchParams({
      csrfToken,
      email: BENCH_VIEWER.email,
      password: BENCH_VIEWER.password,
      callbackUrl: `${base}/en`,
      json: 'true',
    }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`Sign-in as ${BENCH_VIEWER.email} failed (HTTP ${response.status}).`);
  const [name, value] = [session.slice(0, session.indexOf('=')), session.slice(session.indexOf('=') + 1)];
  return { header: session, name, value };
}

// ---------------------------------------------------------------------------------------------------------------
// Load

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function loadTest(
  base: string,
  target: Target,
  cookie: string,
  options: { connections: number; duration: number },
): Promise<Omit<LoadRun, 'peakRssMb' | 'target' | 'concurrency' | 'cpuMsPerRequest'>> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${target.path}`,
        connections: options.connections,
        duration: options.duration,
        headers: target.anonymous ? {} : { cookie },
        timeout: 30,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const seconds = result.duration;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: result.requests.total,
    seconds,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? NaN),
    rps: round(result.requests.total / seconds),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Requests cut off at the end of a run are still being served: wait until the server answers the health check
 * promptly again (or two minutes pass), so that one page's backlog is not measured as the next page's latency.
 */
async function drain(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (Date.now() < deadline && quick < 2) {
    const started = Date.now();
    try {
      await (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) })).arrayBuffer();
    } catch {
      // Timed out: still busy.
    }
    quick = Date.now() - started < 150 ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

async function scriptBytes(base: string, cookie: { name: string; value: string }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: cookie.name, value: cookie.value, url: base }]);
    const page = await context.newPage();
    const pending: Promise<{ transferred: number; decoded: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const sizes = await response.request().sizes();
          const body = await response.body();
          return { transferred: sizes.responseBodySize, decoded: body.length };
        })(),
      );
    });
    const response = await page.goto(`${base}/en`, { waitUntil: 'networkidle', timeout: 120_000 });
    if (!response?.ok() || new URL(page.url()).pathname.includes('sign-in')) {
      throw new Error(`The overview did not open signed in in Chromium (HTTP ${response?.status()}, ${page.url()}).`);
    }
    const scripts = await Promise.all(pending);
    return {
      files: scripts.length,
      transferredBytes: scripts.reduce((sum, s) => sum + s.transferred, 0),
      decodedBytes: scripts.reduce((sum, s) => sum + s.decoded, 0),
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function machine(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  await client.end();
  return {
    cores: `${cpus().length}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    postgresql: rows[0]?.version.split(',')[0] ?? 'unknown',
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  };
}

function gitCommit(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => resolve(out.trim() || 'unknown'));
    child.on('error', () => resolve('unknown'));
  });
}

/**
 * Load-tests each target at each concurrency for `duration` seconds, in that order, draining the server after each;
 * `peakRssMb` is the server process tree's peak resident memory during that run.
 */
async function loadRuns(
  server: Server,
  cookie: string,
  targets: Target[],
  options: { concurrency: number[]; duration: number },
  sampler: RssSampler,
): Promise<LoadRun[]> {
  const runs: LoadRun[] = [];
  for (const concurrency of options.concurrency) {
    for (const target of targets) {
      sampler.reset();
      const cpuBefore = treeCpuMs(server.child.pid!);
      const result = await loadTest(server.base, target, cookie, {
        connections: concurrency,
        duration: options.duration,
      });
      const peakRssMb = Math.round(sampler.reset() / 2 ** 20);
      // Requests cut off at the end of the run finish during the drain: their CPU counts too (a slight overestimate).
      await drain(server.base);
      const cpuMsPerRequest = Math.round(((treeCpuMs(server.child.pid!) - cpuBefore) / result.requests) * 10) / 10;
      runs.push({ target: target.key, concurrency, ...result, peakRssMb, cpuMsPerRequest });
      log(
        `  c=${concurrency} ${target.key.padEnd(10)} p50 ${result.p50} ms, p95 ${result.p95} ms, ` +
          `p99 ${result.p99} ms, ${result.rps} req/s, non-2xx ${result.non2xx}, errors ${result.errors}, ` +
          `RSS ${peakRssMb} MB, CPU ${cpuMsPerRequest} ms/request`,
      );
    }
  }
  return runs;
}

/**
 * The overview on the embedded database: fills (or keeps) a PGlite data directory with the data of `size`, starts
 * the production server on it (DATA_DIR, no DATABASE_URL), signs in as the bench viewer and load-tests the static
 * page and the overview as the PostgreSQL run does, after the same warm-up.
 */
async function benchPglite(
  size: BenchSize,
  options: { port: number; duration: number; concurrency: number[]; force: boolean },
): Promise<PgliteResult> {
  const dataDir = defaultBenchDataDir(size);
  const target = benchPgliteTarget(dataDir);
  log(`PGlite ${size}: data in ${describeTarget(target)}`);
  const loaded = await ensureBenchData({ target, size, force: options.force, log: (line) => log(line) });
  const tables = await tableSizes(target);
  log(`PGlite ${size}: starting the production server on the embedded database on port ${options.port}…`);
  const name = `pglite-${size}`;
  const server = await startServer(name, { dataDir }, options.port);
  const sampler = new RssSampler(server.child.pid!);
  try {
    const session = await signIn(server.base);
    log('  signed in as the bench viewer');
    const targets = [STATIC_TARGET, OVERVIEW_TARGET];
    for (const page of targets) {
      const response = await fetch(`${server.base}${page.path}`, {
        redirect: 'manual',
        headers: page.anonymous ? {} : { cookie: session.header },
      });
      await response.arrayBuffer();
      if (response.status !== 200) {
        throw new Error(`${page.path} answers HTTP ${response.status} before the load; see ${WORK}/server-${name}.log`);
      }
    }
    log('  warming up…');
    for (const page of targets) await loadTest(server.base, page, session.header, { connections: 5, duration: 3 });
    // The warm-up's last requests still queue on the one engine thread: they would be measured as the static page's.
    await drain(server.base);
    let serverPeak = sampler.reset();
    const runs = await loadRuns(server, session.header, targets, options, sampler);
    serverPeak = Math.max(serverPeak, ...runs.map((run) => run.peakRssMb * 2 ** 20));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    return {
      size,
      dataDir,
      version: manifest.dependencies['@electric-sql/pglite'] ?? 'unknown',
      load: { skipped: loaded.skipped, seconds: loaded.marker.seconds },
      tables,
      runs,
      serverPeakRssMb: Math.round(serverPeak / 2 ** 20),
    };
  } finally {
    sampler.stop();
    await server.stop();
    log(`PGlite ${size}: server stopped.`);
  }
}

async function benchSize(
  size: BenchSize,
  options: { port: number; duration: number; concurrency: number[]; force: boolean; naiveRuns: number | null },
): Promise<SizeResult> {
  const url = process.env[`BENCH_DATABASE_URL_${size.toUpperCase()}`] || defaultBenchUrl(size);
  log(`Size ${size}: data in ${url.replace(/\/\/[^@/]*@/, '//…@')}`);
  const target = { kind: 'postgresql', url } as const;
  const loaded = await ensureBenchData({ target, size, force: options.force, log: (line) => log(line) });
  const tables = await tableSizes(target);

  log(`Size ${size}: the overview naive (all verified revisions into JavaScript) vs SQL over the rollups…`);
  const db = await openDatabase({ kind: 'postgresql', url });
  let naive: OverviewComparison;
  let chartPoints: SizeResult['chartPoints'];
  try {
    // The naive way takes tens of seconds at L: time it once there (the ratio is in the hundreds anyway).
    naive = await compareOverview(db.prisma, options.naiveRuns ?? (size === 'l' ? 1 : 3));
    const series = await statusSeries(db.prisma, {}, { publicOnly: false });
    const map = await statusPerState(db.prisma, { theme: 'legal-framework' }, {}, 'en', { publicOnly: false });
    chartPoints = {
      overviewSeries: series.points.length,
      overviewValues: series.points.length * Object.keys(series.points[0]?.counts ?? {}).length,
      mapStates: map.length,
    };
  } finally {
    await db.close();
  }
  log(
    `  ${naive.rowsRead.toLocaleString('en')} rows: naive ${naive.naiveMs.toFixed(0)} ms, ` +
      `SQL ${naive.sqlMs.toFixed(1)} ms (×${naive.ratio.toFixed(0)}); identical results`,
  );

  log(`Size ${size}: starting the production server on port ${options.port}…`);
  const restorePublicView = await publicViewOn(url);
  const server = await startServer(size, { url }, options.port).catch(async (error: unknown) => {
    await restorePublicView();
    throw error;
  });
  const sampler = new RssSampler(server.child.pid!);
  let serverPeak = 0;
  try {
    const session = await signIn(server.base);
    log('  signed in as the bench viewer');
    const targets: Target[] = [];
    const skipped: SizeResult['skipped'] = [];
    const htmlBytes: Record<string, number> = {};
    for (const target of TARGETS) {
      const response = await fetch(`${server.base}${target.path}`, {
        redirect: 'manual',
        headers: target.anonymous ? {} : { cookie: session.header },
      });
      // fetch asks for gzip and decodes it: this is the uncompressed size.
      htmlBytes[target.key] = (await response.arrayBuffer()).byteLength;
      if (response.status === 404 && target.optional) {
        skipped.push({ target: target.key, reason: `${target.path} answers 404 (not on this branch yet)` });
        log(`  skipping ${target.path}: 404`);
        continue;
      }
      if (response.status !== 200) {
        throw new Error(
          `${target.path} answers HTTP ${response.status} before the load; see ${WORK}/server-${size}.log`,
        );
      }
      targets.push(target);
    }
    log(`  response sizes: ${targets.map((target) => `${target.key} ${htmlBytes[target.key]} B`).join(', ')}`);
    log('  warming up…');
    for (const target of targets) await loadTest(server.base, target, session.header, { connections: 5, duration: 3 });
    await drain(server.base);
    serverPeak = sampler.reset();
    // Measured while the server is idle; a failure is reported in the results rather than losing the run.
    log('  measuring the JavaScript of the overview in Chromium…');
    let script: SizeResult['script'];
    try {
      script = await scriptBytes(server.base, session);
      log(`  ${script.files} scripts: ${script.transferredBytes} B transferred, ${script.decodedBytes} B decoded`);
    } catch (error) {
      script = { files: 0, transferredBytes: 0, decodedBytes: 0, error: String(error).split('\n')[0] };
      log(`  could not measure the scripts: ${script.error}`);
    }

    const runs = await loadRuns(server, session.header, targets, options, sampler);
    serverPeak = Math.max(serverPeak, ...runs.map((run) => run.peakRssMb * 2 ** 20));
    log('  measuring how soon a verification shows on the pages…');
    let freshness: SizeResult['freshness'];
    const freshnessDb = await openDatabase({ kind: 'postgresql', url });
    try {
      const pages = targets.filter((target) => !target.anonymous && target.key !== 'progress');
      freshness = await measureFreshness(freshnessDb, server.base, session.header, pages);
      log(
        `  visible after ${freshness.visibleAfterMs.map((value) => value.toFixed(0)).join(', ')} ms; ` +
          `requests until visible: ${freshness.requestsUntilVisible.join(', ')}`,
      );
    } catch (error) {
      freshness = { error: String(error).split('\n')[0]! };
      log(`  could not measure freshness: ${freshness.error}`);
    } finally {
      await freshnessDb.close();
    }
    return {
      size,
      tables,
      htmlBytes,
      freshness,
      load: { skipped: loaded.skipped, seconds: loaded.marker.seconds },
      naive,
      chartPoints,
      runs,
      skipped,
      serverPeakRssMb: Math.round(serverPeak / 2 ** 20),
      script,
    };
  } finally {
    sampler.stop();
    await server.stop();
    await restorePublicView();
    log(`Size ${size}: server stopped.`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 's,l' },
      duration: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '10,50' },
      port: { type: 'string', default: '3600' },
      'naive-runs': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      'force-data': { type: 'boolean', default: false },
      // Node 20's parseArgs has no negated flags: the PGlite run is on unless --no-pglite is given.
      'no-pglite': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results.md' },
    },
  });
  const sizes = values.sizes.split(',') as BenchSize[];
  if (sizes.some((size) => !BENCH_SIZES.includes(size))) throw new Error(`--sizes: any of ${BENCH_SIZES.join(',')}`);
  const duration = Number(values.duration);
  const concurrency = values.concurrency.split(',').map(Number);
  const port = Number(values.port);
  const naiveRuns = values['naive-runs'] === undefined ? null : Number(values['naive-runs']);
  if (![duration, port, naiveRuns ?? 1, ...concurrency].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('--duration, --port, --naive-runs and --concurrency take positive integers.');
  }
  const started = Date.now();
  if (values['skip-build'] && existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    log('Using the existing build (--skip-build); scripts/start.ts still rebuilds a stale one.');
  } else {
    log('Building the app (npm run build)…');
    await run('npm', ['run', 'build']);
  }
  const results: BenchResults = {
    machine: await machine(defaultBenchUrl(sizes[0]!).replace(/\/[^/]*$/, '/postgres')),
    settings: { duration, concurrency, seed: DEFAULT_SEED, generator: GENERATOR_VERSION, commit: await gitCommit() },
    sizes: [],
  };
  const force = values['force-data'];
  for (const size of sizes) {
    results.sizes.push(await benchSize(size, { port, duration, concurrency, force, naiveRuns }));
    // The embedded database is measured at one size (issue 13), right after PostgreSQL's run of the same data.
    if (size === PGLITE_SIZE && !values['no-pglite']) {
      results.pglite = await benchPglite(size, { port, duration, concurrency, force });
    }
  }
  if (!results.pglite && !values['no-pglite']) {
    log(`No PGlite run: it measures size ${PGLITE_SIZE}, which is not among --sizes.`);
  }
  writeFileSync(values.out, renderResults(results));
  writeFileSync(values.out.replace(/\.md$/, '.json'), JSON.stringify(results, null, 2) + '\n');
  log(`Wrote ${values.out} in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
