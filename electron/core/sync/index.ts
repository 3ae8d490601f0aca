/**
 * Sync: keeping the watchlist current from headquarters with TUF-signed snapshots and deltas served as
 * static files, and knowing (and showing) when it is not. See docs/sync.md.
 */
import type { ListStore } from './listStore';
import { openListStore } from './watchlistStore';
import { saveSyncConfig, type SyncConfigInput } from './syncConfig';
import { SyncService, type SyncServiceDeps } from './syncService';

export type { ListStore } from './listStore';
export type { PullProgress, PullResult } from './pull';
export type { SyncStatus } from './syncStatus';
export type { SyncConfig, SyncConfigInput } from './syncConfig';
export type { PublishResult, RefreshResult, KeygenResult, ExpiryPolicy } from './publisher';
export { SyncService } from './syncService';
export { pullWatchlist } from './pull';
export { SYNC_PULL_ERROR_CODES } from './pullErrors';
export { readSyncStatus, isStale } from './syncStatus';
export { loadSyncConfig, saveSyncConfig, validateSyncConfig, DEFAULT_STALE_AFTER_HOURS, DEFAULT_INTERVAL_MINUTES } from './syncConfig';
export { generateRepositoryKeys, publishWatchlist, refreshRepository, DEFAULT_EXPIRY } from './publisher';
export { openListStore } from './watchlistStore';

/**
 * The app's sync service for `dataDir`. `config` changes (url, rootPath, intervalMinutes,
 * staleAfterHours) are validated and stored in the data folder first; pass `{}` to use what is stored.
 * Pass `store` to share the app's open watchlist store; otherwise the service opens (and closes) its own.
 */
export function createSyncService(
  dataDir: string,
  config: Partial<SyncConfigInput> = {},
  deps: Partial<Omit<SyncServiceDeps, 'openStore' | 'ownsStore'>> & { store?: ListStore } = {},
): SyncService {
  if (Object.keys(config).length) saveSyncConfig(dataDir, config);
  const { store, ...rest } = deps;
  return new SyncService(dataDir, {
    ...rest,
    openStore: store ? () => store : () => openListStore(dataDir),
    ownsStore: !store,
  });
}
