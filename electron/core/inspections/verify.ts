import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH } from './canonical';
import { entryHash, type AuditRow } from './chain';
import { contentHash, personalDigest, type InspectionRow } from './rows';
import type { VerifyResult } from './types';

type Db = BetterSqlite3.Database;

const INSPECTION_ACTIONS = new Set(['inspection.record', 'inspection.correct']);

/**
 * Walks the whole chain in order and names the first link that does not hold. What each check catches:
 *  - seq gap: an entry was deleted;
 *  - prev_hash mismatch: entries were deleted, inserted or reordered;
 *  - entry hash mismatch: an entry's own columns were edited;
 *  - content hash mismatch: an inspection row was edited (its chain entry vouches for its content);
 *  - missing row / row outside the chain: an inspection row was deleted or inserted by hand;
 *  - personal data gone without a purge covering it: someone blanked a record to hide it.
 * Not caught by design: rewriting the whole chain from some point with fresh hashes. Quote the head
 * hash (printed on every PDF export) to anchor the chain on paper.
 */
export function verifyChain(db: Db, range?: { fromSeq: number; toSeq: number }): VerifyResult {
  const hasPurge = (db.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('inspections') WHERE name = 'purged_at'").get() as { n: number }).n > 0;
  // One pass over the chain with each inspection row joined in (seq is unique in both tables).
  const cols = ['id', 'time', 'workstation', 'officer', 'shift_id', 'site', 'source', 'doc_code', 'issuing_state', 'nationality', 'zone_valid', 'zone_errors', 'expiry_check', 'watchlist_version', 'hit_count', 'possible_count', 'top_score', 'decision', 'reason', 'read_at', 'decided_at', 'corrects', 'correction_reason', 'personal', 'personal_salt', 'personal_digest', 'content_hash'];
  const select = `SELECT a.seq, a.at, a.action, a.actor, a.ref, a.details, a.prev_hash, a.hash, i.seq AS i_seq, ${cols.map((c) => `i.${c} AS i_${c}`).join(', ')}, ${hasPurge ? 'i.purged_at' : 'NULL'} AS i_purged_at
    FROM audit a LEFT JOIN inspections i ON i.seq = a.seq`;
  // A partial check starts from the stored hash of the entry before the range (trusted, not re-checked).
  let expectedSeq = range ? range.fromSeq : 1;
  let prevHash = GENESIS_HASH;
  if (range && range.fromSeq > 1) {
    const before = db.prepare('SELECT hash FROM audit WHERE seq = ?').get(range.fromSeq - 1) as { hash: string } | undefined;
    if (!before) return { ok: false, checked: 0, head: null, range, firstBroken: { seq: range.fromSeq - 1, reason: `entry ${range.fromSeq - 1} is missing (deleted)` } };
    prevHash = before.hash;
  }
  let checked = 0;
  const broken = (seq: number, reason: string): VerifyResult => ({
    ok: false,
    checked,
    head: checked ? { seq: expectedSeq - 1, hash: prevHash } : null,
    ...(range ? { range } : {}),
    firstBroken: { seq, reason },
  });
  const purgedRows: Array<{ seq: number; time: number }> = [];
  const entries = range
    ? db.prepare(`${select} WHERE a.seq BETWEEN ? AND ? ORDER BY a.seq`).iterate(range.fromSeq, range.toSeq)
    : db.prepare(`${select} ORDER BY a.seq`).iterate();
  const inspectionOf = (j: Record<string, unknown>) => {
    if (j.i_seq === null) return undefined;
    const row: Record<string, unknown> = { seq: j.i_seq, purged_at: j.i_purged_at };
    for (const c of cols) row[c] = j[`i_${c}`];
    return row as unknown as InspectionRow & { purged_at: number | null };
  };

  for (const j of entries as IterableIterator<AuditRow & Record<string, unknown>>) {
    const a = j;
    if (a.seq !== expectedSeq) {
      return broken(expectedSeq, a.seq > expectedSeq ? `entry ${expectedSeq}${a.seq - expectedSeq > 1 ? `..${a.seq - 1}` : ''} is missing (deleted)` : `entry ${a.seq} is out of order`);
    }
    if (a.prev_hash !== prevHash) return broken(a.seq, 'previous-hash link does not match the entry before it (entries deleted, inserted or reordered)');
    if (entryHash({ seq: a.seq, at: a.at, action: a.action, actor: a.actor, ref: a.ref, details: a.details, prev_hash: a.prev_hash }) !== a.hash) return broken(a.seq, `entry content was changed after it was written (action ${a.action})`);

    let details: Record<string, unknown>;
    try {
      details = JSON.parse(a.details) as Record<string, unknown>;
    } catch {
      return broken(a.seq, 'entry details are not readable');
    }
    if (INSPECTION_ACTIONS.has(a.action)) {
      const row = inspectionOf(j);
      if (!row) return broken(a.seq, `inspection ${a.ref} is missing from the inspections table (row deleted)`);
      if (row.id !== a.ref) return broken(a.seq, `inspection row at this position is ${row.id}, the chain says ${a.ref} (rows swapped or replaced)`);
      if (contentHash(row) !== row.content_hash || row.content_hash !== details.contentHash) {
        return broken(a.seq, `inspection ${row.id} was changed after it was recorded (content hash mismatch)`);
      }
      if (row.personal !== null) {
        if (!row.personal_salt || personalDigest(row.personal, row.personal_salt) !== row.personal_digest) {
          return broken(a.seq, `personal fields of inspection ${row.id} were changed after it was recorded`);
        }
      } else if (!row.purged_at) {
        return broken(a.seq, `personal fields of inspection ${row.id} were removed outside a retention purge`);
      } else {
        purgedRows.push({ seq: a.seq, time: row.time });
      }
    }
    prevHash = a.hash;
    expectedSeq++;
    checked++;
  }

  if (range && expectedSeq <= range.toSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing (deleted)`);
  // A purged record must be older than some purge recorded in the chain (the purge entries
  // themselves are hash-checked by the full walk).
  let maxPurgeCutoff = -Infinity;
  if (purgedRows.length) {
    for (const p of db.prepare("SELECT details FROM audit WHERE action = 'retention.purge'").iterate() as IterableIterator<{ details: string }>) {
      try {
        const cutoff = (JSON.parse(p.details) as { cutoffMs?: unknown }).cutoffMs;
        if (typeof cutoff === 'number') maxPurgeCutoff = Math.max(maxPurgeCutoff, cutoff);
      } catch {
        /* an unreadable purge entry covers nothing */
      }
    }
  }
  for (const p of purgedRows) {
    if (!(p.time < maxPurgeCutoff)) return broken(p.seq, 'record is marked purged but no recorded retention purge covers its date');
  }
  // An inspection row that no chain entry vouches for was inserted by hand (or its entry replaced).
  const orphan = db
    .prepare(
      `SELECT i.seq, i.id FROM inspections i LEFT JOIN audit a ON a.seq = i.seq AND a.ref = i.id
       WHERE a.seq IS NULL ${range ? 'AND i.seq BETWEEN @fromSeq AND @toSeq' : ''} ORDER BY i.seq LIMIT 1`,
    )
    .get(range ?? {}) as { seq: number; id: string } | undefined;
  if (orphan) return broken(orphan.seq, `inspection ${orphan.id} is not in the audit chain (row inserted outside the program)`);
  return { ok: true, checked, head: checked ? { seq: expectedSeq - 1, hash: prevHash } : null, ...(range ? { range } : {}) };
}
