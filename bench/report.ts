import type { BenchResults, LoadRun, PgliteResult, SizeResult } from './run';

/** bench/results.md from the figures of one `npm run bench`. */
export const CHART_POINTS_TARGET = 2000;
/** A dashboard page's p95 may be at most this many times the static page's p95 of the same run. */
export const STATIC_RATIO_TARGET = 2;
export const HTML_BYTES_TARGET = 300_000;
export const OVERVIEW_SCRIPT_KIB_TARGET = 170;
export const SERVER_RSS_MB_TARGET = 600;
const DASHBOARD_PAGES = ['overview', 'matrix', 'country', 'commitment'].flatMap((page) => [page, `${page}-public`]);

const n = (value: number) => value.toLocaleString('en');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** No response completed within the run: every request took longer than the run lasted. */
const ms = (value: number | null) => (value === null || Number.isNaN(value) ? 'none completed' : String(value));
const ratio = (value: number, base: number) =>
  base > 0 && Number.isFinite(value) ? `×${(value / base).toFixed(1)}` : '–';

function runTable(size: SizeResult, concurrency: number): string {
  const runs = size.runs.filter((run) => run.concurrency === concurrency);
  const base = runs.find((run) => run.target === 'static');
  const lines = [
    `| page | p50 ms | p95 ms | p99 ms | req/s | p95 / static | req/s / static | server CPU ms / request | CPU / static | non-2xx | socket errors + timeouts | peak RSS MB |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const run of runs) {
    const cpu = run.cpuMsPerRequest ?? NaN;
    lines.push(
      `| ${run.target} | ${ms(run.p50)} | ${ms(run.p95)} | ${ms(run.p99)} | ${n(run.rps)} | ` +
        `${base && run !== base ? ratio(run.p95, base.p95) : ''} | ` +
        `${base && run !== base ? ratio(run.rps, base.rps) : ''} | ${Number.isFinite(cpu) ? cpu : '–'} | ` +
        `${base && run !== base ? ratio(cpu, base.cpuMsPerRequest ?? NaN) : ''} | ` +
        `${run.non2xx} | ${run.errors + run.timeouts} | ${run.peakRssMb} |`,
    );
  }
  return lines.join('\n');
}

const verdict = (met: boolean) => (met ? '**met**' : '**missed**');

/** The nearest-rank quantile `q` (0–1) of `values`; NaN when there are none. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Each of issue 13's targets at one size, marked met or missed with the figure it was judged on. */
function targetLines(size: SizeResult, concurrencies: number[]): string[] {
  const label = size.size.toUpperCase();
  const lines: string[] = [`### Size ${label}`, ''];
  for (const concurrency of concurrencies) {
    const runs = size.runs.filter((run) => run.concurrency === concurrency);
    const base = runs.find((run) => run.target === 'static');
    if (!base) continue;
    for (const run of runs.filter((candidate) => DASHBOARD_PAGES.includes(candidate.target))) {
      const times = run.p95 / base.p95;
      const cpu = run.cpuMsPerRequest / base.cpuMsPerRequest;
      lines.push(
        `- ${run.target}, c=${concurrency}: p95 ${ms(run.p95)} ms = ×${times.toFixed(1)} the static page's ` +
          `${base.p95} ms (target ≤ ×${STATIC_RATIO_TARGET}): ${verdict(times <= STATIC_RATIO_TARGET)}` +
          (Number.isFinite(cpu)
            ? `; server CPU ${run.cpuMsPerRequest} ms per request = ×${cpu.toFixed(1)} the static page's.`
            : '.'),
      );
    }
  }
  const errors = errorsOf(size.runs);
  lines.push(
    `- Zero errors: ${errors === 0 ? '**met**' : `**missed**: ${errors} non-2xx, socket errors or timeouts`}.`,
  );
  if (size.htmlBytes) {
    const over = Object.entries(size.htmlBytes).filter(
      ([target, bytes]) => DASHBOARD_PAGES.includes(target) && bytes > HTML_BYTES_TARGET,
    );
    lines.push(
      `- HTML ≤ ${HTML_BYTES_TARGET / 1000} KB per dashboard page: ${verdict(over.length === 0)}` +
        (over.length ? ` (over: ${over.map(([target, bytes]) => `${target} ${kb(bytes)}`).join(', ')})` : '') +
        '.',
    );
  }
  if (!size.script.error) {
    const kib = size.script.transferredBytes / 1024;
    lines.push(
      `- Overview JavaScript ≤ ${OVERVIEW_SCRIPT_KIB_TARGET} KiB compressed: ${kib.toFixed(1)} KiB, ` +
        `${verdict(kib <= OVERVIEW_SCRIPT_KIB_TARGET)}.`,
    );
  }
  lines.push(
    `- Server peak RSS ≤ ${SERVER_RSS_MB_TARGET} MB: ${size.serverPeakRssMb} MB, ` +
      `${verdict(size.serverPeakRssMb <= SERVER_RSS_MB_TARGET)}.`,
  );
  const fresh = size.freshness;
  if (fresh && 'error' in fresh) {
    lines.push(`- Freshness after a verification: not measured (${fresh.error}).`);
  } else if (fresh) {
    const visible = fresh.visibleAfterMs;
    lines.push(
      `- Freshness: over ${fresh.rounds} verifications through the API (${fresh.pair.actor} × ${fresh.pair.commitment}), ` +
        `the country page showed the new status on request no. ${Math.max(...fresh.requestsUntilVisible)} at worst ` +
        `(1 = the very next request): ${verdict(fresh.requestsUntilVisible.every((tries) => tries === 1))}; ` +
        `from the verify response to that page: p50 ${quantile(visible, 0.5).toFixed(0)} ms, ` +
        `max ${Math.max(...visible).toFixed(0)} ms.`,
      `- First request after a change (all pages at once, p95 over the rounds): ` +
        Object.entries(fresh.firstRequestMs)
          .map(([target, values]) => `${target} ${quantile(values, 0.95).toFixed(0)} ms`)
          .join(', ') +
        '.',
    );
  }
  const points = size.chartPoints.overviewValues;
  lines.push(
    `- At most ~${n(CHART_POINTS_TARGET)} points per chart: the largest series has ${n(points)} values, ` +
      `${verdict(points <= CHART_POINTS_TARGET)}.`,
    '',
  );
  return lines;
}

/** The static page and the overview of one run, as table rows, with the ratios to that run's static page. */
function overviewRows(database: string, runs: LoadRun[], concurrency: number): string[] {
  const base = runs.find((run) => run.concurrency === concurrency && run.target === 'static');
  return ['static', 'overview'].flatMap((target) => {
    const run = runs.find((candidate) => candidate.concurrency === concurrency && candidate.target === target);
    if (!run) return [];
    const ratios = base && run !== base ? `${ratio(run.p95, base.p95)} | ${ratio(run.rps, base.rps)}` : ' | ';
    return [
      `| ${database} | ${concurrency} | ${target} | ${ms(run.p50)} | ${ms(run.p95)} | ${ms(run.p99)} | ${n(run.rps)} | ` +
        `${ratios} | ${run.non2xx} | ${run.errors + run.timeouts} | ${run.peakRssMb} |`,
    ];
  });
}

/** "Overview on PGlite (S)": the embedded database's figures beside PostgreSQL's of the same size and run. */
function pgliteSection(pglite: PgliteResult, results: BenchResults): string[] {
  const label = pglite.size.toUpperCase();
  const postgres = results.sizes.find((size) => size.size === pglite.size);
  const out = [`## Overview on PGlite (${label})`, ''];
  out.push(
    `The same ${label} data loaded into an embedded database (PGlite ${pglite.version}, the server's`,
    '`DATA_DIR/pglite`) and served by the production server started on it (`scripts/start.ts` with `DATA_DIR` and',
    'no `DATABASE_URL`): the static page and the overview signed in as the bench viewer, with the same warm-up and',
    `load as PostgreSQL's run of size ${label}, whose rows are repeated here. PGlite runs inside the server process,`,
    "so its peak RSS includes the database's memory; PostgreSQL's server processes are not counted in its figure.",
    '',
    '| database | concurrency | page | p50 ms | p95 ms | p99 ms | req/s | p95 / static | req/s / static | non-2xx | socket errors + timeouts | peak RSS MB |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const concurrency of results.settings.concurrency) {
    if (postgres) out.push(...overviewRows('PostgreSQL', postgres.runs, concurrency));
    out.push(...overviewRows('PGlite', pglite.runs, concurrency));
  }
  out.push('');
  const different = postgres
    ? Object.keys(postgres.tables).filter((table) => postgres.tables[table] !== pglite.tables[table])
    : [];
  out.push(
    `- Load into PGlite: ${pglite.load.seconds} s${pglite.load.skipped ? ' (in an earlier run, kept)' : ''} for ` +
      `${n(pglite.tables.Evidence ?? 0)} evidence records, ${n(pglite.tables.EvidenceRevision ?? 0)} revisions and ` +
      `${n(pglite.tables.EvidenceSource ?? 0)} sources` +
      (postgres
        ? different.length === 0
          ? `; every table holds as many rows as the PostgreSQL ${label} database.`
          : `; row counts differ from PostgreSQL in: ${different.join(', ')}.`
        : '.'),
    `- Peak RSS of the server process tree on PGlite over its whole run: ${pglite.serverPeakRssMb} MB.`,
    '',
  );
  return out;
}

/** Issue 13's latency, error and memory targets applied to the PGlite run. */
function pgliteTargetLines(pglite: PgliteResult, concurrencies: number[]): string[] {
  const lines = [`### Overview on PGlite (${pglite.size.toUpperCase()})`, ''];
  for (const concurrency of concurrencies) {
    const base = pglite.runs.find((run) => run.concurrency === concurrency && run.target === 'static');
    const run = pglite.runs.find(
      (candidate) => candidate.concurrency === concurrency && candidate.target === 'overview',
    );
    if (!base || !run) continue;
    const times = run.p95 / base.p95;
    lines.push(
      Number.isFinite(times)
        ? `- overview, c=${concurrency}: p95 ${run.p95} ms = ×${times.toFixed(1)} the static page's ` +
            `${base.p95} ms (target ≤ ×${STATIC_RATIO_TARGET}): ${verdict(times <= STATIC_RATIO_TARGET)}.`
        : `- overview, c=${concurrency}: p95 ${ms(run.p95)}, static page p95 ${ms(base.p95)}: no ratio ` +
            `(no request completed within the ${run.seconds} s run): **missed**.`,
    );
  }
  const errors = errorsOf(pglite.runs);
  lines.push(
    `- Zero errors: ${errors === 0 ? '**met**' : `**missed**: ${errors} non-2xx, socket errors or timeouts`}.`,
    `- Server peak RSS ≤ ${SERVER_RSS_MB_TARGET} MB (database included): ${pglite.serverPeakRssMb} MB, ` +
      `${verdict(pglite.serverPeakRssMb <= SERVER_RSS_MB_TARGET)}.`,
    '',
  );
  return lines;
}

function errorsOf(runs: LoadRun[]): number {
  return runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0);
}

export function renderResults(results: BenchResults): string {
  const { machine, settings } = results;
  const out: string[] = [];
  out.push('# Dashboard benchmark results', '');
  out.push(
    'Written by `npm run bench` (bench/run.ts); see README.md, "Benchmark". Figures from a shared 2-core machine are',
    'noisy: compare the ratios to the static page measured in the same run rather than absolute milliseconds.',
    '',
  );
  out.push('## Machine and settings', '');
  out.push(`| | |`, `| --- | --- |`);
  out.push(`| date | ${machine.date} |`);
  out.push(`| CPU | ${machine.cpu}, ${machine.cores} cores visible |`);
  out.push(`| memory | ${machine.memory} |`);
  out.push(`| Node.js | ${machine.node} |`);
  out.push(`| PostgreSQL | ${machine.postgresql} |`);
  if (results.pglite) out.push(`| PGlite | ${results.pglite.version} (embedded, in the server process) |`);
  out.push(`| commit | ${settings.commit} |`);
  out.push(
    `| load | autocannon, ${settings.duration} s per page and concurrency (${settings.concurrency.join(', ')}), ` +
      `after a 3 s warm-up per page at concurrency 5; signed in as a viewer |`,
  );
  out.push(`| data | generator v${settings.generator}, seed ${settings.seed} |`, '');
  out.push(
    'The static page is `/en/sign-in` requested without a session: the same layout, header, translations and',
    'CSP nonce as every page, but no database query. The load generator runs on the same two cores as the server',
    'and PostgreSQL, so absolute throughput is a lower bound. Latencies are of completed responses: a request still',
    'running when its run ends is cut off and not counted (the server is then drained before the next page); one',
    'that takes over 30 s counts as a timeout.',
    '',
  );

  out.push('## Data sizes (rows per table)', '');
  const columns: { label: string; tables: Record<string, number>; load: { skipped: boolean; seconds: number } }[] = [
    ...results.sizes.map((s) => ({ label: s.size.toUpperCase(), tables: s.tables, load: s.load })),
    ...(results.pglite ? [{ ...results.pglite, label: `${results.pglite.size.toUpperCase()} on PGlite` }] : []),
  ];
  const tables = Object.keys(results.sizes[0]?.tables ?? {});
  out.push(`| table | ${columns.map((c) => c.label).join(' | ')} |`);
  out.push(`| --- | ${columns.map(() => '---:').join(' | ')} |`);
  for (const table of tables) {
    out.push(`| ${table} | ${columns.map((c) => n(c.tables[table] ?? 0)).join(' | ')} |`);
  }
  out.push(
    `| load time (s) | ${columns.map((c) => `${c.load.seconds}${c.load.skipped ? ' (earlier run)' : ''}`).join(' | ')} |`,
    '',
  );

  for (const size of results.sizes) {
    out.push(`## Size ${size.size.toUpperCase()}`, '');
    for (const concurrency of settings.concurrency) {
      out.push(`### Concurrency ${concurrency}`, '', runTable(size, concurrency), '');
    }
    for (const skip of size.skipped) out.push(`- Not measured: ${skip.target}: ${skip.reason}.`);
    out.push(`- Peak RSS of the server process tree over the whole run: ${size.serverPeakRssMb} MB.`);
    out.push(
      `- Overview naive vs SQL: reading ${n(size.naive.rowsRead)} verified revisions into JavaScript and ` +
        `replaying them month by month takes ${size.naive.naiveMs.toFixed(0)} ms; the SQL over the rollups ` +
        `(lib/dashboard/queries.ts statusSeries) ${size.naive.sqlMs.toFixed(1)} ms: naive/SQL = ` +
        `**×${size.naive.ratio.toFixed(0)}**. Both give the same ${size.naive.months} monthly points (checked).`,
    );
    if (size.htmlBytes) {
      out.push(
        `- Response size (uncompressed, target 300 KB for a dashboard page): ` +
          Object.entries(size.htmlBytes)
            .map(
              ([target, bytes]) => `${target} ${kb(bytes)}${bytes > 300_000 && target !== 'progress' ? ' (over)' : ''}`,
            )
            .join(', ') +
          '.',
      );
    }
    out.push(
      `- Chart points: the overview series has ${size.chartPoints.overviewSeries} months × 6 statuses = ` +
        `${n(size.chartPoints.overviewValues)} values; the map ${size.chartPoints.mapStates} states.`,
    );
    out.push(
      size.script.error
        ? `- JavaScript of the overview page: not measured (${size.script.error}).`
        : `- JavaScript of the overview page (Chromium, signed in, server idle): ${size.script.files} scripts, ` +
            `${kb(size.script.transferredBytes)} transferred (compressed), ${kb(size.script.decodedBytes)} decoded.`,
      '',
    );
  }

  if (results.pglite) out.push(...pgliteSection(results.pglite, results));

  out.push('## Targets (issue 13)', '');
  for (const size of results.sizes) out.push(...targetLines(size, settings.concurrency));
  if (results.pglite) out.push(...pgliteTargetLines(results.pglite, settings.concurrency));
  out.push('');
  return out.join('\n');
}
