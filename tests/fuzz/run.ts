/**
 * `npm run fuzz [-- --cases N --seed S]`: the long fuzz run of every reader decoder (default 100,000
 * cases) and a 10 MB noise flood. Exits non-zero on any property failure, printing the seed and case.
 */
import { parseArgs } from 'node:util';
import { noiseFlood, runScannerFuzz } from './scannerDecoders';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const cases = Number(values.cases);
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;

const t0 = performance.now();
const stats = runScannerFuzz(cases, seed);
const ms = performance.now() - t0;
console.log(`[fuzz] scanner decoders: ${stats.cases} cases, seed ${seed}, ${(ms / 1000).toFixed(1)} s`);
console.log(`[fuzz]   zones decoded ${stats.zones}, documents ${stats.documents}, problems reported ${stats.problems}`);

const flood = noiseFlood();
for (const [target, f] of Object.entries(flood)) {
  console.log(`[fuzz] 10 MB noise through ${target}: ${f.ms.toFixed(0)} ms, ${f.zones} line groups, ${f.documents} documents`);
  if (f.documents > 0) stats.failures.push(`10 MB noise through ${target} produced ${f.documents} documents`);
}

if (stats.failures.length > 0) {
  console.error(`[fuzz] ${stats.failures.length} failure(s):`);
  for (const f of stats.failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log('[fuzz] all properties held');
