/**
 * The workstation pull against a real HTTP server on 127.0.0.1: happy path, resumed downloads, and every
 * way a mirror or network can lie (wrong bytes, truncation, rollback, freeze, foreign keys, mixed
 * versions, huge files). Each refusal must leave the list as it was and say why in the status.
 */
import { cpSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullWatchlist, readSyncStatus, refreshRepository, SYNC_PULL_ERROR_CODES, type PullResult } from '../../../electron/core/sync';
import { downloadsDir } from '../../../electron/core/sync/pull';
import { UserError } from '../../../electron/core/app/errors';
import { expectedEntries, makeWorld, syntheticEntry, type SyncWorld } from './fixtures';
import { serveFile, startRepoServer, type RepoServer } from './repoServer';

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

async function pull(opts: { url?: string } = {}): Promise<PullResult> {
  const store = w.openStore();
  try {
    return await pullWatchlist({ dataDir: w.dataDir, store, url: opts.url ?? srv.url, rootFile: w.rootFile, idleTimeoutMs: 5_000 });
  } finally {
    store.close();
  }
}

/** Pull expected to fail: returns the UserError. */
async function pullFails(): Promise<UserError> {
  try {
    await pull();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('pull succeeded but should have been refused');
}

function status() {
  const store = w.openStore();
  try {
    return readSyncStatus(w.dataDir, store);
  } finally {
    store.close();
  }
}

/** Publishes v1 and pulls it, so the refusal tests start from a list in use. */
async function startAtVersion1() {
  await w.publish(1);
  await pull();
  expect(w.snapshotOfStore()).toEqual({ version: 1, entries: expectedEntries(1) });
}

function expectStillVersion1(code: string, messagePart: RegExp) {
  expect(w.snapshotOfStore()).toEqual({ version: 1, entries: expectedEntries(1) });
  const s = status();
  expect(s.version).toBe(1);
  expect(s.lastError).toMatch(messagePart);
  expect(s.lastError).toMatch(/List version 1 stays in use/);
  expect(code).not.toBe('');
  // The screens translate the error from its code, which is one they know.
  expect(s.lastErrorCode).toBe(code);
  expect(SYNC_PULL_ERROR_CODES).toContain(code);
}

const isBundle = (p: string, kind: 'delta' | 'snapshot') => p.startsWith('/targets/') && p.includes(`.${kind}-`);

describe('pull: happy path', () => {
  it('follows several versions: snapshot first, then single and chained deltas, each list exact', async () => {
    const t0 = Date.now();
    await w.publish(1);
    const r1 = await pull();
    expect(r1).toMatchObject({ updated: true, fromVersion: null, listVersion: 1, via: 'snapshot', bundles: 1 });
    expect(w.snapshotOfStore()).toEqual({ version: 1, entries: expectedEntries(1) });

    await w.publish(2);
    const r2 = await pull();
    expect(r2).toMatchObject({ updated: true, fromVersion: 1, listVersion: 2, via: 'delta', bundles: 1 });
    expect(w.snapshotOfStore()).toEqual({ version: 2, entries: expectedEntries(2) });

    await w.publish(3);
    await w.publish(4);
    const r4 = await pull();
    expect(r4).toMatchObject({ updated: true, fromVersion: 2, listVersion: 4, via: 'delta', bundles: 2 });
    expect(w.snapshotOfStore()).toEqual({ version: 4, entries: expectedEntries(4) });

    const again = await pull();
    expect(again).toMatchObject({ updated: false, listVersion: 4, via: 'none', downloadedBytes: 0 });

    const s = status();
    expect(Object.keys(s).sort()).toEqual(['checkedAt', 'lastError', 'lastErrorCode', 'publishedAt', 'stale', 'version']);
    expect(s.lastErrorCode).toBeNull();
    expect(s).toMatchObject({ version: 4, lastError: null, stale: false });
    expect(Date.parse(s.checkedAt!)).toBeGreaterThanOrEqual(t0);
    expect(Date.parse(s.publishedAt!)).toBeGreaterThanOrEqual(t0);
    // Temporary downloads are gone once applied.
    expect(readdirSync(downloadsDir(w.dataDir))).toEqual([]);
  });

  it('only metadata and bundles are fetched, all from the repository URL, and the repo holds no keys', async () => {
    await w.publish(1);
    await pull();
    expect(srv.requests.every((r) => r.path.startsWith('/metadata/') || r.path.startsWith('/targets/'))).toBe(true);
    const served = readdirSync(w.repoDir, { recursive: true }).map(String);
    expect(served.some((f) => f.endsWith('.pem'))).toBe(false);
    expect(served.filter((f) => !f.startsWith('metadata') && !f.startsWith('targets'))).toEqual([]);
  });
});

describe('pull: resumable downloads', () => {
  it('resumes an interrupted download with a range request instead of starting over', async () => {
    await w.publish(1);
    let cut = true;
    srv.intercept = (path, req, res, file) => {
      if (!file || !isBundle(path, 'snapshot') || !cut) return false;
      cut = false;
      const data = readFileSync(file);
      res.writeHead(200, { 'content-length': data.length });
      res.write(data.subarray(0, Math.floor(data.length / 2)));
      setTimeout(() => req.socket.destroy(), 20);
      srv.requests.push({ path, range: undefined, status: 200, bytes: Math.floor(data.length / 2) });
      return true;
    };
    const r = await pull();
    expect(r.listVersion).toBe(1);
    const snaps = srv.requests.filter((q) => isBundle(q.path, 'snapshot'));
    expect(snaps).toHaveLength(2);
    expect(snaps[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(snaps[1]!.status).toBe(206);
    expect(snaps[0]!.bytes + snaps[1]!.bytes).toBe(r.downloadedBytes);
    expect(w.snapshotOfStore().entries).toEqual(expectedEntries(1));
  });

  it('a pull that keeps being cut off fails, keeps the partial file, and the next pull continues from it', async () => {
    await w.publish(1);
    const SLICE = 1000;
    srv.intercept = (path, req, res, file) => {
      if (!file || !isBundle(path, 'snapshot')) return false;
      const data = readFileSync(file);
      const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      res.writeHead(start ? 206 : 200, { 'content-length': data.length - start, ...(start ? { 'content-range': `bytes ${start}-${data.length - 1}/${data.length}` } : {}) });
      res.write(data.subarray(start, start + SLICE));
      setTimeout(() => req.socket.destroy(), 20);
      return true;
    };
    const e = await pullFails();
    expect(e.code).toBe('sync_network');
    expect(e.message).toMatch(/resumes where it stopped/);
    expect(status()).toMatchObject({ version: null, stale: true });
    const parts = readdirSync(downloadsDir(w.dataDir)).filter((f) => f.endsWith('.part'));
    expect(parts).toHaveLength(1);
    const have = statSync(join(downloadsDir(w.dataDir), parts[0]!)).size;
    expect(have).toBeGreaterThanOrEqual(SLICE * 2);

    srv.intercept = null;
    srv.requests.length = 0;
    const r = await pull();
    expect(r.listVersion).toBe(1);
    const snap = srv.requests.find((q) => isBundle(q.path, 'snapshot'))!;
    expect(snap.range).toBe(`bytes=${have}-`);
    expect(snap.bytes).toBe(r.downloadedBytes - have);
    expect(status()).toMatchObject({ version: 1, lastError: null, stale: false });
  });
});

describe('pull: refusals leave the list unchanged', () => {
  it('wrong bytes (same length) are rejected by hash, and a later honest pull works', async () => {
    await startAtVersion1();
    await w.publish(2);
    srv.intercept = (path, req, res, file) => {
      if (!file || !isBundle(path, 'delta')) return false;
      const data = Buffer.from(readFileSync(file));
      data[data.length - 5] = data[data.length - 5]! ^ 0x01;
      serveFile(req, res, file, srv.requests, path, data);
      return true;
    };
    const e = await pullFails();
    expect(e.code).toBe('sync_bad_download');
    expectStillVersion1(e.code, /does not match its signed length and hash/);
    expect(readdirSync(downloadsDir(w.dataDir)).filter((f) => f.endsWith('.part'))).toEqual([]);

    srv.intercept = null;
    expect((await pull()).listVersion).toBe(2);
    expect(status().lastError).toBeNull();
  });

  it('a truncated file (the server ends early every time) is rejected', async () => {
    await startAtVersion1();
    await w.publish(2);
    srv.intercept = (path, req, res, file) => {
      if (!file || !isBundle(path, 'delta')) return false;
      const data = readFileSync(file);
      serveFile(req, res, file, srv.requests, path, data.subarray(0, data.length - 100));
      return true;
    };
    const e = await pullFails();
    expect(e.code).toBe('sync_bad_download');
    expectStillVersion1(e.code, /shorter than the signed/);
    expect(readdirSync(downloadsDir(w.dataDir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('old metadata replayed by a mirror (rollback) is refused', async () => {
    await startAtVersion1();
    const oldRepo = join(w.root, 'repo-v1');
    cpSync(w.repoDir, oldRepo, { recursive: true });
    await w.publish(2);
    await pull();
    srv.root = oldRepo; // the mirror now serves the valid, still unexpired, version-1 files
    const e = await pullFails();
    expect(e.code).toBe('sync_rollback');
    expect(w.snapshotOfStore()).toEqual({ version: 2, entries: expectedEntries(2) });
    expect(status().lastError).toMatch(/rollback/);
  });

  it('an expired timestamp (frozen mirror) is refused', async () => {
    await startAtVersion1();
    // Headquarters' version 2 as a mirror froze it: signed two days ago, the timestamp expired yesterday.
    await w.publish(2, { now: new Date(Date.now() - 48 * 3_600_000) });
    const e = await pullFails();
    expect(e.code).toBe('sync_expired');
    expectStillVersion1(e.code, /expired/);
  });

  it('metadata signed with another key is refused', async () => {
    await startAtVersion1();
    const other = makeWorld();
    try {
      await other.publish(2);
      srv.root = other.repoDir;
      const e = await pullFails();
      expect(e.code).toBe('sync_bad_signature');
      expectStillVersion1(e.code, /not signed by the keys this workstation trusts/);
    } finally {
      other.cleanup();
    }
  });

  it('mixed versions (new timestamp with an old snapshot or old targets) are refused', async () => {
    await startAtVersion1();
    await w.publish(2);
    await w.publish(3);
    const meta = join(w.repoDir, 'metadata');
    // Old snapshot metadata under the new name.
    srv.intercept = (path, req, res) => {
      if (path !== '/metadata/3.snapshot.json') return false;
      serveFile(req, res, join(meta, '2.snapshot.json'), srv.requests, path);
      return true;
    };
    let e = await pullFails();
    expect(e.code).toBe('sync_mixed');
    expectStillVersion1(e.code, /does not match the length and hash/);
    // Old targets metadata under the new name.
    srv.intercept = (path, req, res) => {
      if (path !== '/metadata/3.targets.json') return false;
      serveFile(req, res, join(meta, '2.targets.json'), srv.requests, path);
      return true;
    };
    e = await pullFails();
    expect(e.code).toBe('sync_mixed');
    expectStillVersion1(e.code, /mixed|does not match/);
    // The previous index (it names version 2) served under the new index's content-addressed name.
    const indexes = readdirSync(join(w.repoDir, 'targets', 'watchlist')).filter((f) => f.endsWith('.index.json'));
    expect(indexes).toHaveLength(2);
    srv.intercept = (path, req, res) => {
      if (!path.endsWith('.index.json')) return false;
      const other = indexes.find((f) => !path.endsWith(f))!;
      serveFile(req, res, join(w.repoDir, 'targets', 'watchlist', other), srv.requests, path);
      return true;
    };
    e = await pullFails();
    expect(e.code).toBe('sync_bad_download');
    expectStillVersion1(e.code, /shorter than the signed|offers \d+ bytes|does not match its signed length and hash/);
  });

  it('a huge file is cut off at the signed length, for bundles and for metadata', async () => {
    await startAtVersion1();
    await w.publish(2);
    let sent = 0;
    srv.intercept = (path, _req, res, file) => {
      if (!file || !isBundle(path, 'delta')) return false;
      // No length header, endless body: a client that trusts the server would fill the disk.
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (!res.destroyed && sent < 200 * 2 ** 20 && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed && sent < 200 * 2 ** 20) res.once('drain', pump);
        else res.end();
      };
      pump();
      return true;
    };
    let e = await pullFails();
    expect(e.code).toBe('sync_bad_download');
    expectStillVersion1(e.code, /more than the signed/);
    expect(sent).toBeLessThan(50 * 2 ** 20);
    expect(readdirSync(downloadsDir(w.dataDir)).filter((f) => f.endsWith('.part'))).toEqual([]);

    srv.intercept = (path, _req, res) => {
      if (path !== '/metadata/timestamp.json') return false;
      res.writeHead(200);
      res.end(Buffer.alloc(4 * 2 ** 20, 0x20));
      return true;
    };
    e = await pullFails();
    expect(e.code).toBe('sync_bad_download');
    expectStillVersion1(e.code, /larger than allowed/);
  });

  it('an unreachable server is a clear network error, and the status says so', async () => {
    await startAtVersion1();
    await srv.close();
    const e = await pullFails();
    expect(e.code).toBe('sync_network');
    expectStillVersion1(e.code, /Could not reach the headquarters server/);
    srv = await startRepoServer(w.repoDir);
  });
});

describe('pull: local robustness', () => {
  it('a torn trusted root.json (crash while tuf-js rewrote it) is restored from the last verified copy', async () => {
    await startAtVersion1();
    writeFileSync(join(w.dataDir, 'sync', 'tuf', 'root.json'), '{"signed": {"_type": "ro');
    await w.publish(2);
    const store = w.openStore();
    try {
      // No --root this time: the workstation must not need the installation file again.
      const r = await pullWatchlist({ dataDir: w.dataDir, store, url: srv.url });
      expect(r.listVersion).toBe(2);
    } finally {
      store.close();
    }
  });

  it('a pull while another live process holds the lock is refused without touching anything', async () => {
    await startAtVersion1();
    await w.publish(2);
    writeFileSync(join(w.dataDir, 'sync', 'pull.lock'), String(process.ppid));
    const e = await pullFails();
    expect(e.code).toBe('sync_busy');
    expect(w.snapshotOfStore().version).toBe(1);
    unlinkSync(join(w.dataDir, 'sync', 'pull.lock'));
    expect((await pull()).listVersion).toBe(2);
  });
});

describe('pull: offline for a week', () => {
  const DAY = 24 * 3_600_000;

  it('catches up through a week of daily deltas in one transaction', async () => {
    const start = Date.now() - 7 * DAY;
    const base = 200; // a list large enough that a week of deltas is smaller than one snapshot
    await w.publish(1, { now: new Date(start), base });
    refreshRepository({ repoDir: w.repoDir, keysDir: w.keysDir }); // the signature the workstation saw was fresh
    await pull();
    // A week of daily versions while the workstation was offline.
    for (let v = 2; v <= 8; v++) await w.publish(v, { now: new Date(start + (v - 1) * DAY), base });
    // Seen from a week later, the unconfirmed list is stale (default threshold 48 h)...
    expect(readSyncStatus(w.dataDir, null, { now: new Date(Date.now() + 7 * DAY) }).stale).toBe(true);
    // ...headquarters kept re-signing in the meantime, so the metadata is fresh when the link returns.
    refreshRepository({ repoDir: w.repoDir, keysDir: w.keysDir });
    const r = await pull();
    expect(r).toMatchObject({ updated: true, fromVersion: 1, listVersion: 8, via: 'delta', bundles: 7 });
    expect(w.snapshotOfStore()).toEqual({ version: 8, entries: expectedEntries(8, base) });
    expect(status()).toMatchObject({ version: 8, lastError: null, stale: false });
  });

  it('falls back to the snapshot when the local list was changed by hand and the deltas no longer fit', async () => {
    await startAtVersion1();
    const store = w.openStore();
    store.importEntries([syntheticEntry(9999)]); // a technician's manual import: same version, one more entry
    store.close();
    await w.publish(2);
    const r = await pull();
    expect(r).toMatchObject({ listVersion: 2, via: 'snapshot' });
    expect(r.deltaRefused).toMatch(/would hold \d+ entries/);
    expect(w.snapshotOfStore()).toEqual({ version: 2, entries: expectedEntries(2) });
  });

  it('takes the snapshot when the delta chain no longer reaches back far enough', async () => {
    await startAtVersion1();
    for (let v = 2; v <= 6; v++) await w.publish(v, { keepDeltas: 3 });
    const r = await pull();
    expect(r).toMatchObject({ updated: true, fromVersion: 1, listVersion: 6, via: 'snapshot', bundles: 1 });
    expect(w.snapshotOfStore()).toEqual({ version: 6, entries: expectedEntries(6) });
  });
});
