/**
 * Watchlist screening: the local list (SQLite), its importers, and screening of travellers against it.
 * Other domains import only from here.
 */
import { openWatchlistAt, type WatchlistStore } from './store';
import type { ScreeningConfig } from './config';

export type { WatchlistStore, ApplyBundleOptions } from './store';
export type { ScreeningConfig } from './config';
export { DEFAULT_SCREENING_CONFIG } from './config';
export { readSourceEntries, IMPORT_FORMATS, type SourceEntries } from './importers';
export { validateEntry } from './validate';
export { documentNumberKey } from './documents';
export { countryCode } from './countries';
export { PAIR_KINDS } from './nameMatch';
export * from './types';

/** Opens (creating if needed) `watchlist.db` in the data folder. One store per process. */
export function openWatchlist(dataDir: string, config?: Partial<ScreeningConfig>): WatchlistStore {
  const store = openWatchlistAt(dataDir);
  if (config) store.config = { ...store.config, ...config };
  return store;
}
