// npx tsx bench/render.ts [bench/results.json]: writes bench/results.md again from the raw figures of a run.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderResults } from './report';
import type { BenchResults } from './run';

const input = process.argv[2] ?? 'bench/results.json';
const results = JSON.parse(readFileSync(input, 'utf8')) as BenchResults;
writeFileSync(input.replace(/\.json$/, '.md'), renderResults(results));
console.log(`Wrote ${input.replace(/\.json$/, '.md')}`);
