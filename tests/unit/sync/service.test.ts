/**
 * The app's scheduler and the publisher's housekeeping: backoff with jitter after failures, the normal
 * interval after success, status events, and headquarters re-signing (refresh, root renewal).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
} from '../../../electron/core/sync/syncService';
import { createSyncService, generateRepositoryKeys, publishWatchlist, pullWatchlist, refreshRepository, type SyncStatus } from '../../../electron/core/sync';
import { UserError } from '../../../electron/core/app/errors';
import { makeWorld, syntheticEntry, type SyncWorld } from './fixtures';
import { startRepoServer, type RepoServer } from './repoServer';

let w: SyncWorld;
let srv: RepoServer;

beforeEach(async () => {
  w = makeWorld();
  srv = await startRepoServer(w.repoDir);
});
afterEach(async () => {
  await srv.close();
  w.cleanup();
});

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; id: number }[] = [];
  let next = 1;
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      pending.push({ fn, ms, id });
      return id;
    },
    clearTimer: (h: unknown) => {
      const i = pending.findIndex((p) => p.id === h);
      if (i >= 0) pending.splice(i, 1);
    },
    /** Fires the pending pull timer (the one that is not the 60 s staleness check). */
    firePull() {
      const i = pending.findIndex((p) => p.ms !== 60_000);
      const [t] = pending.splice(i, 1);
      t!.fn();
    },
  };
}

describe('sync service (scheduler)', () => {
  it('backs off exponentially with jitter after failures, then returns to the interval after a success', async () => {
    await w.publish(1);
    const timers = manualTimers();
    const store = w.openStore();
    // A closed port: every pull fails fast.
    const service = createSyncService(w.dataDir, { url: 'http://127.0.0.1:9/', rootPath: w.rootFile, intervalMinutes: 30 }, { store, ...timers, random: () => 1 });
    const statuses: SyncStatus[] = [];
    service.on('status', (s) => statuses.push(s));
    try {
      service.start();
      expect(statuses).toHaveLength(1);
      expect(service.nextDelayMs).toBe(30_000); // first pull within 30 s of start
      const delays: number[] = [];
      for (let i = 0; i < 7; i++) {
        const done = new Promise((r) => service.once('status', r));
        timers.firePull();
        await done;
        delays.push(service.nextDelayMs!);
      }
      // Full jitter with random()=1 shows the cap: 1, 2, 4, 8, 16 min, then the 30 min interval.
      expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30].map((m) => m * BACKOFF_BASE_MS));
      expect(statuses.at(-1)!.lastError).toMatch(/Could not reach/);
      expect(statuses.at(-1)!.stale).toBe(true);

      // The technician fixes the URL: the next scheduled pull succeeds and the interval is back.
      service.configure({ url: srv.url });
      const done = new Promise((r) => service.once('pulled', r));
      timers.firePull();
      await done;
      await new Promise((r) => setImmediate(r));
      expect(service.nextDelayMs).toBe(Math.round(30 * 60_000 * 1.1));
      expect(service.status()).toMatchObject({ version: 1, lastError: null, stale: false });
      expect(service.pulling).toBe(false);
    } finally {
      service.close();
      store.close();
    }
    expect(timers.pending).toEqual([]);
  });

  it('jitter spreads the interval by ±10% and the backoff below its cap', () => {
    const store = w.openStore();
    try {
      const low = createSyncService(w.dataDir, { intervalMinutes: 60 }, { store, random: () => 0 });
      const high = createSyncService(w.dataDir, {}, { store, random: () => 0.999 });
      expect(low.delayAfterAttempt()).toBe(54 * 60_000);
      expect(high.delayAfterAttempt()).toBeGreaterThan(65.9 * 60_000);
      // After failures the delay is random in [5 s, cap]: never a synchronized stampede, never zero.
      (low as unknown as { failures: number }).failures = 3;
      expect(low.delayAfterAttempt()).toBe(5_000);
    } finally {
      store.close();
    }
  });

  it('concurrent pullNow calls share one pull', async () => {
    await w.publish(1);
    const store = w.openStore();
    const service = createSyncService(w.dataDir, { url: srv.url, rootPath: w.rootFile }, { store });
    try {
      const [a, b] = await Promise.all([service.pullNow(), service.pullNow()]);
      expect(a).toBe(b);
      expect(srv.requests.filter((r) => r.path.includes('.snapshot-'))).toHaveLength(1);
    } finally {
      service.close();
      store.close();
    }
  });

  it('invalid settings are refused and the stored ones kept', () => {
    expect(() => createSyncService(w.dataDir, { url: 'ftp://hq.example' })).toThrow(UserError);
    expect(() => createSyncService(w.dataDir, { staleAfterHours: -1 })).toThrow(/staleAfterHours/);
    const store = w.openStore();
    const service = createSyncService(w.dataDir, {}, { store });
    expect(service.settings()).toEqual({ url: null, rootPath: null, intervalMinutes: 60, staleAfterHours: 48 });
    store.close();
  });
});

describe('publisher housekeeping', () => {
  it('refresh re-signs an expired timestamp so workstations accept the list again', async () => {
    const DAY = 86_400_000;
    await w.publish(1, { now: new Date(Date.now() - 2 * DAY) });
    const store = w.openStore();
    try {
      await expect(pullWatchlist({ dataDir: w.dataDir, store, url: srv.url, rootFile: w.rootFile })).rejects.toMatchObject({ code: 'sync_expired' });
      // The online refresh host holds only the timestamp key; the others stay offline.
      const online = join(w.root, 'online-keys');
      mkdirSync(online);
      copyFileSync(join(w.keysDir, 'timestamp.ed25519.pem'), join(online, 'timestamp.ed25519.pem'));
      copyFileSync(join(w.keysDir, 'root.json'), join(online, 'root.json'));
      const r = refreshRepository({ repoDir: w.repoDir, keysDir: online });
      // The snapshot (7 days) still has more than half its life: only the timestamp is re-signed.
      expect(r.renewed).toEqual(['timestamp']);
      expect((await pullWatchlist({ dataDir: w.dataDir, store, url: srv.url })).listVersion).toBe(1);
    } finally {
      store.close();
    }
  });

  it('renews a root that is close to expiry, and workstations follow the new root version', async () => {
    const keysDir = join(w.root, 'old-keys');
    const repoDir = join(w.root, 'old-repo');
    // Keys made 300 days ago: the 365-day root has about two months left.
    const keygen = generateRepositoryKeys(keysDir, { now: new Date(Date.now() - 300 * 86_400_000) });
    // The workstation was installed back then with root version 1.
    const rootFile = join(w.root, 'installed-root.json');
    copyFileSync(keygen.rootFile, rootFile);
    srv.root = repoDir;
    const entries = [syntheticEntry(1), syntheticEntry(4)];
    await publishWatchlist({ repoDir, keysDir, entries });
    expect(readdirSync(join(repoDir, 'metadata')).filter((f) => /^\d+\.root\.json$/.test(f)).sort()).toEqual(['1.root.json', '2.root.json']);
    const store = w.openStore();
    try {
      const r = await pullWatchlist({ dataDir: w.dataDir, store, url: srv.url, rootFile });
      expect(r.listVersion).toBe(1);
      expect(srv.requests.map((q) => q.path)).toContain('/metadata/2.root.json');
    } finally {
      store.close();
    }
  });

  it('refuses a source with duplicate ids and publishes nothing', async () => {
    await expect(publishWatchlist({ repoDir: w.repoDir, keysDir: w.keysDir, entries: [syntheticEntry(1), syntheticEntry(1)] })).rejects.toThrow(/twice/);
    expect(readdirSync(join(w.repoDir, 'metadata')).filter((f) => f.includes('timestamp'))).toEqual([]);
  });
});
