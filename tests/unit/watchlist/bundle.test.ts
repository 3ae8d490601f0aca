import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleHeader, WatchlistEntry, WatchlistStore } from '../../../electron/core/watchlist';
import { openWatchlist } from '../../../electron/core/watchlist';
import { person, tempStore } from './helpers';

let store: WatchlistStore;
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ store, dir, cleanup } = tempStore()));
afterEach(() => cleanup());

function bundle(name: string, header: Partial<BundleHeader>, ops: object[]): string {
  const h = { format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion: 1, baseVersion: null, publishedAt: '2026-01-01T00:00:00Z', entryCount: ops.length, ...header };
  const path = join(dir, name);
  writeFileSync(path, [h, ...ops].map((o) => JSON.stringify(o)).join('\n') + '\n');
  return path;
}
const put = (entry: WatchlistEntry) => ({ op: 'put', entry });
const ids = () => [...store.allEntries()].map((e) => e.id);

describe('bundles', () => {
  it('applies a snapshot then a delta, recording version and publication time', () => {
    store.applyBundle(bundle('s.jsonl', { listVersion: 7 }, [put(person('a', ['Alpha One'])), put(person('b', ['Bravo Two']))]));
    expect(store.listVersion()).toEqual({ version: 7, publishedAt: '2026-01-01T00:00:00Z' });
    const r = store.applyBundle(bundle('d.jsonl', { kind: 'delta', listVersion: 8, baseVersion: 7, entryCount: 2, publishedAt: '2026-01-02T00:00:00Z' }, [
      { op: 'del', id: 'a' }, put(person('c', ['Charlie Three'])), put(person('b', ['Bravo Two Renamed'])),
    ]), { expectedVersion: 8, expectedCount: 2 });
    expect(r).toEqual({ listVersion: 8, entryCount: 2 });
    expect(ids()).toEqual(['b', 'c']);
    expect(store.screen({ surname: 'ONE', givenNames: 'ALPHA' }).hits).toEqual([]);
    expect(store.screen({ surname: 'RENAMED', givenNames: 'BRAVO TWO' }).hits[0]?.id).toBe('b');
    expect(store.screen({ surname: 'THREE', givenNames: 'CHARLIE' }).listVersion).toBe(8);
  });

  it('a snapshot replaces the whole list', () => {
    store.importEntries([person('old', ['Old Entry'])]);
    store.applyBundle(bundle('s.jsonl', {}, [put(person('new', ['New Entry']))]));
    expect(ids()).toEqual(['new']);
  });

  it('refuses a delta for another base version and keeps the old list', () => {
    store.applyBundle(bundle('s.jsonl', { listVersion: 3 }, [put(person('a', ['Alpha One']))]));
    expect(() => store.applyBundle(bundle('d.jsonl', { kind: 'delta', listVersion: 5, baseVersion: 4, entryCount: 1 }, [{ op: 'del', id: 'a' }]))).toThrow(/applies to list version 4/);
    expect(ids()).toEqual(['a']);
    expect(store.listVersion().version).toBe(3);
  });

  it('refuses a bundle whose resulting count or version is not the expected one', () => {
    store.applyBundle(bundle('s.jsonl', { listVersion: 1 }, [put(person('a', ['Alpha One']))]));
    expect(() => store.applyBundle(bundle('s2.jsonl', { listVersion: 2, entryCount: 5 }, [put(person('z', ['Zulu']))]))).toThrow(/would hold 1 entries but the bundle says 5/);
    expect(() => store.applyBundle(bundle('s3.jsonl', { listVersion: 2 }, [put(person('z', ['Zulu']))]), { expectedVersion: 9 })).toThrow(/version 9 was expected/);
    expect(() => store.applyBundle(bundle('s4.jsonl', { listVersion: 2 }, [put(person('z', ['Zulu']))]), { expectedCount: 2 })).toThrow(/2 were expected/);
    expect(ids()).toEqual(['a']);
    expect(store.listVersion().version).toBe(1);
  });

  it('refuses a damaged bundle naming the line, and changes nothing', () => {
    store.applyBundle(bundle('s.jsonl', { listVersion: 1 }, [put(person('a', ['Alpha One']))]));
    const path = bundle('bad.jsonl', { listVersion: 2, entryCount: 2 }, [put(person('b', ['Bravo'])), put({ kind: 'person', id: 'c' } as any)]);
    expect(() => store.applyBundle(path)).toThrow(/line 3: entry c: no source/);
    writeFileSync(path, 'not json\n');
    expect(() => store.applyBundle(path)).toThrow(/line 1/);
    expect(ids()).toEqual(['a']);
  });

  it('keeps the list on disk across reopening (WAL file in the data folder)', () => {
    store.applyBundle(bundle('s.jsonl', { listVersion: 4 }, [put(person('a', ['Alpha One']))]));
    store.close();
    const again = openWatchlist(dir);
    expect(again.listVersion().version).toBe(4);
    expect(again.screen({ surname: 'ONE', givenNames: 'ALPHA' }).hits[0]?.id).toBe('a');
    again.close();
  });
});

describe('bundles imported by hand (watchlist import --format bundle)', () => {
  it('refuses to take the list back to an older version, and changes nothing', () => {
    store.importFile('bundle', bundle('v3.jsonl', { listVersion: 3 }, [put(person('a', ['Alpha One'])), put(person('b', ['Bravo Two']))]));
    expect(() => store.importFile('bundle', bundle('v2.jsonl', { listVersion: 2 }, [put(person('z', ['Zulu']))]))).toThrow(/list version 2, older than the version in use \(3\)/);
    expect(ids()).toEqual(['a', 'b']);
    expect(store.listVersion().version).toBe(3);
  });

  it('counts a snapshot against the list it replaces: added, updated, removed', () => {
    store.importFile('bundle', bundle('v1.jsonl', { listVersion: 1 }, [put(person('a', ['Alpha One'])), put(person('b', ['Bravo Two']))]));
    const r = store.importFile('bundle', bundle('v2.jsonl', { listVersion: 2 }, [put(person('b', ['Bravo Two'])), put(person('c', ['Charlie Three'])), put(person('d', ['Delta Four']))]));
    expect(r).toMatchObject({ added: 2, updated: 1, removed: 1, rejected: 0 });
    expect(ids()).toEqual(['b', 'c', 'd']);
  });
});

describe('imports that change nothing say so', () => {
  it('a file imported twice: the second time every entry is unchanged', () => {
    const entries = [person('a', ['Alpha One']), person('b', ['Bravo Two'])];
    expect(store.importEntries(entries)).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(store.importEntries(entries)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(store.importEntries([person('a', ['Alpha One Renamed'])])).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(store.screen({ surname: 'RENAMED', givenNames: 'ALPHA ONE' }).hits[0]?.id).toBe('a');
  });
});
