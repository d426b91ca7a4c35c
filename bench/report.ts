import type { BenchResults, LoadRun, SizeResult } from './run';

/** bench/results.md from the figures of one `npm run bench`. */
export const OVERVIEW_P95_TARGET_MS = 150;
export const CHART_POINTS_TARGET = 2000;

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
    `| page | p50 ms | p95 ms | p99 ms | req/s | p95 / static | req/s / static | non-2xx | socket errors + timeouts | peak RSS MB |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const run of runs) {
    lines.push(
      `| ${run.target} | ${ms(run.p50)} | ${ms(run.p95)} | ${ms(run.p99)} | ${n(run.rps)} | ` +
        `${base && run !== base ? ratio(run.p95, base.p95) : ''} | ` +
        `${base && run !== base ? ratio(run.rps, base.rps) : ''} | ${run.non2xx} | ${run.errors + run.timeouts} | ${run.peakRssMb} |`,
    );
  }
  return lines.join('\n');
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
  const tables = Object.keys(results.sizes[0]?.tables ?? {});
  out.push(`| table | ${results.sizes.map((s) => s.size.toUpperCase()).join(' | ')} |`);
  out.push(`| --- | ${results.sizes.map(() => '---:').join(' | ')} |`);
  for (const table of tables) {
    out.push(`| ${table} | ${results.sizes.map((s) => n(s.tables[table] ?? 0)).join(' | ')} |`);
  }
  out.push(
    `| load time (s) | ${results.sizes
      .map((s) => `${s.load.seconds}${s.load.skipped ? ' (earlier run)' : ''}`)
      .join(' | ')} |`,
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

  out.push('## Targets', '');
  const large = results.sizes.find((s) => s.size === 'l') ?? results.sizes.at(-1);
  if (large) {
    const overview = large.runs.find((run) => run.target === 'overview' && run.concurrency === 10);
    if (overview) {
      const met = overview.p95 <= OVERVIEW_P95_TARGET_MS;
      out.push(
        `- Overview p95 ≤ ${OVERVIEW_P95_TARGET_MS} ms at concurrency 10, size ${large.size.toUpperCase()}: ` +
          `${overview.p95} ms, **${met ? 'met' : 'missed'}** ` +
          `(${met ? `${(OVERVIEW_P95_TARGET_MS - overview.p95).toFixed(1)} ms to spare` : `over by ${(overview.p95 - OVERVIEW_P95_TARGET_MS).toFixed(1)} ms, ×${(overview.p95 / OVERVIEW_P95_TARGET_MS).toFixed(2)}`}).`,
      );
      const base = large.runs.find((run) => run.target === 'static' && run.concurrency === 10);
      if (base) {
        out.push(
          `  For scale: the static page, which renders the same layout without any database query, has p95 ` +
            `${base.p95} ms in the same run (${((base.p95 / overview.p95) * 100).toFixed(0)}% of the overview's); ` +
            `the rest (${Math.max(0, overview.p95 - base.p95).toFixed(1)} ms) is the overview's own queries and markup.`,
        );
      }
    } else {
      out.push(`- Overview p95 at concurrency 10: not measured (concurrency 10 not in this run).`);
    }
    const errors = errorsOf(large.runs);
    out.push(
      `- Zero errors at size ${large.size.toUpperCase()}: ${errors === 0 ? '**met**' : `**missed**: ${errors} non-2xx responses, socket errors or timeouts`}.`,
    );
    const points = large.chartPoints.overviewValues;
    out.push(
      `- At most ~${n(CHART_POINTS_TARGET)} points per chart: the largest series has ${n(points)} values, ` +
        `**${points <= CHART_POINTS_TARGET ? 'met' : 'missed'}**.`,
    );
  }
  out.push('');
  return out.join('\n');
}
