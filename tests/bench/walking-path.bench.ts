import { SimulatorDriver } from '../../electron/core/scanners';
import type { BenchReporter } from './reporter';

/** The walking path in-process: framed reader bytes for the specimen passport to a parsed, validated zone. */
export default async function (report: BenchReporter) {
  const sim = new SimulatorDriver({ readerId: 'bench' });
  await sim.open();
  for (const framing of ['line', 'stx-etx', 'rte'] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      const doc = await sim.emitSpecimen('td3', { framing });
      samples.push(performance.now() - t0);
      if (!doc?.mrz.valid) throw new Error('specimen did not parse as valid');
    }
    report.timings(`scanner bytes -> parsed zone (${framing})`, samples.slice(100));
  }
  report.memory('after 6,000 reads');
  await sim.close();
}
