import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../app/errors';
import { ChainWriter } from './chain';
import { HeadAnchor, headFilePath, type ChainHead } from './headFile';
import { currentSchema, LATEST_SCHEMA, migrate } from './migrations';
import { getInspection, dashboard, seqRange, iterateShift, queryShift, recentAudit, type InspectionWithAudit } from './queries';
import { DEFAULT_RETENTION_DAYS, purgePersonalData, type PurgeResult } from './retention';
import { recordFromRow, rowFromInspection, type InspectionRow } from './rows';
import { storageError } from './storageErrors';
import {
  AUDIT_ACTIONS,
  correctionInputSchema,
  inspectionInputSchema,
  type AuditAction,
  type AuditEntry,
  type CorrectionInput,
  type Dashboard,
  type InspectionInput,
  type InspectionRecord,
  type ShiftFilter,
  type VerifyResult,
} from './types';
import { verifyChain } from './verify';

export * from './types';
export { LATEST_SCHEMA } from './migrations';
export { HEAD_FILE, type ChainHead } from './headFile';
export type { InspectionWithAudit } from './queries';
export type { PurgeResult } from './retention';

export const LOG_FILE = 'inspections.db';

export interface OpenOptions {
  /** Clock, for retention and tests of it. */
  now?: () => Date;
}

export interface InspectionLog {
  readonly path: string;
  /** The one connection to inspections.db in this process; the auth domain keeps accounts in it. */
  readonly db: BetterSqlite3.Database;
  /** Returns only after the record and its chain entry are on disk (WAL, synchronous=FULL). */
  recordInspection(input: InspectionInput): { id: string; seq: number; hash: string };
  appendAudit(action: AuditAction, actor: string, details?: Record<string, unknown>): { seq: number; hash: string };
  correctInspection(id: string, correction: CorrectionInput): { id: string; seq: number; hash: string };
  /**
   * The whole chain, or (with a range) the entries from..to linked to the stored entry before them.
   * A whole-chain check also compares the chain's end with inspections.head and, if given, a head kept
   * elsewhere (`expectHead`).
   */
  verifyChain(range?: { fromSeq: number; toSeq: number }, opts?: { expectHead?: ChainHead }): VerifyResult;
  /** Chain positions of the records in a period, for a report's partial verification. */
  seqRange(filter: ShiftFilter): { fromSeq: number; toSeq: number } | null;
  queryShift(filter: ShiftFilter): InspectionRecord[];
  iterateShift(filter: ShiftFilter): Generator<InspectionRecord>;
  getInspection(id: string): InspectionWithAudit | null;
  dashboard(filter: ShiftFilter): Dashboard;
  recentAudit(limit?: number): AuditEntry[];
  /** Default period is the configured retention (90 days unless changed). */
  purgePersonalData(olderThanDays: number | undefined, actor: string): PurgeResult;
  retentionDays(): number;
  setRetentionDays(days: number, actor: string): void;
  getSetting(key: string): string | null;
  setSetting(key: string, value: string, actor: string): void;
  /** Runs `fn` in one write transaction (nested calls become savepoints); storage errors become UserErrors. */
  writeTransaction<T>(what: string, fn: () => T): T;
  schemaVersion(): number;
  close(): void;
}

/**
 * Verifies the log on a plain read-only connection, for a log that `openInspectionLog` refuses
 * (a table dropped by hand): names what is damaged instead of failing with an internal error.
 */
export function verifyLogFile(dataDir: string, opts: { expectHead?: ChainHead } = {}): VerifyResult {
  const db = new Database(join(dataDir, LOG_FILE), { readonly: true, fileMustExist: true });
  try {
    return verifyChain(db, undefined, { headPath: headFilePath(dataDir), expectHead: opts.expectHead });
  } catch (e) {
    throw storageError(e, 'Verifying the inspection log');
  } finally {
    db.close();
  }
}

function invalid(what: string, issues: { path: PropertyKey[]; message: string }[]): UserError {
  const list = issues.map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`).join('; ');
  return new UserError('invalid_inspection', `${what} was not saved because it is incomplete: ${list}.`);
}

/**
 * Opens (creating and migrating as needed) the inspection log in the data folder.
 * One per process: SQLite allows a second process (the CLI) alongside, serialised by BEGIN IMMEDIATE.
 */
export function openInspectionLog(dataDir: string, opts: OpenOptions = {}): InspectionLog {
  const now = opts.now ?? (() => new Date());
  const path = join(dataDir, LOG_FILE);
  let db: BetterSqlite3.Database;
  let migrated = false;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    db = new Database(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EROFS') {
      throw new UserError('log_unavailable', `The data folder ${dataDir} cannot be written (read-only disk or permissions). Call the technician; run \`checkpoint doctor\`.`);
    }
    throw storageError(e, 'Opening the inspection log');
  }
  try {
    db.pragma('busy_timeout = 5000');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new UserError('log_unavailable', `The inspection log could not switch to write-ahead logging (got ${String(mode)}); the disk may be read-only. Call the technician.`);
    // Every commit is fsynced before it returns: an acknowledged decision survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    const applied = migrate(db);
    // A table dropped by hand: nothing can be recorded, and the officer must hear why (`log verify`
    // still walks what is left, on a plain connection).
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const gone = ['audit', 'inspections'].filter((t) => !tables.has(t));
    if (gone.length) {
      throw new UserError(
        'log_damaged',
        `The inspection log ${path} is damaged: the ${gone.join(' and ')} table${gone.length > 1 ? 's are' : ' is'} missing (dropped outside the program). Nothing can be recorded in it. Keep the file as evidence, tell the supervisor and call the technician; \`checkpoint log verify\` shows what is left.`,
      );
    }
    // An upgrade of an existing log is itself evidence (a schema change explains new columns).
    if (applied.length && applied[0]! > 1) {
      db.transaction(() => new ChainWriter(db).append('log.migrate', 'system', null, { from: applied[0]! - 1, to: LATEST_SCHEMA })).immediate();
      migrated = true;
    }
  } catch (e) {
    db.close();
    throw storageError(e, 'Opening the inspection log');
  }

  const chain = new ChainWriter(db);
  // The chain head, kept in a file beside the database after each commit (see headFile.ts).
  // No head file yet (a data folder from before head files): it is written with the next entry, not
  // on open, so that `log verify` can say the end of the log could not be checked until then.
  const anchor = new HeadAnchor(db, headFilePath(dataDir));
  if (migrated) anchor.committed();
  const insertRow = db.prepare(`INSERT INTO inspections (
      id, seq, time, workstation, officer, shift_id, site, source, doc_code, issuing_state, nationality,
      zone_valid, zone_errors, expiry_check, watchlist_version, hit_count, possible_count, top_score,
      decision, reason, read_at, decided_at, corrects, correction_reason, personal, personal_salt, personal_digest, content_hash)
    VALUES (
      @id, @seq, @time, @workstation, @officer, @shift_id, @site, @source, @doc_code, @issuing_state, @nationality,
      @zone_valid, @zone_errors, @expiry_check, @watchlist_version, @hit_count, @possible_count, @top_score,
      @decision, @reason, @read_at, @decided_at, @corrects, @correction_reason, @personal, @personal_salt, @personal_digest, @content_hash)`);

  const writeTransaction = <T>(what: string, fn: () => T): T => {
    let result: T;
    try {
      result = db.transaction(fn).immediate();
    } catch (e) {
      throw storageError(e, what);
    }
    // Only the outermost transaction's commit is durable (nested calls are savepoints).
    if (!db.inTransaction) anchor.committed();
    return result;
  };

  const log: InspectionLog = {
    path,
    db,
    recordInspection(input) {
      const parsed = inspectionInputSchema.safeParse(input);
      if (!parsed.success) throw invalid('The decision', parsed.error.issues);
      const row = rowFromInspection(randomUUID(), parsed.data);
      return writeTransaction('The decision', () => {
        const link = chain.append('inspection.record', parsed.data.officer, row.id, { contentHash: row.content_hash }, now());
        insertRow.run({ ...row, seq: link.seq });
        return { id: row.id, seq: link.seq, hash: link.hash };
      });
    },
    appendAudit(action, actor, details = {}) {
      if (!(AUDIT_ACTIONS as readonly string[]).includes(action) || action.startsWith('inspection.')) {
        throw new UserError('bad_audit_action', `"${action}" is not an administrative audit action.`);
      }
      return writeTransaction('The audit entry', () => chain.append(action, actor, null, details, now()));
    },
    correctInspection(id, correction) {
      const parsed = correctionInputSchema.safeParse(correction);
      if (!parsed.success) throw invalid('The correction', parsed.error.issues);
      const c = parsed.data;
      return writeTransaction('The correction', () => {
        const orig = db.prepare('SELECT * FROM inspections WHERE id = ?').get(id) as InspectionRow | undefined;
        if (!orig) throw new UserError('not_found', 'The inspection to correct does not exist.');
        if (db.prepare('SELECT 1 FROM inspections WHERE corrects = ?').get(id)) {
          throw new UserError('already_corrected', 'This inspection has already been corrected; correct the latest version instead.');
        }
        const o = recordFromRow(orig);
        if (!o.document.fields) throw new UserError('purged', 'This inspection is past its retention period and its personal data was purged; it can no longer be corrected.');
        const input = inspectionInputSchema.parse({
          time: c.time ?? o.time,
          workstation: o.workstation,
          officer: o.officer,
          shiftId: o.shiftId,
          site: o.site,
          document: { source: o.document.source, fields: c.documentFields ?? o.document.fields },
          checks: { zoneValid: o.checks.zoneValid, zoneErrors: o.checks.zoneErrors, expiry: o.checks.expiry, watchlistVersion: o.checks.watchlistVersion, hits: o.checks.hits ?? [] },
          decision: c.decision,
          reason: c.reason,
          notes: c.notes,
          timings: { readAt: o.timings.readAt, decidedAt: o.timings.decidedAt },
        });
        const row = rowFromInspection(randomUUID(), input, id, c.correctionReason);
        const link = chain.append('inspection.correct', c.actor, row.id, { contentHash: row.content_hash, corrects: id }, now());
        insertRow.run({ ...row, seq: link.seq });
        return { id: row.id, seq: link.seq, hash: link.hash };
      });
    },
    verifyChain: (range, opts) => verifyChain(db, range, { headPath: anchor.path, expectHead: opts?.expectHead }),
    seqRange: (filter) => seqRange(db, filter),
    queryShift: (filter) => queryShift(db, filter),
    iterateShift: (filter) => iterateShift(db, filter),
    getInspection: (id) => getInspection(db, id),
    dashboard: (filter) => dashboard(db, filter),
    recentAudit: (limit) => recentAudit(db, limit),
    purgePersonalData(olderThanDays, actor) {
      const days = olderThanDays ?? log.retentionDays();
      if (!Number.isInteger(days) || days < 1) throw new UserError('bad_retention', 'The retention period must be a whole number of days, at least 1.');
      let r: PurgeResult;
      try {
        r = purgePersonalData(db, chain, days, actor, now());
      } catch (e) {
        throw storageError(e, 'The retention purge');
      }
      anchor.committed();
      return r;
    },
    retentionDays() {
      const v = Number(log.getSetting('retentionDays'));
      return Number.isInteger(v) && v > 0 ? v : DEFAULT_RETENTION_DAYS;
    },
    setRetentionDays(days, actor) {
      if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UserError('bad_retention', 'The retention period must be between 1 and 3650 days.');
      log.setSetting('retentionDays', String(days), actor);
    },
    getSetting(key) {
      const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return r?.value ?? null;
    },
    setSetting(key, value, actor) {
      writeTransaction('The setting', () => {
        const old = log.getSetting(key);
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
        chain.append('config.change', actor, null, { key, from: old, to: value }, now());
      });
    },
    writeTransaction,
    schemaVersion: () => currentSchema(db),
    close: () => {
      anchor.close();
      db.close();
    },
  };
  return log;
}
