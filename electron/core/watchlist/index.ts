/**
 * Watchlist screening: the local list (SQLite), its importers, and screening of travellers against it.
 * Other domains import only from here.
 */
import { UserError } from '../app/errors';
import { openWatchlistAt, type WatchlistStore } from './store';
import { readPostScreeningConfig, screeningConfig, type ScreeningConfig } from './config';

export type { WatchlistStore, ApplyBundleOptions } from './store';
export type { ScreeningConfig } from './config';
export { DEFAULT_SCREENING_CONFIG, SCREENING_CONFIG_FILE, THRESHOLD_RULE, isThreshold, readPostScreeningConfig } from './config';
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
export function openWatchlist(dataDir: string, config?: Partial<ScreeningConfig>, opts: { badConfig?: 'throw' | 'defaults' } = {}): WatchlistStore {
  let post: Partial<ScreeningConfig> | undefined;
  try {
    post = readPostScreeningConfig(dataDir);
  } catch (e) {
    // The app keeps screening, with the measured defaults, and `doctor` shows the broken file; a
    // command run by hand stops and says what to fix.
    if (opts.badConfig !== 'defaults') throw new UserError('screening_config', `Screening thresholds: ${(e as Error).message}. Fix or remove the file; screening did not start.`);
  }
  let merged: ScreeningConfig;
  try {
    merged = screeningConfig(post, config);
  } catch (e) {
    // the file alone was valid: what clashes with it are the thresholds given for this run
    throw new UserError('screening_config', `Screening thresholds: ${(e as Error).message}.`);
  }
  return openWatchlistAt(dataDir, merged);
}
