import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, sha256Hex } from './canonical';
import type { AuditEntry } from './types';

type Db = BetterSqlite3.Database;

export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  actor: string;
  ref: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/**
 * Hash of one chain entry: every stored column but the hash itself, as a JSON array (unambiguous,
 * unlike joining with a separator). `details` is hashed as the exact stored text.
 */
export function entryHash(e: Omit<AuditRow, 'hash'>): string {
  // An array of strings, numbers and null: JSON.stringify is already canonical.
  return sha256Hex(JSON.stringify([e.prev_hash, e.seq, e.at, e.action, e.actor, e.ref, e.details]));
}

/**
 * Appends entries to the chain. Must be called inside a write transaction (BEGIN IMMEDIATE), so the
 * head read here is the head the entry is written after, even with a second process on the file.
 */
export class ChainWriter {
  private readonly head: BetterSqlite3.Statement;
  private readonly insert: BetterSqlite3.Statement;

  constructor(db: Db) {
    this.head = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO audit (seq, at, action, actor, ref, details, prev_hash, hash) VALUES (@seq, @at, @action, @actor, @ref, @details, @prev_hash, @hash)',
    );
  }

  append(action: string, actor: string, ref: string | null, details: Record<string, unknown>, at = new Date()): { seq: number; hash: string } {
    const last = this.head.get() as { seq: number; hash: string } | undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: at.toISOString(),
      action,
      actor,
      ref,
      details: canonicalJson(details),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(row);
    this.insert.run({ ...row, hash });
    return { seq: row.seq, hash };
  }
}

export function toAuditEntry(r: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    details = { unreadable: true };
  }
  return { seq: r.seq, at: r.at, action: r.action, actor: r.actor, ref: r.ref, details, prevHash: r.prev_hash, hash: r.hash };
}
