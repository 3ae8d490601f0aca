import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncChecks } from '../../../electron/core/app/databaseChecks';
import { readSyncStatus, saveSyncConfig } from '../../../electron/core/sync';
import { BundleWriter, canonicalJson, putLine } from '../../../electron/core/sync/bundleFile';
import { saveSyncState } from '../../../electron/core/sync/syncState';
import { openWatchlist } from '../../../electron/core/watchlist';
import { syncHeadline } from '../../../renderer/src/screens/technician/syncHeadline';
import { syntheticEntry } from '../sync/fixtures';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder holding list `version`, published `hoursAgo`, never confirmed by a pull. */
function withList(version: number, hoursAgo: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'sync-checks-'));
  dirs.push(dataDir);
  const bundle = join(dataDir, 'list.bundle');
  const w = new BundleWriter(bundle, { format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion: version, baseVersion: null, publishedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(), entryCount: 1 });
  w.write(putLine(canonicalJson(syntheticEntry(1))));
  w.close();
  const store = openWatchlist(dataDir);
  store.applyBundle(bundle);
  store.close();
  saveSyncConfig(dataDir, { url: 'https://lists.invalid/watchlist/', staleAfterHours: 48 });
  return dataDir;
}

function screenStatus(dataDir: string) {
  const store = openWatchlist(dataDir);
  try {
    return { ...readSyncStatus(dataDir, store), running: false };
  } finally {
    store.close();
  }
}

describe('the sync tab and the doctor agree on the list', () => {
  it('a recent list whose last pull failed: the tab says the pull failed, not "up to date", and the doctor does not call the list old', async () => {
    const dataDir = withList(3, 1);
    saveSyncState(dataDir, { lastError: 'Could not reach the publisher.', lastErrorCode: 'sync_network' });
    const status = screenStatus(dataDir);
    expect(status).toMatchObject({ version: 3, stale: false, lastErrorCode: 'sync_network' });
    expect(syncHeadline(status)).toMatchObject({ state: 'failed', key: 'sync.headline.failed' });
    const checks = await syncChecks(dataDir);
    expect(checks.map((c) => [c.code, c.ok])).toEqual([['watchlist_link.failed', false]]);
  });

  it('an old list: out of date on the tab and in the doctor; with a failed pull, both are said', async () => {
    const dataDir = withList(4, 72);
    expect(syncHeadline(screenStatus(dataDir))).toMatchObject({ state: 'stale', key: 'sync.stale' });
    expect((await syncChecks(dataDir)).map((c) => c.code)).toEqual(['watchlist_link.ok', 'watchlist_age.stale']);
    saveSyncState(dataDir, { lastError: 'Could not reach the publisher.', lastErrorCode: 'sync_network' });
    expect(syncHeadline(screenStatus(dataDir))).toMatchObject({ state: 'stale_failed', tone: 'bad' });
    expect((await syncChecks(dataDir)).map((c) => c.code)).toEqual(['watchlist_link.failed', 'watchlist_age.stale']);
  });

  it('a pull that failed for want of a trusted root says to install the root.json, not to check the network', async () => {
    const dataDir = withList(5, 1);
    saveSyncState(dataDir, { lastError: 'This workstation has no trusted root.json yet.', lastErrorCode: 'sync_no_root' });
    const [link] = await syncChecks(dataDir);
    expect(link).toMatchObject({ ok: false, code: 'watchlist_link.no_root', params: { errorCode: 'sync_no_root' } });
    expect(link!.fix).toContain('root.json from headquarters');
    expect(link!.fix).toContain('`checkpoint sync config --root FILE`');
    expect(link!.fix).toContain('`checkpoint sync pull --root FILE`');
    expect(link!.fix).not.toMatch(/network/);
    saveSyncState(dataDir, { lastError: 'root.json is not a valid, self-signed TUF root.json.', lastErrorCode: 'sync_bad_root' });
    expect((await syncChecks(dataDir))[0]).toMatchObject({ code: 'watchlist_link.bad_root', fix: expect.stringContaining('`checkpoint sync keygen`') });
    // Any other failure is still about reaching headquarters.
    saveSyncState(dataDir, { lastError: 'Could not reach the publisher.', lastErrorCode: 'sync_network' });
    expect((await syncChecks(dataDir))[0]).toMatchObject({ code: 'watchlist_link.failed', fix: expect.stringContaining('network path') });
  });

  it('says "up to date" only for a list in use, within its age, with no failed pull', () => {
    expect(syncHeadline({ running: false, version: 5, stale: false, lastError: null }).state).toBe('fresh');
    expect(syncHeadline({ running: false, version: null, stale: true, lastError: null }).state).toBe('no_list');
    expect(syncHeadline({ running: false, version: null, stale: true, lastError: 'x' }).state).toBe('no_list');
    expect(syncHeadline({ running: true, version: 5, stale: false, lastError: 'x' }).state).toBe('running');
  });
});
