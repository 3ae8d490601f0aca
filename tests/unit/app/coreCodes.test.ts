import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { DOCTOR_CHECK_CODES, runDoctor } from '../../../electron/core/app/doctor';
import { doctorChecks } from '../../../electron/core/app/doctorChecks';
import { SPECIMENS } from '../../../electron/core/mrz';
import { DEFAULT_SCREENING_CONFIG, openWatchlist } from '../../../electron/core/watchlist';

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
    for (const line of doctor) expect(Object.keys(line).filter((k) => !['name', 'ok', 'detail', 'fix', 'level'].includes(k))).toEqual([]);
    const bad = [SPECIMENS.td3![0]!, SPECIMENS.td3![1]!.replace('L898902C36', 'L898902C37')].join('\n');
    const [mrz] = jsonLines((await cli(['mrz', 'parse', '--json', '--today', '2026-11-28', bad])).out);
    const issues = [...(mrz!.errors as object[]), ...(mrz!.warnings as object[])];
    expect(issues.length).toBeGreaterThan(1);
    for (const i of issues) expect(Object.keys(i)).toEqual(['field', 'code', 'message', 'line', 'position']);
  });
});

describe('checkpoint doctor exit code', () => {
  it('exits 0 on a fresh data folder: no list and no link yet are set-up steps (WARN), not faults', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'doctor-fresh-'));
    try {
      const json = await cli(['doctor', '--json', '--data-dir', fresh]);
      expect(json.code).toBe(0);
      const byName = new Map(jsonLines(json.out).map((l) => [l.name, l]));
      expect(byName.get('watchlist')).toMatchObject({ ok: false, level: 'warn' });
      expect(byName.get('watchlist link')).toMatchObject({ ok: false, level: 'warn' });
      expect(byName.get('data folder')).toMatchObject({ ok: true, level: 'ok' });
      const text = await cli(['doctor', '--data-dir', fresh]);
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/^WARN\s+watchlist\s+no watchlist loaded$/m);
      expect(text.out).not.toMatch(/^FAIL/m);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('a wrong screening.json is a failed check; the app screens with the defaults meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-thresholds-'));
    try {
      writeFileSync(join(dir, 'screening.json'), '{"hitThreshold": 1.5}');
      const json = await cli(['doctor', '--json', '--data-dir', dir]);
      expect(json.code).toBe(1);
      const line = jsonLines(json.out).find((l) => l.name === 'screening thresholds');
      expect(line).toMatchObject({ ok: false, level: 'fail' });
      expect(String(line!.detail)).toMatch(/hitThreshold must be a number above 0 and at most 1; screening uses the defaults/);
      const list = openWatchlist(dir, undefined, { badConfig: 'defaults' });
      expect(list.config.hitThreshold).toBe(DEFAULT_SCREENING_CONFIG.hitThreshold);
      list.close();
      expect(() => openWatchlist(dir)).toThrow(/Screening thresholds: .*hitThreshold must be/);
      writeFileSync(join(dir, 'screening.json'), '{"hitThreshold": 0.9, "possibleThreshold": 0.75}');
      const ok = jsonLines((await cli(['doctor', '--json', '--data-dir', dir])).out).find((l) => l.name === 'screening thresholds');
      expect(ok).toMatchObject({ ok: true, detail: "the post's screening.json: hit at 0.9, review at 0.75" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 when a check fails: a watchlist file that is not a database', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'doctor-broken-'));
    try {
      writeFileSync(join(broken, 'watchlist.db'), 'not a database at all, just text');
      const json = await cli(['doctor', '--json', '--data-dir', broken]);
      expect(json.code).toBe(1);
      const list = jsonLines(json.out).find((l) => l.name === 'watchlist');
      expect(list).toMatchObject({ ok: false, level: 'fail' });
      expect(String(list!.fix)).toMatch(/Pull the list again|re-import/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('global options before the command name', () => {
  it('takes --data-dir and --json before the command as after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-global-'));
    try {
      const before = await cli(['--data-dir', dir, '--json', 'doctor']);
      const inline = await cli([`--data-dir=${dir}`, 'doctor', '--json']);
      const after = await cli(['doctor', '--json', '--data-dir', dir]);
      expect(before.code).toBe(0);
      const folder = (out: string) => jsonLines(out).find((l) => l.name === 'data folder')!.detail;
      expect(folder(before.out)).toContain(dir);
      expect(folder(inline.out)).toEqual(folder(after.out));
      expect(jsonLines(after.out).filter((l) => l.ok).every((l) => !('fix' in l))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
