import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH } from './canonical';
import { entryHash } from './chain';
import { HEAD_FILE, readHeadFile, type ChainHead, type HeadFileRead } from './headFile';
import { contentHash, personalDigest, type InspectionRow } from './rows';
import type { VerifyResult } from './types';

type Db = BetterSqlite3.Database;

/** Inspection columns since schema 1, in the order read below (purged_at, added in 3, follows them). */
const INSPECTION_COLUMNS = [
  'id', 'seq', 'time', 'workstation', 'officer', 'shift_id', 'site', 'source', 'doc_code', 'issuing_state', 'nationality', 'zone_valid',
  'zone_errors', 'expiry_check', 'watchlist_version', 'hit_count', 'possible_count', 'top_score', 'decision', 'reason', 'read_at',
  'decided_at', 'corrects', 'correction_reason', 'personal', 'personal_salt', 'personal_digest', 'content_hash',
] as const;

interface Joined {
  a_seq: number;
  a_at: string;
  a_action: string;
  a_actor: string;
  a_ref: string | null;
  a_details: string;
  a_prev_hash: string;
  a_hash: string;
  /** The inspection row at this seq, or null when there is none. */
  row: (InspectionRow & { purged_at: number | null }) | null;
}

/** One raw result row (8 audit columns, then INSPECTION_COLUMNS, then purged_at) as an object. */
function joinedOfArray(a: unknown[]): Joined {
  const row =
    a[8] === null
      ? null
      : ({
          id: a[8], seq: a[9], time: a[10], workstation: a[11], officer: a[12], shift_id: a[13], site: a[14], source: a[15], doc_code: a[16],
          issuing_state: a[17], nationality: a[18], zone_valid: a[19], zone_errors: a[20], expiry_check: a[21], watchlist_version: a[22],
          hit_count: a[23], possible_count: a[24], top_score: a[25], decision: a[26], reason: a[27], read_at: a[28], decided_at: a[29],
          corrects: a[30], correction_reason: a[31], personal: a[32], personal_salt: a[33], personal_digest: a[34], content_hash: a[35],
          purged_at: a[36],
        } as InspectionRow & { purged_at: number | null });
  return {
    a_seq: a[0] as number, a_at: a[1] as string, a_action: a[2] as string, a_actor: a[3] as string, a_ref: a[4] as string | null,
    a_details: a[5] as string, a_prev_hash: a[6] as string, a_hash: a[7] as string, row,
  };
}

const INSPECTION_ACTIONS = new Set(['inspection.record', 'inspection.correct']);

export interface VerifyOptions {
  /** inspections.head: checked on whole-chain walks (a range check cannot see the end of the chain). */
  headPath?: string;
  /** A head kept off the machine (from an earlier `log verify` or a report): must be in the chain. */
  expectHead?: ChainHead;
}

type Anchor = NonNullable<VerifyResult['anchor']>;

/** The chain's end against a recorded head: cut (behind it), rewritten (its entry differs), or fine. */
function compareHead(
  recorded: ChainHead,
  last: number,
  hashAt: (seq: number) => string | undefined,
  source: string,
): { status: 'match' | 'behind' | 'truncated' | 'rewritten'; failure?: { seq: number; reason: string } } {
  if (recorded.seq > last) {
    const n = recorded.seq - last;
    return {
      status: 'truncated',
      failure: { seq: last + 1, reason: `the last ${n} ${n === 1 ? 'entry is' : 'entries are'} missing: the log ends at seq ${last}, but entry ${recorded.seq} was recorded (${source})` },
    };
  }
  if (recorded.seq > 0 && hashAt(recorded.seq) !== recorded.hash) {
    return {
      status: 'rewritten',
      failure: { seq: recorded.seq, reason: `entry ${recorded.seq} is not the entry recorded as the head (${source}): its hash differs, so the log was rewritten at or before it` },
    };
  }
  return { status: recorded.seq === last ? 'match' : 'behind' };
}

/**
 * Walks the whole chain in order and names the first link that does not hold. What each check catches:
 *  - seq gap: an entry was deleted;
 *  - prev_hash mismatch: entries were deleted, inserted or reordered;
 *  - entry hash mismatch: an entry's own columns were edited;
 *  - content hash mismatch: an inspection row was edited (its chain entry vouches for its content);
 *  - missing row / row outside the chain: an inspection row was deleted or inserted by hand;
 *  - personal data gone without a purge covering it: someone blanked a record to hide it.
 * The end of the chain is checked against heads kept outside the rows (see headFile.ts):
 *  - tail cut: the log ends before the head recorded in inspections.head (or a head the supervisor kept);
 *  - rewritten: the entry at that head has another hash (the chain was rebuilt with fresh hashes).
 * Rewriting both the database and the head file is not caught here: quote the head hash (printed on
 * every PDF export and by `log verify`) to anchor the chain on paper, and check it with `expectHead`.
 */
export function verifyChain(db: Db, range?: { fromSeq: number; toSeq: number }, opts: VerifyOptions = {}): VerifyResult {
  // Read the head file BEFORE the walk: it is written only after its entry committed, so every entry
  // it names is in any snapshot taken later, even while another process keeps recording.
  const headFile: HeadFileRead | null = !range && opts.headPath ? readHeadFile(opts.headPath) : null;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('audit', 'inspections')").pluck().all() as string[]));
  if (!tables.has('audit')) {
    return { ok: false, checked: 0, head: null, ...(range ? { range } : {}), firstBroken: { seq: range?.fromSeq ?? 1, reason: 'the log is damaged: the audit table is missing (dropped or renamed outside the program)' } };
  }
  const hasInspections = tables.has('inspections');
  const hasPurge = (db.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('inspections') WHERE name = 'purged_at'").get() as { n: number }).n > 0;
  // One pass over the chain with each inspection row joined in (seq is unique in both tables), read as
  // arrays (better-sqlite3 `raw`) and shaped in JS: far cheaper than named columns on 100k-entry walks.
  const select = hasInspections
    ? `SELECT a.seq, a.at, a.action, a.actor, a.ref, a.details, a.prev_hash, a.hash,
      ${INSPECTION_COLUMNS.map((c) => `i.${c}`).join(', ')}, ${hasPurge ? 'i.purged_at' : 'NULL'}
    FROM audit a LEFT JOIN inspections i ON i.seq = a.seq`
    : `SELECT a.seq, a.at, a.action, a.actor, a.ref, a.details, a.prev_hash, a.hash, ${INSPECTION_COLUMNS.map(() => 'NULL').join(', ')}, NULL FROM audit a`;
  const damaged = 'the log is damaged: the inspections table is missing (dropped or renamed outside the program)';
  const hashStmt = db.prepare('SELECT hash FROM audit WHERE seq = ?').pluck();
  const hashAt = (seq: number) => hashStmt.get(seq) as string | undefined;
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
  const start = range ? range.fromSeq : 1;
  const purgedRows: Array<{ seq: number; time: number }> = [];
  const entries = range
    ? db.prepare(`${select} WHERE a.seq BETWEEN ? AND ? ORDER BY a.seq`).raw(true).iterate(range.fromSeq, range.toSeq)
    : db.prepare(`${select} ORDER BY a.seq`).raw(true).iterate();

  for (const a of entries as IterableIterator<unknown[]>) {
    const j = joinedOfArray(a);
    const seq = j.a_seq;
    if (seq !== expectedSeq) {
      return broken(expectedSeq, seq > expectedSeq ? `entry ${expectedSeq}${seq - expectedSeq > 1 ? `..${seq - 1}` : ''} is missing (deleted)` : `entry ${seq} is out of order`);
    }
    if (j.a_prev_hash !== prevHash) return broken(seq, 'previous-hash link does not match the entry before it (entries deleted, inserted or reordered)');
    const audit = { seq, at: j.a_at, action: j.a_action, actor: j.a_actor, ref: j.a_ref, details: j.a_details, prev_hash: j.a_prev_hash };
    if (entryHash(audit) !== j.a_hash) return broken(seq, `entry content was changed after it was written (action ${j.a_action})`);

    if (INSPECTION_ACTIONS.has(j.a_action)) {
      const row = j.row;
      if (!hasInspections) return broken(seq, damaged);
      if (row === null) return broken(seq, `inspection ${j.a_ref} is missing from the inspections table (row deleted)`);
      if (row.id !== j.a_ref) return broken(seq, `inspection row at this position is ${row.id}, the chain says ${j.a_ref} (rows swapped or replaced)`);
      // The entry's details are exactly what the writer produced for this row (canonical JSON).
      const expected = j.a_action === 'inspection.record' ? canonicalJson({ contentHash: row.content_hash }) : canonicalJson({ contentHash: row.content_hash, corrects: row.corrects });
      if (j.a_details !== expected || contentHash(row) !== row.content_hash) {
        return broken(seq, `inspection ${row.id} was changed after it was recorded (content hash mismatch)`);
      }
      if (row.personal !== null) {
        if (!row.personal_salt || personalDigest(row.personal, row.personal_salt) !== row.personal_digest) {
          return broken(seq, `personal fields of inspection ${row.id} were changed after it was recorded`);
        }
      } else if (!row.purged_at) {
        return broken(seq, `personal fields of inspection ${row.id} were removed outside a retention purge`);
      } else {
        purgedRows.push({ seq, time: row.time });
      }
    }
    prevHash = j.a_hash;
    expectedSeq++;
    checked++;
  }
  if (range && expectedSeq <= range.toSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing (deleted)`);
  const last = expectedSeq - 1;
  // The walk is over: what follows can fail at any entry walked (or past the end). The first such
  // failure is reported with the entries before IT as the intact ones, not every entry walked.
  const failures: Array<{ seq: number; reason: string }> = [];
  if (!hasInspections) failures.push({ seq: last + 1, reason: damaged });
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
  const uncovered = purgedRows.find((p) => !(p.time < maxPurgeCutoff));
  if (uncovered) failures.push({ seq: uncovered.seq, reason: 'record is marked purged but no recorded retention purge covers its date' });
  // An inspection row that no chain entry vouches for was inserted by hand (or its entry replaced).
  const orphan = hasInspections
    ? (db
        .prepare(
          `SELECT i.seq, i.id FROM inspections i LEFT JOIN audit a ON a.seq = i.seq AND a.ref = i.id
       WHERE a.seq IS NULL ${range ? 'AND i.seq BETWEEN @fromSeq AND @toSeq' : ''} ORDER BY i.seq LIMIT 1`,
        )
        .get(range ?? {}) as { seq: number; id: string } | undefined)
    : undefined;
  if (orphan) {
    // Rows past the end of the chain whose entries the head says existed: that is the cut tail, not an insertion.
    const cutTail = headFile?.kind === 'ok' && orphan.seq > last && orphan.seq <= headFile.head.seq;
    if (!cutTail) failures.push({ seq: orphan.seq, reason: `inspection ${orphan.id} is not in the audit chain (row inserted outside the program)` });
  }
  // The end of the chain, which the links cannot vouch for: against the head file and a kept head.
  let anchor: Anchor | undefined;
  if (headFile) {
    if (headFile.kind === 'missing') anchor = { status: 'missing', recorded: null };
    else if (headFile.kind === 'unreadable') {
      anchor = { status: 'unreadable', recorded: null };
      failures.push({ seq: last + 1, reason: `${HEAD_FILE} is unreadable (${headFile.detail}): the end of the log cannot be vouched for (the file was edited or replaced)` });
    } else {
      const c = compareHead(headFile.head, last, hashAt, HEAD_FILE);
      anchor = { status: c.status, recorded: headFile.head };
      if (c.failure) failures.push(c.failure);
    }
  }
  if (!range && opts.expectHead) {
    const c = compareHead(opts.expectHead, last, hashAt, 'the head given to check');
    anchor = { ...(anchor ?? { status: 'missing', recorded: null }), expected: { ...opts.expectHead, status: c.status } };
    if (c.failure) failures.push(c.failure);
  }
  const withAnchor = anchor ? { anchor } : {};
  if (failures.length) {
    const first = failures.reduce((a, b) => (b.seq < a.seq ? b : a));
    const n = Math.max(0, Math.min(checked, first.seq - start));
    const headSeq = start + n - 1;
    return {
      ok: false,
      checked: n,
      head: n ? { seq: headSeq, hash: headSeq === last ? prevHash : hashAt(headSeq)! } : null,
      ...(range ? { range } : {}),
      firstBroken: first,
      ...withAnchor,
    };
  }
  return { ok: true, checked, head: checked ? { seq: last, hash: prevHash } : null, ...(range ? { range } : {}), ...withAnchor };
}
