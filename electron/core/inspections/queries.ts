import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../app/errors';
import { toAuditEntry, type AuditRow } from './chain';
import { recordFromRow, type InspectionRow } from './rows';
import { shiftFilterSchema, type AuditEntry, type Dashboard, type DocumentFields, type FieldChange, type InspectionRecord, type OfficerSummary, type RecordVersion, type ShiftFilter } from './types';

type Db = BetterSqlite3.Database;

interface Where {
  sql: string;
  params: Record<string, unknown>;
  from: number;
  to: number;
  includeSuperseded: boolean;
}

/** Half-open period [from, to): a record at exactly `to` belongs to the next shift. */
export function shiftWhere(filter: ShiftFilter): Where {
  const parsed = shiftFilterSchema.safeParse(filter);
  if (!parsed.success) {
    throw new UserError('bad_filter', `The shift filter is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  }
  const f = parsed.data;
  const from = Date.parse(f.from);
  const to = Date.parse(f.to);
  if (to < from) throw new UserError('bad_filter', 'The end of the period is before its start.');
  const clauses = ['i.time >= @from', 'i.time < @to'];
  const params: Record<string, unknown> = { from, to };
  if (f.officer) {
    clauses.push('i.officer = @officer');
    params.officer = f.officer;
  }
  if (f.site) {
    clauses.push('i.site = @site');
    params.site = f.site;
  }
  if (!f.includeSuperseded) clauses.push('NOT EXISTS (SELECT 1 FROM inspections c WHERE c.corrects = i.id)');
  if (f.notableOnly) clauses.push("(i.decision <> 'admit' OR i.hit_count > 0 OR i.possible_count > 0)");
  return { sql: clauses.join(' AND '), params, from, to, includeSuperseded: !!f.includeSuperseded };
}

/**
 * Everything a reader needs; not the salt or digest (a Buffer per row costs real time on 100k-row exports).
 * Rows are read as arrays (better-sqlite3 `raw`) and turned into objects here: building a fixed-shape
 * object in JS is several times cheaper than the driver setting 28 named properties per row.
 */
const RECORD_COLUMNS = [
  'id', 'seq', 'time', 'workstation', 'officer', 'shift_id', 'site', 'source', 'doc_code', 'issuing_state', 'nationality',
  'zone_valid', 'zone_errors', 'expiry_check', 'watchlist_version', 'hit_count', 'possible_count', 'top_score', 'decision', 'reason',
  'read_at', 'decided_at', 'corrects', 'correction_reason', 'personal', 'content_hash', 'purged_at',
] as const;
const COLUMNS = RECORD_COLUMNS.map((c) => `i.${c}`).join(', ');

type RecordRow = Omit<InspectionRow, 'personal_salt' | 'personal_digest'> & { corrected_by: string | null };

/** The array from a raw SELECT of RECORD_COLUMNS + corrected_by, as a row object (order as RECORD_COLUMNS). */
function rowOfArray(a: unknown[]): RecordRow {
  return {
    id: a[0], seq: a[1], time: a[2], workstation: a[3], officer: a[4], shift_id: a[5], site: a[6], source: a[7], doc_code: a[8],
    issuing_state: a[9], nationality: a[10], zone_valid: a[11], zone_errors: a[12], expiry_check: a[13], watchlist_version: a[14],
    hit_count: a[15], possible_count: a[16], top_score: a[17], decision: a[18], reason: a[19], read_at: a[20], decided_at: a[21],
    corrects: a[22], correction_reason: a[23], personal: a[24], content_hash: a[25], purged_at: a[26], corrected_by: a[27],
  } as RecordRow;
}

const SELECT_RECORD = `SELECT ${COLUMNS}, (SELECT c.id FROM inspections c WHERE c.corrects = i.id ORDER BY c.seq DESC LIMIT 1) AS corrected_by FROM inspections i`;
/** Without superseded records, nothing returned has a correction: skip the lookup. */
const SELECT_LATEST = `SELECT ${COLUMNS}, NULL AS corrected_by FROM inspections i`;

export function queryShift(db: Db, filter: ShiftFilter): InspectionRecord[] {
  return [...iterateShift(db, filter)];
}

/** Streams records in time order (exports of a whole month do not hold it all in memory). */
export function* iterateShift(db: Db, filter: ShiftFilter): Generator<InspectionRecord> {
  const w = shiftWhere(filter);
  // rowid follows seq (rows are only ever appended) and sits in every index, so no sort step is needed.
  const stmt = db.prepare(`${w.includeSuperseded ? SELECT_RECORD : SELECT_LATEST} WHERE ${w.sql} ORDER BY i.time, i.rowid`).raw(true);
  for (const a of stmt.iterate(w.params) as IterableIterator<unknown[]>) yield recordFromRow(rowOfArray(a));
}

export interface InspectionWithAudit {
  record: InspectionRecord;
  /** Chain entries of every version of this record (the original, every correction), oldest first. */
  audit: AuditEntry[];
  /** Later records correcting this one, oldest first. */
  corrections: InspectionRecord[];
  /**
   * Every version, from the original to the latest correction, whichever of them was asked for: who
   * made each one, when, and what it changed.
   */
  history: RecordVersion[];
}

const DOCUMENT_FIELDS: Array<keyof DocumentFields> = ['documentCode', 'issuingState', 'nationality', 'surname', 'givenNames', 'documentNumber', 'birthDate', 'expiryDate', 'sex', 'optionalData'];

/** What a correction changed against the version it corrects. */
export function recordChanges(before: InspectionRecord, after: InspectionRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: FieldChange['field'], from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field, from, to });
  };
  add('time', before.time, after.time);
  add('decision', before.decision, after.decision);
  add('reason', before.reason, after.reason);
  add('notes', before.notes, after.notes);
  const b = before.document.fields;
  const a = after.document.fields;
  if (b && a) for (const f of DOCUMENT_FIELDS) add(f, b[f] ?? '', a[f] ?? '');
  return changes;
}

type RowWithCorrection = InspectionRow & { corrected_by: string | null };

export function getInspection(db: Db, id: string): InspectionWithAudit | null {
  const byId = db.prepare(`${SELECT_RECORD} WHERE i.id = ?`);
  const row = byId.get(id) as RowWithCorrection | undefined;
  if (!row) return null;
  const corrections: InspectionRecord[] = [];
  const byCorrects = db.prepare(`${SELECT_RECORD} WHERE i.corrects = ? ORDER BY i.seq`);
  // Follow the whole correction chain: a correction may itself be corrected.
  const queue = [id];
  while (queue.length) {
    for (const c of byCorrects.all(queue.shift()!) as RowWithCorrection[]) {
      corrections.push(recordFromRow(c));
      queue.push(c.id);
    }
  }
  // And back to the original when a correction was asked for.
  const earlier: InspectionRecord[] = [];
  const seen = new Set([id]);
  for (let up = row.corrects; up && !seen.has(up); ) {
    seen.add(up);
    const r = byId.get(up) as RowWithCorrection | undefined;
    if (!r) break;
    earlier.unshift(recordFromRow(r));
    up = r.corrects;
  }
  const record = recordFromRow(row);
  const versions = [...earlier, record, ...corrections];
  const entry = db.prepare('SELECT * FROM audit WHERE seq = ?');
  const entries = new Map(
    versions
      .map((v) => entry.get(v.seq) as AuditRow | undefined)
      .filter((a): a is AuditRow => !!a)
      .map((a) => [a.seq, toAuditEntry(a)] as const),
  );
  const audit = [...entries.values()].sort((x, y) => x.seq - y.seq);
  const history = versions.map((v, i): RecordVersion => {
    const e = entries.get(v.seq);
    return { record: v, actor: e?.actor ?? v.officer, at: e?.at ?? v.time, changes: i === 0 ? [] : recordChanges(versions[i - 1]!, v) };
  });
  return { record, audit, corrections, history };
}

const ROSTER_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function dashboard(db: Db, filter: ShiftFilter): Dashboard {
  const w = shiftWhere(filter);
  const per = db
    .prepare(
      `SELECT i.officer AS officer, COUNT(*) AS total,
              SUM(i.decision = 'admit') AS admit, SUM(i.decision = 'refer') AS refer, SUM(i.decision = 'refuse') AS refuse,
              SUM(i.hit_count > 0) AS hits, SUM(i.hit_count = 0 AND i.possible_count > 0) AS possible,
              SUM(i.zone_valid = 0) AS invalid, SUM(i.expiry_check = 'expired') AS expired,
              SUM(i.decided_at - i.read_at) AS ms
       FROM inspections i WHERE ${w.sql} GROUP BY i.officer ORDER BY i.officer`,
    )
    .all(w.params) as Array<{ officer: string; total: number; admit: number; refer: number; refuse: number; hits: number; possible: number; invalid: number; expired: number; ms: number }>;
  const versions = db
    .prepare(`SELECT DISTINCT i.watchlist_version AS v FROM inspections i WHERE ${w.sql} AND i.watchlist_version IS NOT NULL ORDER BY v`)
    .all(w.params) as Array<{ v: number }>;
  const sum = (k: keyof (typeof per)[number]) => per.reduce((s, p) => s + (p[k] as number), 0);
  const total = sum('total');
  const hours = Math.max(w.to - w.from, 1) / 3_600_000;
  // officer.2 before officer.10, as a person reads a roster
  per.sort((a, b) => ROSTER_ORDER.compare(a.officer, b.officer));
  const perOfficer: OfficerSummary[] = per.map((p) => ({
    officer: p.officer,
    total: p.total,
    admit: p.admit,
    refer: p.refer,
    refuse: p.refuse,
    hits: p.hits,
    avgDecisionMs: p.total ? Math.round(p.ms / p.total) : null,
  }));
  return {
    from: new Date(w.from).toISOString(),
    to: new Date(w.to).toISOString(),
    total,
    throughputPerHour: total / hours,
    decisions: { admit: sum('admit'), refer: sum('refer'), refuse: sum('refuse') },
    hits: sum('hits'),
    possibleHits: sum('possible'),
    invalidZones: sum('invalid'),
    expired: sum('expired'),
    avgDecisionMs: total ? Math.round(sum('ms') / total) : null,
    watchlistVersions: versions.map((v) => v.v),
    perOfficer,
  };
}

/** Recent chain entries, newest first (the supervisor's audit view; no traveller data in details). */
export function recentAudit(db: Db, limit = 100): AuditEntry[] {
  return (db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').all(Math.max(1, Math.min(limit, 10_000))) as AuditRow[]).map(toAuditEntry);
}

/** First and last chain positions of the records in a period (corrections share their original's time). */
export function seqRange(db: Db, filter: ShiftFilter): { fromSeq: number; toSeq: number } | null {
  const w = shiftWhere({ ...filter, includeSuperseded: true });
  const r = db.prepare(`SELECT MIN(i.seq) AS a, MAX(i.seq) AS b FROM inspections i WHERE ${w.sql}`).get(w.params) as { a: number | null; b: number | null };
  return r.a === null || r.b === null ? null : { fromSeq: r.a, toSeq: r.b };
}
