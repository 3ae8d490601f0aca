/**
 * The part of the watchlist store sync relies on. The app passes its already-open store (one
 * connection per database per process); the CLI opens one for the duration of a command.
 */
export interface ListStore {
  /** The list version screening uses now; version null when no list was ever applied. */
  listVersion(): { version: number | null; publishedAt: string | null };
  /** Applies a bundle in one transaction; refuses (and keeps the old list) on base version or count mismatch. */
  applyBundle(path: string, opts: { expectedVersion?: number; expectedCount?: number }): { listVersion: number; entryCount: number } | Promise<{ listVersion: number; entryCount: number }>;
  /** The same in slices with the event loop free in between; used instead of applyBundle when present. */
  applyBundleAsync?(path: string, opts: { expectedVersion?: number; expectedCount?: number }): Promise<{ listVersion: number; entryCount: number }>;
  /** Used when folding a delta chain: an entry added and removed again within the chain must not be deleted. */
  getEntry(id: string): unknown | null;
  close?(): void;
}
