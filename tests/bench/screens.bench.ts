import { existsSync, readFileSync } from 'node:fs';
import type { BenchReporter } from './reporter';

/**
 * Screen figures are measured inside the end-to-end run (real Chromium, real core through the harness):
 * reader's last byte -> verdict on screen, and renderer cold start -> usable. This prints the latest run's.
 */
export default async function (report: BenchReporter) {
  const file = new URL('../e2e/.artifacts/figures.json', import.meta.url);
  if (!existsSync(file)) {
    throw new Error('No end-to-end figures yet: run `npm run build:renderer && npm run test:e2e` first (they write tests/e2e/.artifacts/figures.json).');
  }
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    generatedAt: string;
    loadAverage1m: number;
    figures: Record<string, { samples: number[]; target: number }>;
  };
  report.note(`from the end-to-end run at ${data.generatedAt} (1-minute load average then: ${data.loadAverage1m})`);
  for (const [name, f] of Object.entries(data.figures)) {
    const r = report.timings(name, f.samples);
    report.note(`${name}: target p95 <= ${f.target} ms, measured p95 ${r.p95.toFixed(0)} ms`);
  }
}
