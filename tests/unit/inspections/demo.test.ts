import { afterEach, describe, expect, it } from 'vitest';
import { runDemo } from '../../../electron/core/inspections/demo';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from './fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t.cleanup());

describe('checkpoint demo', () => {
  it('runs travellers through parse, screening, a scripted officer and the log', async () => {
    t = tempDir('cp-demo-');
    const r = await runDemo({ dataDir: t.dir, travellers: 40, hitRate: 0.5, seed: 3, listSize: 300 });
    expect(r.travellers).toBe(40);
    expect(r.listVersion).toBe(1);
    expect(r.decisions.admit + r.decisions.refer + r.decisions.refuse).toBe(40);
    expect(r.hits).toBeGreaterThanOrEqual(10); // about half are listed people
    expect(r.decisions.refer).toBeGreaterThanOrEqual(r.hits);
    expect(r.chainOk).toBe(true);
    const log = openInspectionLog(t.dir);
    try {
      const recs = log.queryShift({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
      expect(recs).toHaveLength(40);
      const referred = recs.filter((x) => x.decision === 'refer');
      expect(referred.every((x) => x.reason && x.notes)).toBe(true);
      expect(recs.every((x) => x.checks.watchlistVersion === 1 && x.document.source === 'simulator')).toBe(true);
      expect(log.verifyChain().ok).toBe(true);
    } finally {
      log.close();
    }
    // A second run adds to the same demo folder.
    expect((await runDemo({ dataDir: t.dir, travellers: 5 })).travellers).toBe(5);
  });

  it('refuses a folder holding real inspections', async () => {
    t = tempDir('cp-demo-');
    const log = openInspectionLog(t.dir);
    log.recordInspection(sampleInspection(1));
    log.close();
    await expect(runDemo({ dataDir: t.dir, travellers: 1 })).rejects.toThrow(/run it with its own --data-dir/);
    await expect(runDemo({ dataDir: t.dir, travellers: 0 })).rejects.toThrow(/--travellers/);
  });
});
