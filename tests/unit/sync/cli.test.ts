/**
 * `checkpoint sync ...` as headquarters and a technician use it: keygen, publish from a source file,
 * pull, status (the exact JSON shape the screens rely on), config validation, and failure exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cliRun';
import { openInspectionLog } from '../../../electron/core/inspections';
import { canonicalJson, putLine } from '../../../electron/core/sync/bundleFile';
import { listAtVersion } from './fixtures';
import { startRepoServer, type RepoServer } from './repoServer';

let dir: string;
let srv: RepoServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-cli-'));
  srv = await startRepoServer(join(dir, 'repo'));
});
afterEach(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCliCaptured(argv);

/** A list as a bundle file, the simplest source format. */
function writeSourceBundle(version: number): string {
  const entries = listAtVersion(version);
  const file = join(dir, `source-${version}.jsonl`);
  const header = { format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion: 1, baseVersion: null, publishedAt: new Date().toISOString(), entryCount: entries.length };
  writeFileSync(file, [JSON.stringify(header), ...entries.map((e) => putLine(canonicalJson(e)))].join('\n') + '\n');
  return file;
}

describe('checkpoint sync (CLI)', () => {
  it('keygen, publish, pull and status work end to end; status --json has exactly the five fields', async () => {
    const keys = join(dir, 'keys');
    const repo = join(dir, 'repo');
    const data = join(dir, 'data');
    let r = await cli('sync', 'keygen', '--out', keys, '--json');
    expect(r.code).toBe(0);
    const kg = JSON.parse(r.out) as { rootFile: string };
    expect(existsSync(kg.rootFile)).toBe(true);
    expect(statSync(join(keys, 'root.ed25519.pem')).mode & 0o077).toBe(0);

    r = await cli('sync', 'keygen', '--out', keys);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/never overwrites keys/);

    r = await cli('sync', 'publish', '--repo', repo, '--keys', keys, '--format', 'bundle', writeSourceBundle(1), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ published: true, listVersion: 1, entryCount: listAtVersion(1).length, deltaBytes: null });

    r = await cli('sync', 'status', '--data-dir', data, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ version: null, publishedAt: null, checkedAt: null, lastError: null, stale: true });

    r = await cli('sync', 'pull', '--data-dir', data, '--url', srv.url, '--root', kg.rootFile, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ updated: true, listVersion: 1, via: 'snapshot' });
    expect(r.err).toMatch(/sync: apply:/);

    r = await cli('sync', 'publish', '--repo', repo, '--keys', keys, '--format', 'bundle', writeSourceBundle(2));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Published list version 2: \d+ entries \(\d+ added, \d+ changed, \d+ removed\)/);
    r = await cli('sync', 'publish', '--repo', repo, '--keys', keys, '--format', 'bundle', writeSourceBundle(2));
    expect(r.out).toMatch(/unchanged/);

    // The trusted root is remembered: later pulls need only the URL.
    r = await cli('sync', 'pull', '--data-dir', data, '--url', srv.url);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/List version 2 in use .* via delta/);

    r = await cli('sync', 'status', '--data-dir', data, '--json');
    const s = JSON.parse(r.out.trim()) as Record<string, unknown>;
    expect(Object.keys(s)).toEqual(['version', 'publishedAt', 'checkedAt', 'lastError', 'stale']);
    expect(s).toMatchObject({ version: 2, lastError: null, stale: false });

    // Both updates are in the workstation's audit chain, which still verifies.
    r = await cli('log', 'verify', '--data-dir', data, '--json');
    expect(r.code, r.err).toBe(0);
    const log = openInspectionLog(data);
    try {
      const updates = log.recentAudit(10).filter((a) => a.action === 'watchlist.update').map((a) => a.details);
      expect(updates).toEqual([
        expect.objectContaining({ how: 'pull', fromVersion: 1, toVersion: 2, via: 'delta' }),
        expect.objectContaining({ how: 'pull', fromVersion: null, toVersion: 1, via: 'snapshot' }),
      ]);
    } finally {
      log.close();
    }
    // A pull that changes nothing records nothing.
    r = await cli('sync', 'pull', '--data-dir', data, '--url', srv.url);
    expect(r.out).toMatch(/List version 2 is current/);
    const again = openInspectionLog(data);
    expect(again.recentAudit(10).filter((a) => a.action === 'watchlist.update')).toHaveLength(2);
    again.close();

    r = await cli('sync', 'status', '--data-dir', data);
    expect(r.out).toMatch(/List version: +2/);
    expect(r.out).toMatch(/Stale: +no \(threshold 48 h\)/);

    r = await cli('sync', 'refresh', '--repo', repo, '--keys', keys);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Re-signed timestamp/);
  });

  it('a full list that replaces entries imported by hand says so, and stats stop claiming them', async () => {
    const keys = join(dir, 'keys');
    const repo = join(dir, 'repo');
    const data = join(dir, 'data');
    const kg = JSON.parse((await cli('sync', 'keygen', '--out', keys, '--json')).out) as { rootFile: string };
    await cli('sync', 'publish', '--repo', repo, '--keys', keys, '--format', 'bundle', writeSourceBundle(1));
    expect((await cli('sync', 'pull', '--data-dir', data, '--url', srv.url, '--root', kg.rootFile)).code).toBe(0);
    const imp = await cli('watchlist', 'import', '--data-dir', data, '--format', 'opensanctions-csv', join(__dirname, '../watchlist/fixtures/targets.simple.csv'));
    expect(imp.code, imp.err).toBe(0);
    const stats = async () => JSON.parse((await cli('watchlist', 'stats', '--data-dir', data, '--json')).out) as { handChanges: number; imports: object };
    expect(await stats()).toMatchObject({ handChanges: 2, imports: { 'opensanctions-csv': expect.anything() } });
    const doctor = (await cli('doctor', '--json', '--data-dir', data)).out.trim().split('\n').map((l) => JSON.parse(l) as { name: string; detail: string });
    expect(doctor.find((c) => c.name === 'watchlist')?.detail).toBe('list version 1, plus 2 entries added or changed by hand (the next full list replaces them)');
    await cli('sync', 'publish', '--repo', repo, '--keys', keys, '--format', 'bundle', writeSourceBundle(2));
    // the hand-imported entries break the delta's count check: the snapshot comes instead, and replaces them
    const r = await cli('sync', 'pull', '--data-dir', data, '--url', srv.url);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/via snapshot/);
    expect(r.out).toMatch(/replaced 2 entries added or changed by hand on this workstation/);
    expect(await stats()).toMatchObject({ handChanges: 0, imports: {} });
  });

  it('a failed pull exits non-zero, says why on stderr, and records lastError', async () => {
    const keys = join(dir, 'keys');
    await cli('sync', 'keygen', '--out', keys);
    await cli('sync', 'publish', '--repo', join(dir, 'repo'), '--keys', keys, '--format', 'bundle', writeSourceBundle(1));
    const data = join(dir, 'data');
    const url = srv.url;
    await srv.close();
    let r = await cli('sync', 'pull', '--data-dir', data, '--url', url, '--root', join(keys, 'root.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Could not reach the headquarters server.*No list is in use yet/);
    r = await cli('sync', 'status', '--data-dir', data, '--json');
    const s = JSON.parse(r.out) as { lastError: string | null; stale: boolean; version: number | null };
    expect(s.lastError).toMatch(/Could not reach/);
    expect(s).toMatchObject({ version: null, stale: true });
    srv = await startRepoServer(join(dir, 'repo'));
  });

  it('pull without a trusted root or URL explains what to pass', async () => {
    const data = join(dir, 'data');
    let r = await cli('sync', 'pull', '--data-dir', data);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No repository URL is set/);
    r = await cli('sync', 'pull', '--data-dir', data, '--url', srv.url);
    expect(r.err).toMatch(/no trusted root\.json yet/);
    const fake = join(dir, 'root.json');
    writeFileSync(fake, '{"signed":{}}');
    r = await cli('sync', 'pull', '--data-dir', data, '--url', srv.url, '--root', fake);
    expect(r.err).toMatch(/not a valid, self-signed TUF root\.json/);
  });

  it('publish refuses a source with unreadable rows unless told to drop them', async () => {
    const keys = join(dir, 'keys');
    await cli('sync', 'keygen', '--out', keys);
    const csv = join(dir, 'sltd.csv');
    writeFileSync(csv, 'document_number,issuing_state,document_type,reported_date\nX1234567,UTO,P,2024-01-01\nX7654321,ZZZZ,P,2024-01-01\n');
    let r = await cli('sync', 'publish', '--repo', join(dir, 'repo'), '--keys', keys, '--format', 'sltd-csv', csv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/1 row\(s\) .* rejected/);
    expect(r.err).toMatch(/line 3: issuing_state/);
    expect(existsSync(join(dir, 'repo', 'metadata', 'timestamp.json'))).toBe(false);
    r = await cli('sync', 'publish', '--repo', join(dir, 'repo'), '--keys', keys, '--format', 'sltd-csv', csv, '--allow-rejects', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ listVersion: 1, entryCount: 1 });
    r = await cli('sync', 'publish', '--repo', join(dir, 'repo'), '--keys', keys, '--format', 'nonsense', csv);
    expect(r.err).toMatch(/Unknown --format/);
  });

  it('publish with keys that do not belong to the repository is refused', async () => {
    await cli('sync', 'keygen', '--out', join(dir, 'keysA'));
    await cli('sync', 'keygen', '--out', join(dir, 'keysB'));
    await cli('sync', 'publish', '--repo', join(dir, 'repo'), '--keys', join(dir, 'keysA'), '--format', 'bundle', writeSourceBundle(1));
    const r = await cli('sync', 'publish', '--repo', join(dir, 'repo'), '--keys', join(dir, 'keysB'), '--format', 'bundle', writeSourceBundle(2));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not the one this repository's root\.json trusts/);
  });

  it('config validates and stores settings; the stale threshold is applied', async () => {
    const data = join(dir, 'data');
    let r = await cli('sync', 'config', '--data-dir', data, '--url', 'http://hq.example/list');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/must use https/);
    // not a URL at all: said so (it was an internal error), for config and for pull
    r = await cli('sync', 'config', '--data-dir', data, '--url', 'notaurl');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/url must be a URL such as https:\/\/hq\.example\/watchlist\.$/m);
    r = await cli('sync', 'pull', '--data-dir', data, '--url', 'notaurl');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/must be a URL such as/);
    r = await cli('sync', 'config', '--data-dir', data, '--interval-minutes', '2');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/intervalMinutes/);
    r = await cli('sync', 'config', '--data-dir', data, '--url', 'https://hq.example/list/', '--stale-after-hours', '12', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ url: 'https://hq.example/list', rootPath: null, intervalMinutes: 60, staleAfterHours: 12 });
    const stored = JSON.parse(readFileSync(join(data, 'sync', 'config.json'), 'utf8')) as { staleAfterHours: number };
    expect(stored.staleAfterHours).toBe(12);
    r = await cli('sync', 'status', '--data-dir', data);
    expect(r.out).toMatch(/Stale: +YES \(not confirmed current for more than 12 h/);
    writeFileSync(join(data, 'sync', 'config.json'), '{"intervalMinutes": "often"}');
    r = await cli('sync', 'status', '--data-dir', data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Sync settings are not valid: intervalMinutes/);
  });

  it('unknown actions and --help are handled', async () => {
    let r = await cli('sync', 'frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown action "frobnicate"/);
    r = await cli('sync', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/checkpoint sync <action>/);
  });
});
