import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { DOCTOR_CHECK_CODES, runDoctor } from '../../../electron/core/app/doctor';
import { doctorChecks } from '../../../electron/core/app/doctorChecks';
import { SPECIMENS } from '../../../electron/core/mrz';

const dataDir = mkdtempSync(join(tmpdir(), 'core-codes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const code = await runCli(argv, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} });
  return { code, out };
}
const jsonLines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('doctor checks carry codes for the translated checklist', () => {
  it('gives every check a code from the exported list, with the values its sentence names', async () => {
    const checks = await runDoctor({ dataDir, extraChecks: doctorChecks(dataDir) });
    for (const c of checks) expect(DOCTOR_CHECK_CODES).toContain(c.code);
    const byCode = new Map(checks.map((c) => [c.code, c]));
    expect(byCode.get('data_folder.writable')?.params).toEqual({ dir: dataDir });
    expect(byCode.get('node.version')?.params).toEqual({ version: process.versions.node });
    // A fresh data folder: no list and no link yet, each said with its fix.
    expect(byCode.get('watchlist.none')).toMatchObject({ ok: false, name: 'watchlist' });
    expect(byCode.get('watchlist_link.none')).toMatchObject({ ok: false, name: 'watchlist link' });
  });

  it('keeps the JSON of `checkpoint doctor` and `checkpoint mrz parse` as it was (no codes or params added)', async () => {
    const doctor = jsonLines((await cli(['doctor', '--json', '--data-dir', dataDir])).out);
    expect(doctor.length).toBeGreaterThan(5);
    for (const line of doctor) expect(Object.keys(line).filter((k) => !['name', 'ok', 'detail', 'fix'].includes(k))).toEqual([]);
    const bad = [SPECIMENS.td3![0]!, SPECIMENS.td3![1]!.replace('L898902C36', 'L898902C37')].join('\n');
    const [mrz] = jsonLines((await cli(['mrz', 'parse', '--json', '--today', '2026-11-28', bad])).out);
    const issues = [...(mrz!.errors as object[]), ...(mrz!.warnings as object[])];
    expect(issues.length).toBeGreaterThan(1);
    for (const i of issues) expect(Object.keys(i)).toEqual(['field', 'code', 'message', 'line', 'position']);
  });
});
