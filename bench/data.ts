// npm run bench:data -- --size s|l [--database-url URL] [--seed N] [--force]
// Creates (if missing), migrates, seeds and fills a PostgreSQL database with the benchmark's synthetic evidence.
import { parseArgs } from 'node:util';
import { BENCH_SIZES, DEFAULT_SEED, type BenchSize } from './data/generator';
import { defaultBenchUrl, ensureBenchData } from './data/load';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench:data -- --size ${BENCH_SIZES.join('|')} [--database-url URL] [--seed N] [--force]`,
  );
  process.exit(2);
}

try {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const size = values.size as BenchSize | undefined;
  if (!size || !BENCH_SIZES.includes(size)) usage(`--size must be one of ${BENCH_SIZES.join(', ')}.`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) usage('--seed must be an integer.');
  const url = values['database-url'] ?? defaultBenchUrl(size);
  if (!/^postgres(ql)?:\/\//.test(url)) usage('--database-url must be a postgresql:// URL.');
  console.log(`Bench data size ${size}, seed ${seed} → ${url.replace(/\/\/[^@/]*@/, '//…@')}`);
  await ensureBenchData({ url, size, seed, force: values.force });
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
