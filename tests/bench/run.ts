/**
 * Benchmark runner: `npm run bench` runs every tests/bench/*.bench.ts in turn, each in its own process
 * (so one suite's memory does not colour the next); `npm run bench -- NAME` runs one.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { consoleReporter } from './reporter';

const here = dirname(fileURLToPath(import.meta.url));
const [, , ...names] = process.argv;

if (process.env.BENCH_CHILD) {
  const file = names[0]!;
  const suite = file.replace(/\.bench\.ts$/, '');
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (r: ReturnType<typeof consoleReporter>) => Promise<void> };
  await mod.default(consoleReporter(suite));
} else {
  const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const chosen = names.length ? all.filter((f) => names.some((n) => f === `${n}.bench.ts`)) : all;
  if (names.length && chosen.length !== names.length) {
    console.error(`Unknown benchmark(s): ${names.join(', ')}. Available: ${all.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
    process.exit(2);
  }
  let failed = 0;
  for (const f of chosen) {
    console.log(`\n== ${f.replace('.bench.ts', '')} ==`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, 'run.ts'), f], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_CHILD: '1' },
    });
    if (r.status !== 0) {
      failed++;
      console.error(`benchmark ${f} could not run (exit ${r.status})`);
    }
  }
  process.exit(failed ? 1 : 0);
}
