import { describe, expect, it } from 'vitest';
import { noiseFlood, runScannerFuzz } from '../../fuzz/scannerDecoders';

// The long run is `npm run fuzz` (100,000 cases, random seed); this is the quick one for every CI run.
describe('decoder fuzzing (short run)', () => {
  it('random and mutated streams: no crash, capped output, no invented document, resync on a clean frame', () => {
    const stats = runScannerFuzz(3000, 20261128);
    expect(stats.failures).toEqual([]);
    expect(stats.cases).toBe(3000);
    expect(stats.documents).toBeGreaterThan(500); // the clean frames after the garbage were all read
  });

  it('a megabyte of noise through every byte decoder makes no document', () => {
    const flood = noiseFlood(1024 * 1024, 99);
    for (const [target, f] of Object.entries(flood)) expect(f.documents, target).toBe(0);
  });
});
