// npm run bench:data -- --size xs|s|l [--database-url URL | --pglite [--data-dir DIR]] [--seed N] [--force]
// Creates (if missing), migrates, seeds and fills a PostgreSQL database, or with --pglite an embedded (PGlite) data
// directory, with the benchmark's synthetic evidence.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseTarget } from '@/lib/db';
import { BENCH_SIZES, DEFAULT_SEED, type BenchSize } from './data/generator';
import { benchPgliteTarget, defaultBenchDataDir, defaultBenchUrl, describeTarget, ensureBenchData } from './data/load';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench:data -- --size ${BENCH_SIZES.join('|')} ` +
      '[--database-url URL | --pglite [--data-dir DIR]] [--seed N] [--force]',
  );
  process.exit(2);
}

try {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      'database-url': { type: 'string' },
      pglite: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const size = values.size as BenchSize | undefined;
  if (!size || !BENCH_SIZES.includes(size)) usage(`--size must be one of ${BENCH_SIZES.join(', ')}.`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) usage('--seed must be an integer.');
  if (values.pglite && values['database-url']) usage('Give either --database-url or --pglite, not both.');
  if (values['data-dir'] && !values.pglite) usage('--data-dir is for --pglite (the DATA_DIR the server will use).');
  let target: DatabaseTarget;
  if (values.pglite) {
    target = benchPgliteTarget(values['data-dir'] ? resolve(values['data-dir']) : defaultBenchDataDir(size));
  } else {
    const url = values['database-url'] ?? defaultBenchUrl(size);
    if (!/^postgres(ql)?:\/\//.test(url)) usage('--database-url must be a postgresql:// URL.');
    target = { kind: 'postgresql', url };
  }
  console.log(`Bench data size ${size}, seed ${seed} → ${describeTarget(target)}`);
  await ensureBenchData({ target, size, seed, force: values.force });
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
