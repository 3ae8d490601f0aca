import type { WatchlistEntry } from '../types';

/** One row per source record: an entry, a rejection with its line, or a skip. */
export type ParsedRow = { line: number; entry: WatchlistEntry } | { line: number; error: string } | { line: number; skipped: true };
