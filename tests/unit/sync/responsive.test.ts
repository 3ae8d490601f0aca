/**
 * The app pulls the list while officers work: applying a large snapshot must not freeze the process
 * (in Electron the core shares the main process with every screen's requests), screening must keep
 * answering from the previous list until the new one is committed, and the update is audited.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCoreServices, type CoreServices } from '../../../electron/core/app/services';
import { saveSyncConfig } from '../../../electron/core/sync';
import { listAtVersion, makeWorld, type SyncWorld } from './fixtures';
import { startRepoServer, type RepoServer } from './repoServer';

let w: SyncWorld;
let srv: RepoServer;
let services: CoreServices | null = null;

beforeEach(async () => {
  w = makeWorld();
  srv = await startRepoServer(w.repoDir);
});
afterEach(async () => {
  await services?.close();
  services = null;
  await srv.close();
  w.cleanup();
});

it('keeps screening on the previous list, with the event loop free, while a large snapshot applies', async () => {
  await w.publish(1);
  services = await createCoreServices({ dataDir: w.dataDir });
  saveSyncConfig(w.dataDir, { url: srv.url, rootPath: w.rootFile });
  services.sync.configure({});
  await services.sync.pullNow();
  expect(services.watchlist.listVersion().version).toBe(1);

  // Version 2 is large enough that applying it in one go would block for seconds.
  await w.publish(2, { base: 40_000, keepDeltas: 0 }); // no delta: the full snapshot path
  const gaps: number[] = [];
  const versionsSeen = new Set<number | null>();
  let last = performance.now();
  let done = false;
  const ticker = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, 5));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      // What an officer's screening sees meanwhile: the old list, whole, or the new one, whole.
      const r = services!.watchlist.screen({ surname: 'KAKA', givenNames: 'KAKAKA' });
      versionsSeen.add(r.listVersion);
    }
  })();
  const t0 = performance.now();
  const result = await services.sync.pullNow();
  const took = performance.now() - t0;
  done = true;
  await ticker;

  expect(result).toMatchObject({ listVersion: 2, via: 'snapshot' });
  expect(services.watchlist.listVersion().version).toBe(2);
  const stats = services.watchlist.stats();
  expect(stats.persons + stats.documents).toBe(listAtVersion(2, 40_000).length);
  expect([...versionsSeen].every((v) => v === 1 || v === 2)).toBe(true);
  expect(versionsSeen.has(1)).toBe(true);
  // The loop turned many times during the apply, never stalling for long (slices are ~25 ms; generous
  // bound for a loaded test machine, far below the seconds a one-shot apply takes here).
  expect(gaps.length).toBeGreaterThan(10);
  expect(Math.max(...gaps)).toBeLessThan(Math.max(400, took / 4));

  const updates = services.log.recentAudit(20).filter((a) => a.action === 'watchlist.update');
  expect(updates.map((u) => u.details)).toEqual([
    expect.objectContaining({ how: 'pull', fromVersion: 1, toVersion: 2, via: 'snapshot' }),
    expect.objectContaining({ how: 'pull', fromVersion: null, toVersion: 1 }),
  ]);
  expect(services.log.verifyChain().ok).toBe(true);
}, 120_000);
