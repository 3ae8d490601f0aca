import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { writeFileAtomic } from '../app/atomicFile';

type Db = BetterSqlite3.Database;

/**
 * The chain head anchored outside the database: `inspections.head` beside `inspections.db`.
 *
 * Why a separate file: the hash chain shows any edit, insertion, reordering or deletion INSIDE the
 * chain, but deleting the newest entries leaves a shorter chain that is still perfectly linked. The
 * only way to see that is to know, from somewhere the SQL editor did not touch, how far the chain
 * went. Keeping that head in the database itself (a meta or settings row) is useless: whoever deletes
 * the last rows with `sqlite3` deletes or rewinds that row in the same statement batch. A file next to
 * the database is caught by the first naive edit; it is no defence against someone who knowingly
 * rewrites both files, so the anchor that really counts is one kept off the machine: `log verify`
 * prints the head (seq + hash) for the supervisor to keep, and `--expect-head SEQ:HASH` checks a kept one.
 *
 * Crash ordering: the entry's transaction commits (fsynced, synchronous=FULL) first, the head file is
 * written after, so after a crash the head can be behind the database but never ahead of it. Hence
 * verify accepts a database that is AHEAD of the head file (provided the entry at the head's seq still
 * has the head's hash) and reports one that is BEHIND it as truncation. The file is replaced whole
 * (temp file, fsync, rename): after power loss it is the old head or the new one, never a torn one.
 *
 * Cost: the head write is one small fsync. It is kept off the officer's acknowledgement: a commit only
 * marks the head dirty and a zero-delay timer writes it just after the call returns. A process that
 * records in a tight synchronous loop (demo, bench, bulk import) never lets the timer run, so the head
 * is also written inline once it has been pending for HEAD_MAX_LAG_MS. The trade-off: entries recorded
 * in the last moments before a crash or an attack may not be anchored yet (at most one timer tick in
 * normal use, HEAD_MAX_LAG_MS in a tight loop); deleting anything older is still found.
 */
export const HEAD_FILE = 'inspections.head';
export const HEAD_MAX_LAG_MS = 250;

export interface ChainHead {
  seq: number;
  hash: string;
}

export type HeadFileRead = { kind: 'missing' } | { kind: 'unreadable'; detail: string } | { kind: 'ok'; head: ChainHead };

export function headFilePath(dataDir: string): string {
  return join(dataDir, HEAD_FILE);
}

export function readHeadFile(path: string): HeadFileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', detail: (e as Error).message };
  }
  try {
    const v = JSON.parse(text) as { seq?: unknown; hash?: unknown };
    if (Number.isInteger(v.seq) && (v.seq as number) >= 0 && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash)) {
      return { kind: 'ok', head: { seq: v.seq as number, hash: v.hash } };
    }
  } catch {
    /* fall through */
  }
  return { kind: 'unreadable', detail: 'not a head record' };
}

/** Replaces the head file atomically (temp file, fsync, rename, fsync of the folder). */
export function writeHeadFile(path: string, head: ChainHead, at = new Date()): void {
  writeFileAtomic(path, JSON.stringify({ seq: head.seq, hash: head.hash, at: at.toISOString() }) + '\n', 0o600);
}

/**
 * Advances the head file after commits. Never moves it backwards and never past a database that
 * disagrees with it: if the entry at the recorded head is gone or different, the file is left as it
 * is (it is the evidence) and this process stops writing it.
 */
export class HeadAnchor {
  private readonly last: BetterSqlite3.Statement;
  private readonly at: BetterSqlite3.Statement;
  private pendingSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Set once the database was found not to extend the recorded head. */
  private frozen = false;

  constructor(
    private readonly db: Db,
    readonly path: string,
  ) {
    this.last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    this.at = db.prepare('SELECT hash FROM audit WHERE seq = ?').pluck();
  }

  /** Call after a write transaction committed. */
  committed(): void {
    if (this.frozen) return;
    const now = Date.now();
    if (this.pendingSince === null) this.pendingSince = now;
    if (now - this.pendingSince >= HEAD_MAX_LAG_MS) {
      this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flushQuietly();
      }, 0);
    }
  }

  /** Writes the head now if a commit is pending (on close, and from the timer). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // Outside a transaction only: inside one, the newest row may not be committed yet.
    if (this.pendingSince === null || this.frozen || !this.db.open || this.db.inTransaction) return;
    this.pendingSince = null;
    const last = this.last.get() as ChainHead | undefined;
    if (!last) return;
    const file = readHeadFile(this.path);
    if (file.kind === 'unreadable') {
      this.frozen = true;
      return;
    }
    if (file.kind === 'ok') {
      // Another process got there first, or the log was cut below the head: leave the file.
      if (file.head.seq >= last.seq) return;
      if (file.head.seq > 0 && this.at.get(file.head.seq) !== file.head.hash) {
        this.frozen = true;
        return;
      }
    }
    writeHeadFile(this.path, last);
  }

  /** The timer's flush: a failed head write must not crash the app (verify will report the lag). */
  private flushQuietly(): void {
    try {
      this.flush();
    } catch {
      /* the head stays behind: tolerated like a crash window */
    }
  }

  close(): void {
    this.flushQuietly();
  }
}
