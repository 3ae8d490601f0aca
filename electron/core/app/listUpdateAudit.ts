/**
 * A change of the watchlist on this workstation is an audit event (the inspections it screened depend
 * on it): a scheduled pull, `checkpoint sync pull` and `checkpoint watchlist import` all record one.
 */
import { openInspectionLog, type InspectionLog } from '../inspections';

export interface ListUpdate {
  how: 'pull' | 'import';
  fromVersion: number | null;
  toVersion: number | null;
  entryCount?: number;
  /** pull: 'delta' | 'snapshot'; import: the source format. */
  via: string;
  added?: number;
  updated?: number;
}

export function auditListUpdate(log: InspectionLog, actor: string, u: ListUpdate): void {
  log.appendAudit('watchlist.update', actor, { ...u });
}

/** For the CLI: opens the data folder's inspection log for the one entry, then closes it. */
export function auditListUpdateIn(dataDir: string, actor: string, u: ListUpdate): void {
  const log = openInspectionLog(dataDir);
  try {
    auditListUpdate(log, actor, u);
  } finally {
    log.close();
  }
}
