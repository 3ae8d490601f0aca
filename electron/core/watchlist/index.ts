/**
 * Watchlist screening: the local list (SQLite), its importers, and screening of travellers against it.
 * Other domains import only from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../app/errors';
import { openWatchlistAt, type WatchlistStore } from './store';
import { parseScreeningConfig, SCREENING_CONFIG_FILE, screeningConfig, type ScreeningConfig } from './config';

export type { WatchlistStore, ApplyBundleOptions } from './store';
export type { ScreeningConfig } from './config';
export { DEFAULT_SCREENING_CONFIG, SCREENING_CONFIG_FILE } from './config';
export { readSourceEntries, IMPORT_FORMATS, type SourceEntries } from './importers';
export { validateEntry } from './validate';
export { documentNumberKey } from './documents';
export { countryCode } from './countries';
export { PAIR_KINDS } from './nameMatch';
export * from './types';

/**
 * Opens (creating if needed) `watchlist.db` in the data folder. One store per process. Thresholds:
 * the defaults, then the post's `screening.json` in the data folder, then `config` (e.g. CLI flags).
 */
export function openWatchlist(dataDir: string, config?: Partial<ScreeningConfig>): WatchlistStore {
  const file = join(dataDir, SCREENING_CONFIG_FILE);
  let merged: ScreeningConfig;
  try {
    const post = existsSync(file) ? parseScreeningConfig(readFileSync(file, 'utf8'), file) : undefined;
    merged = screeningConfig(post, config);
  } catch (e) {
    throw new UserError('screening_config', `Screening thresholds: ${(e as Error).message}. Fix or remove the file; screening did not start.`);
  }
  const store = openWatchlistAt(dataDir, merged);
  return store;
}
