/**
 * What the officer and technician screens show about the list: which version is in use, when it was
 * published, when the workstation last confirmed it is the newest, the last error, and whether it is
 * stale. Stale means not confirmed current for longer than `staleAfterHours` (default 48 h, as
 * Interpol's offline MIND copies are refreshed): screening still runs against it, with a banner.
 */
import type { ListStore } from './listStore';
import { loadSyncConfig } from './syncConfig';
import { loadSyncState } from './syncState';

export interface SyncStatus {
  version: number | null;
  publishedAt: string | null;
  /** Last time a pull verified fresh signed metadata and found this version to be the newest. */
  checkedAt: string | null;
  lastError: string | null;
  /** The code of the last error (a `UserError` code, see `SYNC_PULL_ERROR_CODES`), for translated screens. */
  lastErrorCode: string | null;
  stale: boolean;
}

export function isStale(version: number | null, checkedAt: string | null, publishedAt: string | null, staleAfterHours: number, now: Date): boolean {
  if (version === null) return true;
  // Never confirmed by a pull (e.g. a list imported by hand): its publication time is all we know.
  const since = checkedAt ?? publishedAt;
  const t = since ? Date.parse(since) : NaN;
  if (Number.isNaN(t)) return true;
  return now.getTime() - t > staleAfterHours * 3_600_000;
}

export function readSyncStatus(dataDir: string, store: Pick<ListStore, 'listVersion'> | null, opts: { now?: Date; staleAfterHours?: number } = {}): SyncStatus {
  const state = loadSyncState(dataDir);
  const staleAfterHours = opts.staleAfterHours ?? loadSyncConfig(dataDir).staleAfterHours;
  let version = state.listVersion;
  let publishedAt = state.publishedAt;
  if (store) {
    const v = store.listVersion();
    version = v.version;
    publishedAt = v.publishedAt;
  }
  // A confirmation only vouches for the version it confirmed (the list may have been replaced by hand since).
  const confirmedAt = version !== null && version === state.listVersion ? state.checkedAt : null;
  return {
    version,
    publishedAt,
    checkedAt: state.checkedAt,
    lastError: state.lastError,
    lastErrorCode: state.lastError ? state.lastErrorCode : null,
    stale: isStale(version, confirmedAt, publishedAt, staleAfterHours, opts.now ?? new Date()),
  };
}
