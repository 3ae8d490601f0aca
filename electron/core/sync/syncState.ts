/**
 * What the workstation remembers about its last pulls (`sync/state.json`): when the list was last
 * confirmed current, and the last error. The list version itself is read from the watchlist store,
 * which is the only truth about what screening uses.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../app/atomicFile';
import { syncDir } from './syncConfig';

const stateSchema = z.object({
  /** Last time a pull verified fresh signed metadata and the list in use was the newest (ISO). */
  checkedAt: z.string().nullable().default(null),
  /** Last pull attempt, successful or not (ISO). */
  attemptedAt: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  lastErrorCode: z.string().nullable().default(null),
  /** Version and publication time as of the last successful pull, for when the store cannot be opened. */
  listVersion: z.number().int().nullable().default(null),
  publishedAt: z.string().nullable().default(null),
});

export type SyncState = z.infer<typeof stateSchema>;

export function statePath(dataDir: string): string {
  return join(syncDir(dataDir), 'state.json');
}

export function loadSyncState(dataDir: string): SyncState {
  const file = statePath(dataDir);
  if (existsSync(file)) {
    try {
      const r = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (r.success) return r.data;
    } catch {
      /* unreadable: start afresh, nothing in it is needed for safety */
    }
  }
  return stateSchema.parse({});
}

export function saveSyncState(dataDir: string, changes: Partial<SyncState>): SyncState {
  const next = { ...loadSyncState(dataDir), ...changes };
  mkdirSync(syncDir(dataDir), { recursive: true, mode: 0o700 });
  writeFileAtomic(statePath(dataDir), JSON.stringify(next, null, 2) + '\n', 0o600);
  return next;
}
