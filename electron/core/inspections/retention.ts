import type BetterSqlite3 from 'better-sqlite3';
import type { ChainWriter } from './chain';

type Db = BetterSqlite3.Database;

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  purged: number;
  cutoff: string;
}

/**
 * Removes who-the-traveller-was from records older than the period; counts, decisions, reasons,
 * nationality, timings and the chain stay. Runs in one transaction with its own audit entry, so
 * `log verify` can tell a lawful purge from someone blanking records.
 */
export function purgePersonalData(db: Db, chain: ChainWriter, olderThanDays: number, actor: string, now: Date): PurgeResult {
  const cutoffMs = now.getTime() - olderThanDays * DAY_MS;
  const result = db
    .transaction(() => {
      const r = db
        .prepare('UPDATE inspections SET personal = NULL, personal_salt = NULL, purged_at = @now WHERE time < @cutoff AND purged_at IS NULL')
        .run({ now: now.getTime(), cutoff: cutoffMs });
      chain.append('retention.purge', actor, null, { olderThanDays, cutoffMs, cutoff: new Date(cutoffMs).toISOString(), purged: r.changes }, now);
      return { purged: r.changes, cutoff: new Date(cutoffMs).toISOString() };
    })
    .immediate();
  // secure_delete zeroes freed space in the main file; the old pages also sit in the WAL until a
  // checkpoint copies the new ones over them, so force it now rather than whenever.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
