import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cliRun';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from '../inspections/fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t.cleanup());

const cli = (args: string[]) => runCliCaptured(args);

describe('checkpoint export shift', () => {
  it('writes CSV and PDF for a period and officer, and records both in the chain', async () => {
    t = tempDir('cp-cli-');
    const log = openInspectionLog(t.dir);
    for (let i = 0; i < 20; i++) log.recordInspection(sampleInspection(i));
    log.close();
    const base = ['export', 'shift', '--data-dir', t.dir, '--from', '2026-11-28T08:00:00Z', '--to', '2026-11-28T08:10:00Z', '--officer', 'officer.a'];
    const csv = await cli([...base, '--format', 'csv', '--out', join(t.dir, 's.csv'), '--json']);
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.out)).toMatchObject({ format: 'csv', rows: 5 });
    expect(readFileSync(join(t.dir, 's.csv'), 'utf8').trim().split('\r\n')).toHaveLength(6);
    const pdf = await cli([...base, '--format', 'pdf', '--out', join(t.dir, 's.pdf')]);
    expect(pdf.code).toBe(0);
    expect(pdf.out).toMatch(/Exported 5 inspection\(s\)/);
    expect(execFileSync('pdftotext', [join(t.dir, 's.pdf'), '-'], { encoding: 'utf8' })).toMatch(/officer\.a/);
    const verify = await cli(['log', 'verify', '--data-dir', t.dir, '--json']);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, checked: 22 });
  });

  it('explains bad arguments and a missing log, exit code 2', async () => {
    t = tempDir('cp-cli-');
    const bad = await cli(['export', 'shift', '--data-dir', t.dir, '--from', 'monday', '--to', '2026-11-29', '--format', 'csv', '--out', 'x.csv']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toMatch(/--from must be an ISO 8601 date/);
    const fmt = await cli(['export', 'shift', '--data-dir', t.dir, '--from', '2026-11-28', '--to', '2026-11-29', '--format', 'xlsx', '--out', 'x']);
    expect(fmt.err).toMatch(/--format must be csv or pdf/);
    const none = await cli(['export', 'shift', '--data-dir', join(t.dir, 'nothing'), '--from', '2026-11-28', '--to', '2026-11-29', '--format', 'csv', '--out', join(t.dir, 'x.csv')]);
    expect(none.err).toMatch(/no inspection log/);
    const verify = await cli(['log', 'verify', '--data-dir', join(t.dir, 'nothing')]);
    expect(verify).toMatchObject({ code: 2 });
  });
});
