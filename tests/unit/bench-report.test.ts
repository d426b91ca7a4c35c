import { describe, expect, it } from 'vitest';
import { renderResults } from '@/bench/report';
import type { BenchResults, LoadRun } from '@/bench/run';

/** One autocannon run as bench/run.ts records it; the figures are chosen, not measured. */
function run(
  target: string,
  concurrency: number,
  p95: number,
  rps: number,
  peakRssMb = 500,
  cpuMs = p95 / 10,
): LoadRun {
  return {
    target,
    concurrency,
    requests: Math.round(rps * 5),
    seconds: 5,
    p50: p95 / 2,
    p95,
    p99: p95 + 1,
    max: p95 + 2,
    rps,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    peakRssMb,
    cpuMsPerRequest: cpuMs,
  };
}

const TABLES = { Evidence: 119_892, EvidenceRevision: 209_609, EvidenceSource: 272_599 };

function results(pgliteOverviewP95: number): BenchResults {
  return {
    machine: {
      date: '2026-12-02 01:00 UTC',
      cpu: 'test CPU',
      cores: '2',
      memory: '8 GiB',
      node: 'v20',
      postgresql: 'PostgreSQL 16',
    },
    settings: { duration: 5, concurrency: [10], seed: 1, generator: 2, commit: 'abc1234' },
    sizes: [
      {
        size: 's',
        tables: TABLES,
        load: { skipped: true, seconds: 12.2 },
        naive: { rowsRead: 10, months: 250, sqlMs: 1, naiveMs: 100, ratio: 100 },
        chartPoints: { overviewSeries: 264, overviewValues: 1584, mapStates: 193 },
        runs: [run('static', 10, 100, 20), run('overview', 10, 150, 10, 560)],
        skipped: [],
        serverPeakRssMb: 560,
        script: { files: 1, transferredBytes: 1000, decodedBytes: 3000 },
      },
    ],
    pglite: {
      size: 's',
      dataDir: '/tmp/bench/pglite-s',
      version: '0.4.6',
      load: { skipped: false, seconds: 22.2 },
      tables: { ...TABLES, EvidenceSource: 1 },
      runs: [run('static', 10, 200, 10, 600), run('overview', 10, pgliteOverviewP95, 2, 640)],
      serverPeakRssMb: 640,
    },
  };
}

describe('bench report: the overview on PGlite', () => {
  it('puts the PGlite overview beside PostgreSQL’s, each with the ratio to its own static page', () => {
    const report = renderResults(results(300));
    const section = report.slice(report.indexOf('## Overview on PGlite (S)'), report.indexOf('## Targets'));
    expect(section).toContain('| PostgreSQL | 10 | overview | 75 | 150 | 151 | 10 | ×1.5 | ×0.5 | 0 | 0 | 560 |');
    expect(section).toContain('| PGlite | 10 | static | 100 | 200 | 201 | 10 |  |  | 0 | 0 | 600 |');
    expect(section).toContain('| PGlite | 10 | overview | 150 | 300 | 301 | 2 | ×1.5 | ×0.2 | 0 | 0 | 640 |');
    expect(section).toContain('Load into PGlite: 22.2 s for 119,892 evidence records');
    expect(section).toContain('row counts differ from PostgreSQL in: EvidenceSource');
    expect(report).toContain('| table | S | S on PGlite |');
    expect(report).toContain('| load time (s) | 12.2 (earlier run) | 22.2 |');
    expect(report).toContain('| PGlite | 0.4.6 (embedded, in the server process) |');
  });

  it('marks the PGlite targets met or missed on the figures of its own run', () => {
    const met = renderResults(results(300));
    const targets = met.slice(met.indexOf('### Overview on PGlite (S)'));
    expect(targets).toContain("overview, c=10: p95 300 ms = ×1.5 the static page's 200 ms (target ≤ ×2): **met**.");
    expect(targets).toContain('Server peak RSS ≤ 600 MB (database included): 640 MB, **missed**.');
    const missed = renderResults(results(500));
    expect(missed).toContain("overview, c=10: p95 500 ms = ×2.5 the static page's 200 ms (target ≤ ×2): **missed**.");
    const none = renderResults(results(NaN));
    expect(none).toContain('no request completed within the 5 s run): **missed**.');
  });

  it('gives each page the server CPU per request beside its latency, with the ratio to the static page', () => {
    const report = renderResults(results(300));
    const table = report.slice(report.indexOf('### Concurrency 10'));
    expect(table).toContain('| static | 50 | 100 | 101 | 20 |  |  | 10 |  | 0 | 0 | 500 |');
    expect(table).toContain('| overview | 75 | 150 | 151 | 10 | ×1.5 | ×0.5 | 15 | ×1.5 | 0 | 0 | 560 |');
    expect(report).toContain("server CPU 15 ms per request = ×1.5 the static page's.");
  });

  it('leaves the section out when the run had no PGlite part', () => {
    const report = renderResults({ ...results(300), pglite: undefined });
    expect(report).not.toContain('PGlite');
    expect(report).toContain('| table | S |');
  });
});
