/** Synthetic lists and a publisher/workstation pair in temporary folders, for the sync tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRepositoryKeys, publishWatchlist, type PublishResult } from '../../../electron/core/sync';
import { canonicalJson } from '../../../electron/core/sync/bundleFile';
import { openWatchlist, type WatchlistEntry, type WatchlistStore } from '../../../electron/core/watchlist';

const SYL = ['ka', 'lo', 'mi', 'ren', 'sa', 'to', 'vu', 'xe', 'ya', 'zor', 'bel', 'dan', 'fio', 'gus', 'hal'];

/** A made-up name from a number, so entries are stable and never real people. */
function fakeName(n: number): string {
  const a = SYL[n % SYL.length]! + SYL[Math.floor(n / SYL.length) % SYL.length]!;
  const b = SYL[Math.floor(n / 225) % SYL.length]! + SYL[(n * 7) % SYL.length]! + SYL[(n * 3) % SYL.length]!;
  return `${a.toUpperCase()} ${b.toUpperCase()}`;
}

export function syntheticEntry(i: number, revision = 0): WatchlistEntry {
  if (i % 5 === 4) {
    return {
      kind: 'document',
      id: `test:D${i}`,
      source: 'test-sltd',
      documentNumber: `X${String(i).padStart(8, '0')}`,
      issuingState: 'UTO',
      documentType: 'P',
      reportedDate: '2024-01-02',
      reason: revision ? `Stolen (rev ${revision})` : 'Stolen',
      action: 'Seize document',
    };
  }
  return {
    kind: 'person',
    id: `test:P${i}`,
    source: 'test-list',
    names: [fakeName(i)],
    birthDates: [`19${String(50 + (i % 50)).padStart(2, '0')}`],
    nationalities: ['UTO'],
    gender: i % 2 ? 'M' : 'F',
    reason: revision ? `Synthetic listing, revision ${revision}` : 'Synthetic listing',
    action: 'Refer to secondary',
    reference: `REF-${i}`,
    documents: [],
  };
}

/**
 * The list as published at `version`: ids 0..base-1 minus a few removed, some changed, a few added,
 * so each version differs from the last by a handful of entries.
 */
export function listAtVersion(version: number, base = 60): WatchlistEntry[] {
  const out: WatchlistEntry[] = [];
  for (let i = 0; i < base + version * 3; i++) {
    if (i < base && i % 23 === version % 23 && version > 1) continue; // removed in this version
    const revision = i % 29 === version % 29 ? version : 0;
    out.push(syntheticEntry(i, revision));
  }
  return out;
}

export interface SyncWorld {
  root: string;
  keysDir: string;
  repoDir: string;
  dataDir: string;
  rootFile: string;
  publish(version: number, opts?: { now?: Date; base?: number; keepDeltas?: number; expiry?: Parameters<typeof publishWatchlist>[0]['expiry'] }): Promise<PublishResult>;
  openStore(): WatchlistStore;
  /** Ids and bodies of what the workstation's list holds, sorted. */
  snapshotOfStore(): { version: number | null; entries: string[] };
  cleanup(): void;
}

export function makeWorld(): SyncWorld {
  const root = mkdtempSync(join(tmpdir(), 'sync-test-'));
  const keysDir = join(root, 'keys');
  const repoDir = join(root, 'repo');
  const dataDir = join(root, 'data');
  const { rootFile } = generateRepositoryKeys(keysDir);
  const world: SyncWorld = {
    root,
    keysDir,
    repoDir,
    dataDir,
    rootFile,
    publish: (version, opts = {}) =>
      publishWatchlist({ repoDir, keysDir, entries: listAtVersion(version, opts.base), now: opts.now, keepDeltas: opts.keepDeltas, expiry: opts.expiry }),
    openStore: () => openWatchlist(dataDir),
    snapshotOfStore() {
      const s = openWatchlist(dataDir);
      try {
        return { version: s.listVersion().version, entries: [...s.allEntries()].map((e) => canonicalJson(e)).sort() };
      } finally {
        s.close();
      }
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  return world;
}

/** What the store should hold after version `v`: same canonical form as snapshotOfStore. */
export function expectedEntries(version: number, base?: number): string[] {
  const store = listAtVersion(version, base);
  return store.map((e) => canonicalJson(e)).sort();
}
