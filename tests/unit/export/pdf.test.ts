import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportShiftPdf } from '../../../electron/core/export/index';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from '../inspections/fixtures';

let t: ReturnType<typeof tempDir>;
let log: InspectionLog;
const DAY = { from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' };
beforeEach(() => {
  t = tempDir('cp-pdf-');
  log = openInspectionLog(t.dir);
});
afterEach(() => {
  log.close();
  t.cleanup();
});

/** pdftotext (poppler-utils) refuses anything that is not a well-formed PDF. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('PDF shift summary', () => {
  it('is a valid PDF with counts, per-officer lines, list version, chain status and adverse decisions', async () => {
    for (let i = 0; i < 60; i++) log.recordInspection(sampleInspection(i));
    log.recordInspection(sampleInspection(61, { decision: 'refuse', reason: 'forged visa — Ж', notes: 'kept document' }));
    const out = join(t.dir, 'shift.pdf');
    const r = await exportShiftPdf(log, DAY, out, { actor: 'sup.x' });
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toMatch(/%%EOF/);
    const text = pdfText(out);
    expect(text).toMatch(/Checkpoint shift summary/);
    expect(text).toMatch(/Inspections\s+61/);
    expect(text).toMatch(/Admitted\s+53/);
    expect(text).toMatch(/Referred to secondary\s+6/);
    expect(text).toMatch(/Refused\s+2/);
    expect(text).toMatch(/Watchlist versions\s+7/);
    expect(text).toMatch(/verified: entries 1-61 behind these records intact/);
    expect(text).toMatch(/officer\.a\s+30\s+24\s+6\s+0/);
    expect(text).toMatch(/officer\.b\s+31\s+29\s+0\s+2/);
    expect(text).toMatch(/refuse\s+P UTO L89800061\s+forged visa - Zh/);
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(log.recentAudit(1)[0]).toMatchObject({ action: 'export.shift', details: { format: 'pdf', sha256: r.sha256, rows: 61 } });
  });

  it('says so on paper when the chain is broken', async () => {
    for (let i = 0; i < 3; i++) log.recordInspection(sampleInspection(i));
    log.db.prepare("UPDATE inspections SET decision = 'admit' WHERE seq = 1").run();
    const out = join(t.dir, 'broken.pdf');
    await exportShiftPdf(log, DAY, out);
    expect(pdfText(out)).toMatch(/BROKEN at entry 1/);
  });

  it('runs to several pages for a busy shift, repeating the column names', async () => {
    const many = Array.from({ length: 150 }, (_, i) => sampleInspection(i * 10)); // all referrals
    log.db.transaction(() => many.forEach((m) => log.recordInspection(m)))();
    const out = join(t.dir, 'busy.pdf');
    await exportShiftPdf(log, { from: DAY.from, to: '2026-12-31T00:00:00Z' }, out);
    const pages = execFileSync('pdfinfo', [out], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1];
    expect(Number(pages)).toBeGreaterThan(2);
    expect(pdfText(out).match(/Time \(UTC\)\s+Officer\s+Decision/g)!.length).toBe(Number(pages));
  });
});
