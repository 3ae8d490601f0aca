import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWatchlist, type PersonEntry, type WatchlistStore } from '../../../electron/core/watchlist';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const DATASETS = join(import.meta.dirname, '../../../../shared/datasets');
export const SANCTIONS = join(DATASETS, 'sanctions');

export function person(id: string, names: string[], extra: Partial<PersonEntry> = {}): PersonEntry {
  return { kind: 'person', id, source: 'test', names, birthDates: [], nationalities: [], gender: '', reason: 'test listing', action: 'refer', reference: id, documents: [], ...extra };
}

/** A store in a fresh temp folder; call cleanup() when done. */
export function tempStore(): { store: WatchlistStore; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'watchlist-test-'));
  const store = openWatchlist(dir);
  return { store, dir, cleanup: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
