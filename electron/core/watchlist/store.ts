/**
 * The local watchlist: entries on disk in SQLite (watchlist.db, WAL), with two indexes so screening
 * never scans the list: exact document keys, and name sound keys (single tokens and token pairs)
 * that bring up a few hundred candidates, which are then scored in memory.
 */
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../app/errors';
import { DEFAULT_SCREENING_CONFIG, type ScreeningConfig } from './config';
import { documentNumberKey, issuingStateKey } from './documents';
import { readBundle } from './importers/bundle';
import { readSourceEntriesSync } from './importers';
import { decodeForms, encodeForms, formKeys, keyHash, prepareName } from './names';
import { screenCandidates, type CandidateRow } from './screening';
import type {
  BundleHeader,
  ImportFormat,
  ImportReport,
  ScreeningQuery,
  ScreeningResult,
  WatchlistEntry,
  WatchlistStats,
} from './types';

const SCHEMA_VERSION = 2;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  names TEXT NOT NULL DEFAULT '',
  births TEXT NOT NULL DEFAULT '',
  nats TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT ''
);
-- The full entry, read only for results: kept apart so the rows screening reads are small and dense.
CREATE TABLE IF NOT EXISTS bodies (rid INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS name_keys (k INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (k, rid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_keys (num TEXT NOT NULL, state TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (num, state, rid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
-- Keys too common to narrow a search (a common name alone), with their posting counts: skipped unread.
CREATE TABLE IF NOT EXISTS common_keys (k INTEGER PRIMARY KEY, n INTEGER NOT NULL);
`;

/** Postings longer than this are too common to help (e.g. the sound key of MUHAMMAD alone). */
const SINGLE_KEY_CAP = 300;
const PAIR_KEY_CAP = 1000;
/** Most candidates scored per query, those sharing the most keys first. */
const MAX_SCORED = 120;
/** Candidates from name pairs beyond which single-name keys are not read. */
const ENOUGH_FROM_PAIRS = 60;
/** Name keys are 52-bit (names.ts keyHash); staged in 64 buckets of ascending key ranges. */
const STAGE_BUCKETS = 64;
const KEY_BUCKET_SPAN = 2 ** 52 / STAGE_BUCKETS;
/** Longest stretch of apply work between two turns of the event loop (applyBundleAsync). */
const APPLY_SLICE_MS = 25;

export interface ApplyBundleOptions {
  /** The list version the caller verified (e.g. from signed metadata); the header must say the same. */
  expectedVersion?: number;
  /** The entry count the caller verified; the list must hold exactly this many after applying. */
  expectedCount?: number;
  /** Refuse a bundle older than the list in use (a hand import; sync checks versions itself). */
  refuseOlder?: boolean;
  /** A snapshot's added/updated/removed counted against the list it replaces (costs a copy of the ids). */
  countAgainstPrevious?: boolean;
}

export interface WatchlistStore {
  readonly path: string;
  screen(query: ScreeningQuery): ScreeningResult;
  importFile(format: ImportFormat, path: string): ImportReport;
  importEntries(entries: Iterable<WatchlistEntry>, rejected?: ImportReport['errors']): ImportReport;
  applyBundle(path: string, opts?: ApplyBundleOptions): { listVersion: number; entryCount: number };
  /**
   * The same, in slices of a few tens of milliseconds with the event loop free in between (the app's
   * scheduled pulls: a million-entry snapshot must not freeze the officer's screen for a minute). Give it
   * a connection of its own: other connections keep reading the previous list until the commit.
   */
  applyBundleAsync(path: string, opts?: ApplyBundleOptions): Promise<{ listVersion: number; entryCount: number }>;
  listVersion(): { version: number | null; publishedAt: string | null };
  stats(): WatchlistStats;
  allEntries(): IterableIterator<WatchlistEntry>;
  getEntry(id: string): WatchlistEntry | null;
  config: ScreeningConfig;
  close(): void;
}

function entryDocuments(e: WatchlistEntry): { num: string; state: string }[] {
  const docs = e.kind === 'document' ? [{ number: e.documentNumber, issuingState: e.issuingState }] : e.documents;
  const out: { num: string; state: string }[] = [];
  for (const d of docs) {
    const num = documentNumberKey(d.number);
    if (num) out.push({ num, state: issuingStateKey(d.issuingState) });
  }
  return out;
}

export function openWatchlistAt(dataDir: string, config: ScreeningConfig = DEFAULT_SCREENING_CONFIG): WatchlistStore {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new UserError('data_dir_unwritable', `Cannot create the data folder ${dataDir}: ${(e as NodeJS.ErrnoException).code}. Check --data-dir.`);
  }
  const path = join(dataDir, 'watchlist.db');
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32000');
    // Layout 2 keeps entry bodies apart. An older layout is dropped: the list is re-pulled or re-imported.
    if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
      db.exec('DROP TABLE IF EXISTS entries; DROP TABLE IF EXISTS bodies; DROP TABLE IF EXISTS name_keys; DROP TABLE IF EXISTS doc_keys; DROP TABLE IF EXISTS meta;');
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
  } catch (e) {
    throw new UserError('watchlist_unreadable', `Cannot open the watchlist database ${path}: ${(e as Error).message}. Run \`checkpoint doctor\`.`);
  }

  const q = {
    byId: db.prepare('SELECT e.rid, e.kind, e.names, b.body FROM entries e JOIN bodies b ON b.rid = e.rid WHERE e.id = ?'),
    insert: db.prepare('INSERT INTO entries (id, kind, source, names, births, nats, gender) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertBody: db.prepare('INSERT OR REPLACE INTO bodies (rid, body) VALUES (?, ?)'),
    deleteBody: db.prepare('DELETE FROM bodies WHERE rid = ?'),
    update: db.prepare('UPDATE entries SET kind = ?, source = ?, names = ?, births = ?, nats = ?, gender = ? WHERE rid = ?'),
    deleteEntry: db.prepare('DELETE FROM entries WHERE rid = ?'),
    insertKey: db.prepare('INSERT OR IGNORE INTO name_keys (k, rid) VALUES (?, ?)'),
    deleteKey: db.prepare('DELETE FROM name_keys WHERE k = ? AND rid = ?'),
    insertDoc: db.prepare('INSERT OR IGNORE INTO doc_keys (num, state, rid) VALUES (?, ?, ?)'),
    deleteDoc: db.prepare('DELETE FROM doc_keys WHERE num = ? AND state = ? AND rid = ?'),
    postings: db.prepare('SELECT rid FROM name_keys WHERE k = ? LIMIT ?').pluck(),
    commonKeys: db.prepare('SELECT k, n FROM common_keys WHERE k IN (SELECT value FROM json_each(?))'),
    docLookup: db.prepare('SELECT state, rid FROM doc_keys WHERE num = ?'),
    rows: db.prepare(
      'SELECT rid, id, kind, names, births, nats, gender FROM entries WHERE rid IN (SELECT value FROM json_each(?))',
    ),
    body: db.prepare('SELECT body FROM bodies WHERE rid = ?').pluck(),
    count: db.prepare('SELECT count(*) FROM entries').pluck(),
    countKind: db.prepare('SELECT kind, count(*) AS n FROM entries GROUP BY kind'),
    countSource: db.prepare('SELECT source, count(*) AS n FROM entries GROUP BY source'),
    getMeta: db.prepare('SELECT v FROM meta WHERE k = ?').pluck(),
    setMeta: db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v'),
    all: db.prepare('SELECT b.body FROM entries e JOIN bodies b ON b.rid = e.rid ORDER BY e.id').pluck(),
  };

  function nameKeysOf(namesEncoded: string): number[] {
    return keysOfForms(decodeForms(namesEncoded));
  }

  function keysOfForms(forms: ReturnType<typeof prepareName>): number[] {
    const keys = new Set<number>();
    for (const form of forms) {
      const { single, pair, joined } = formKeys(form, false);
      for (const k of single) keys.add(keyHash(k));
      for (const k of pair) keys.add(keyHash(k));
      for (const k of joined) keys.add(keyHash(k));
    }
    return [...keys];
  }

  function removeKeys(rid: number, namesEncoded: string, body: string) {
    for (const k of nameKeysOf(namesEncoded)) q.deleteKey.run(k, rid);
    for (const d of entryDocuments(JSON.parse(body) as WatchlistEntry)) q.deleteDoc.run(d.num, d.state, rid);
  }

  /**
   * While a snapshot loads into an emptied list, name keys go to unindexed staging tables and are
   * sorted into the index at the end: a million random B-tree inserts would take minutes. Keys are
   * staged in STAGE_BUCKETS tables by their high bits, so the final sort runs bucket by bucket (each
   * an append to the index, short enough to let the event loop breathe in between).
   */
  let bulk = false;
  let stageStmts: Database.Statement[] = [];
  const bucketOf = (k: number) => Math.floor(k / KEY_BUCKET_SPAN);
  const stageTable = (b: number) => `temp.stage_keys_${b}`;
  function createStaging() {
    for (let b = 0; b < STAGE_BUCKETS; b++) db.exec(`CREATE TEMP TABLE IF NOT EXISTS stage_keys_${b} (k INTEGER NOT NULL, rid INTEGER NOT NULL); DELETE FROM ${stageTable(b)};`);
    stageStmts = Array.from({ length: STAGE_BUCKETS }, (_, b) => db.prepare(`INSERT INTO ${stageTable(b)} (k, rid) VALUES (?, ?)`));
  }
  function dropStaging() {
    stageStmts = [];
    for (let b = 0; b < STAGE_BUCKETS; b++) db.exec(`DROP TABLE IF EXISTS ${stageTable(b)}`);
  }
  /** Moves one staging bucket into the index (and counts its too-common keys). */
  function foldBucket(b: number) {
    db.exec(`INSERT INTO name_keys (k, rid) SELECT k, rid FROM ${stageTable(b)} ORDER BY k, rid;
      INSERT INTO common_keys (k, n) SELECT k, count(*) FROM ${stageTable(b)} GROUP BY k HAVING count(*) > ${SINGLE_KEY_CAP};
      DELETE FROM ${stageTable(b)};`);
  }

  /** Insert or replace one entry with its index keys. Returns whether it was new. */
  function put(e: WatchlistEntry): 'added' | 'updated' | 'unchanged' {
    const body = JSON.stringify(e);
    // In a snapshot load the caller has already checked the id is new.
    const old = bulk ? undefined : (q.byId.get(e.id) as { rid: number; kind: string; names: string; body: string } | undefined);
    if (old && old.body === body) return 'unchanged';
    const forms = e.kind === 'person' ? e.names.flatMap((n) => prepareName(n)) : [];
    const names = forms.length ? encodeForms(forms) : '';
    const births = e.kind === 'person' ? e.birthDates.join(';') : '';
    const nats = e.kind === 'person' ? e.nationalities.join(';') : '';
    const gender = e.kind === 'person' ? e.gender : '';
    let rid: number;
    if (old) {
      removeKeys(old.rid, old.names, old.body);
      q.update.run(e.kind, e.source, names, births, nats, gender, old.rid);
      rid = old.rid;
    } else {
      rid = Number(q.insert.run(e.id, e.kind, e.source, names, births, nats, gender).lastInsertRowid);
    }
    q.insertBody.run(rid, body);
    if (names) {
      // keys straight from the prepared forms (decoding what was just encoded would redo the work)
      if (bulk) for (const k of keysOfForms(forms)) stageStmts[bucketOf(k)]!.run(k, rid);
      else for (const k of keysOfForms(forms)) q.insertKey.run(k, rid);
    }
    for (const d of entryDocuments(e)) q.insertDoc.run(d.num, d.state, rid);
    return old ? 'updated' : 'added';
  }

  function remove(id: string): boolean {
    const old = q.byId.get(id) as { rid: number; names: string; body: string } | undefined;
    if (!old) return false;
    removeKeys(old.rid, old.names, old.body);
    q.deleteEntry.run(old.rid);
    q.deleteBody.run(old.rid);
    return true;
  }

  /** Recounts the too-common keys (after a snapshot or a large import; small deltas leave it slightly stale, which only costs time). */
  function refreshCommonKeys() {
    db.exec(`DELETE FROM common_keys; INSERT INTO common_keys (k, n) SELECT k, count(*) FROM name_keys GROUP BY k HAVING count(*) > ${SINGLE_KEY_CAP};`);
  }

  function clearAll() {
    db.exec('DELETE FROM name_keys; DELETE FROM doc_keys; DELETE FROM entries; DELETE FROM bodies; DELETE FROM common_keys;');
  }

  /**
   * Row ids of entries sharing sound keys with the query, most shared keys first. Keys whose postings
   * are longer than a cap say too little (a common name alone) and are skipped; a pair of names or a
   * rare name narrows the list to a few entries.
   */
  function candidateRids(forms: ReturnType<typeof prepareName>): number[] {
    const votes = new Map<number, number>();
    const tried = new Set<number>();
    const keysByForm = forms.map((f) => formKeys(f, true));
    const allKeys = keysByForm.flatMap((k) => [...k.pair, ...k.joined, ...k.single, ...k.regrouped].map(keyHash));
    const known = new Map<number, number>();
    for (const r of q.commonKeys.all(JSON.stringify(allKeys)) as { k: number; n: number }[]) known.set(r.k, r.n);
    const fetch = (key: string, cap: number, weight: number): boolean => {
      const h = keyHash(key);
      if (tried.has(h)) return true;
      tried.add(h);
      if ((known.get(h) ?? 0) > cap) return false;
      const rids = q.postings.all(h, cap + 1) as number[];
      if (rids.length > cap) return false;
      for (const r of rids) votes.set(r, (votes.get(r) ?? 0) + weight);
      return true;
    };
    for (const { single, pair, joined, regrouped } of keysByForm) {
      const skippedPairs: string[] = [];
      for (const k of pair) if (!fetch(k, PAIR_KEY_CAP, 2)) skippedPairs.push(k);
      // Joined names (ABD ALLAH = ABDULLAH, the whole name as one string) are always looked up.
      for (const k of joined) fetch(k, SINGLE_KEY_CAP, 2);
      // Pairs of names already brought up plenty: single-name keys (there for typos and one-name
      // travellers) would only add namesakes of one part.
      if (votes.size < ENOUGH_FROM_PAIRS) for (const k of single) fetch(k, SINGLE_KEY_CAP, 1);
      // Every pair is very common (two common names): take the first postings of one pair rather than nothing.
      if (votes.size === 0 && skippedPairs.length) {
        for (const r of q.postings.all(keyHash(skippedPairs[0]!), PAIR_KEY_CAP) as number[]) votes.set(r, 1);
      }
      // Parts the list may join or split otherwise (JEANPIERRE / JEAN PIERRE): looked up last, so that
      // a chance match among them cannot change what the keys above bring up.
      for (const k of regrouped) fetch(k, SINGLE_KEY_CAP, 2);
    }
    if (votes.size <= MAX_SCORED) return [...votes.keys()];
    return [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_SCORED).map((e) => e[0]);
  }

  let versionCache: { version: number | null; publishedAt: string | null } | null = null;
  // Changes when another connection commits (the sync service applies bundles on its own connection).
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let cachedAt: unknown = null;
  function handChanges(): number {
    return Number((q.getMeta.get('hand_changes') as string | undefined) ?? 0) || 0;
  }

  function listVersion() {
    const dv = dataVersion.get();
    if (dv !== cachedAt) versionCache = null;
    if (!versionCache) {
      cachedAt = dv;
      const v = q.getMeta.get('list_version') as string | undefined;
      versionCache = { version: v === undefined || v === null ? null : Number(v), publishedAt: (q.getMeta.get('published_at') as string | undefined) ?? null };
    }
    return { ...versionCache };
  }

  const store: WatchlistStore = {
    path,
    config,
    screen(query) {
      const t0 = performance.now();
      const fullName = [query.surname, query.givenNames].filter((s) => typeof s === 'string' && s.trim()).join(' ');
      const forms = fullName ? prepareName(fullName) : [];
      const rows: CandidateRow[] = [];
      if (forms.length) {
        const rids = candidateRids(forms);
        if (rids.length) rows.push(...(q.rows.all(JSON.stringify(rids)) as CandidateRow[]));
      }
      const docNum = documentNumberKey(query.documentNumber);
      const docRows = docNum ? (q.docLookup.all(docNum) as { state: string; rid: number }[]) : [];
      const docHits = new Map<number, string>();
      for (const d of docRows) docHits.set(d.rid, d.state);
      const missing = [...docHits.keys()].filter((rid) => !rows.some((r) => r.rid === rid));
      if (missing.length) rows.push(...(q.rows.all(JSON.stringify(missing)) as CandidateRow[]));
      const scored = screenCandidates(query, forms, rows, docNum, docHits, store.config);
      const hits = scored.map((s) => ({ ...s, entry: JSON.parse(q.body.get(s.rid) as string) as WatchlistEntry }))
        .map(({ rid: _rid, ...h }) => h);
      return { hits, listVersion: listVersion().version, ms: performance.now() - t0 };
    },
    importEntries(entries, rejected = []) {
      const report: ImportReport & { unchanged: number } = { added: 0, updated: 0, unchanged: 0, rejected: rejected.length, errors: [...rejected] };
      const tx = db.transaction(() => {
        for (const e of entries) report[put(e)]++;
        if (report.added > 1000 && report.added * 10 > (q.count.get() as number)) refreshCommonKeys();
        q.setMeta.run('last_import_at', new Date().toISOString());
        if (report.added + report.updated) q.setMeta.run('hand_changes', String(handChanges() + report.added + report.updated));
      });
      tx();
      return report;
    },
    importFile(format, filePath) {
      if (format === 'bundle') {
        // By hand, a bundle must not take the list back to an older version (a stale file on a USB stick).
        const { added, updated, removed } = applyBundleInternal(filePath, { refuseOlder: true, countAgainstPrevious: true });
        return { added, updated, removed, rejected: 0, errors: [] };
      }
      // Parse fully before touching the store: a file that cannot be read changes nothing.
      const { entries, rejected, skipped } = readSourceEntriesSync(format, filePath);
      // Every row rejected: most likely the wrong --format (or the wrong file), not a list of bad rows.
      if (entries.length === 0 && rejected.length > 0) {
        const first = rejected[0]!;
        throw new UserError(
          'import_bad_file',
          `None of the ${rejected.length} record(s) in ${basename(filePath)} could be read as ${format} (line ${first.line}: ${first.message}). Check the file and --format; the list was not changed.`,
        );
      }
      const report = { ...store.importEntries(entries, rejected), skipped };
      // Which lists were loaded, from which file, when: shown by `watchlist stats`.
      q.setMeta.run(`import:${format}`, JSON.stringify({ file: basename(filePath), at: new Date().toISOString(), added: report.added, updated: report.updated, rejected: report.rejected }));
      return report;
    },
    applyBundle(filePath, opts = {}) {
      const r = applyBundleInternal(filePath, opts);
      return { listVersion: r.listVersion, entryCount: r.entryCount };
    },
    async applyBundleAsync(filePath, opts = {}) {
      const r = await applyBundleSliced(filePath, opts);
      return { listVersion: r.listVersion, entryCount: r.entryCount };
    },
    listVersion,
    stats() {
      const byKind = Object.fromEntries((q.countKind.all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
      const bySource = Object.fromEntries((q.countSource.all() as { source: string; n: number }[]).map((r) => [r.source, r.n]));
      const v = listVersion();
      let fileBytes = 0;
      try {
        fileBytes = statSync(path).size;
        try {
          fileBytes += statSync(`${path}-wal`).size; // recent writes not yet checkpointed
        } catch {
          /* no WAL file */
        }
      } catch {
        /* not yet written */
      }
      const imports = Object.fromEntries(
        (db.prepare("SELECT k, v FROM meta WHERE k LIKE 'import:%'").all() as { k: string; v: string }[]).map((r) => [r.k.slice(7), JSON.parse(r.v)]),
      );
      return { persons: byKind.person ?? 0, documents: byKind.document ?? 0, bySource, imports, listVersion: v.version, publishedAt: v.publishedAt, handChanges: handChanges(), fileBytes };
    },
    *allEntries() {
      for (const body of q.all.iterate() as IterableIterator<string>) yield JSON.parse(body) as WatchlistEntry;
    },
    getEntry(id) {
      const r = q.byId.get(id) as { body: string } | undefined;
      return r ? (JSON.parse(r.body) as WatchlistEntry) : null;
    },
    close() {
      if (db.open) db.close();
    },
  };

  interface ApplyOutcome {
    listVersion: number;
    entryCount: number;
    added: number;
    updated: number;
    removed?: number;
  }

  /**
   * The work of applying a bundle, inside a transaction the caller opened. Yields between slices of
   * work; a synchronous caller simply runs it to the end.
   */
  function* applyWork(filePath: string, opts: ApplyBundleOptions): Generator<void, ApplyOutcome> {
    let header: BundleHeader | null = null;
    let added = 0;
    let updated = 0;
    let n = 0;
    const current = listVersion().version;
    for (const item of readBundle(filePath)) {
      if ('header' in item) {
        header = item.header;
        if (opts.expectedVersion !== undefined && header.listVersion !== opts.expectedVersion)
          throw new UserError('bundle_version_mismatch', `Bundle says list version ${header.listVersion} but version ${opts.expectedVersion} was expected; the list was not changed.`);
        if (opts.refuseOlder && current !== null && header.listVersion < current)
          throw new UserError('bundle_older', `This bundle is list version ${header.listVersion}, older than the version in use (${current}); the list was not changed.`);
        if (header.kind === 'delta') {
          if (current !== header.baseVersion)
            throw new UserError('bundle_base_mismatch', `This delta applies to list version ${header.baseVersion} but the workstation has ${current ?? 'no list'}; fetch a snapshot. The list was not changed.`);
        } else {
          if (opts.countAgainstPrevious) {
            db.exec('DROP TABLE IF EXISTS temp.previous_ids; CREATE TEMP TABLE previous_ids (id TEXT PRIMARY KEY) WITHOUT ROWID; INSERT INTO temp.previous_ids SELECT id FROM entries;');
          }
          clearAll();
          // The published list replaces what was imported by hand, and the record of those imports.
          db.exec("DELETE FROM meta WHERE k = 'hand_changes' OR k LIKE 'import:%'");
          createStaging();
          bulk = true;
        }
        continue;
      }
      if (item.op.op === 'put') {
        if (bulk && q.byId.get(item.op.entry.id))
          throw new UserError('bundle_invalid', `${filePath} line ${item.line}: entry ${item.op.entry.id} appears twice in the snapshot; the list was not changed.`);
        if (put(item.op.entry) === 'added') added++;
        else updated++; // (in a delta, an unchanged put counts as updated: the publisher sent it)
      } else if (!remove(item.op.id)) {
        throw new UserError('bundle_invalid', `${filePath} line ${item.line}: deletes ${item.op.id}, which is not in the list; the list was not changed.`);
      }
      if (++n % 256 === 0) yield;
    }
    const h = header as BundleHeader | null;
    if (!h) throw new UserError('bundle_invalid', `${filePath} has no header; the list was not changed.`);
    if (bulk) {
      bulk = false;
      for (let b = 0; b < STAGE_BUCKETS; b++) {
        foldBucket(b);
        yield;
      }
    }
    const count = q.count.get() as number;
    if (count !== h.entryCount)
      throw new UserError('bundle_count_mismatch', `After applying ${filePath} the list would hold ${count} entries but the bundle says ${h.entryCount}; the list was not changed.`);
    if (opts.expectedCount !== undefined && count !== opts.expectedCount)
      throw new UserError('bundle_count_mismatch', `After applying ${filePath} the list would hold ${count} entries but ${opts.expectedCount} were expected; the list was not changed.`);
    q.setMeta.run('list_version', String(h.listVersion));
    q.setMeta.run('published_at', h.publishedAt);
    q.setMeta.run('applied_at', new Date().toISOString());
    if (h.kind !== 'delta' && opts.countAgainstPrevious) {
      const kept = (db.prepare('SELECT count(*) AS n FROM entries WHERE id IN (SELECT id FROM temp.previous_ids)').get() as { n: number }).n;
      const before = (db.prepare('SELECT count(*) AS n FROM temp.previous_ids').get() as { n: number }).n;
      db.exec('DROP TABLE temp.previous_ids');
      return { listVersion: h.listVersion, entryCount: count, added: count - kept, updated: kept, removed: before - kept };
    }
    return { listVersion: h.listVersion, entryCount: count, added, updated };
  }

  function beforeApply() {
    versionCache = null;
    // A bigger page cache while loading: index pages stay in memory instead of being re-read.
    db.pragma('cache_size = -65536');
  }

  function afterApply() {
    bulk = false;
    versionCache = null;
    db.pragma('cache_size = -32000');
    db.pragma('shrink_memory');
    // A snapshot rewrites the whole list: fold the write-ahead log back so the disk holds one copy.
    if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
    try {
      dropStaging();
    } catch {
      /* keep going: the staging tables are temporary anyway */
    }
  }

  function applyBundleInternal(filePath: string, opts: ApplyBundleOptions): ApplyOutcome {
    beforeApply();
    try {
      return db.transaction(() => {
        const work = applyWork(filePath, opts);
        for (;;) {
          const step = work.next();
          if (step.done) return step.value;
        }
      })();
    } finally {
      afterApply();
    }
  }

  let slicedApply: Promise<ApplyOutcome> | null = null;
  async function applyBundleSliced(filePath: string, opts: ApplyBundleOptions): Promise<ApplyOutcome> {
    // One apply at a time on this connection: its transaction stays open across the pauses.
    while (slicedApply) await slicedApply.catch(() => undefined);
    const run = (async () => {
      beforeApply();
      db.exec('BEGIN IMMEDIATE');
      try {
        const work = applyWork(filePath, opts);
        let sliceStart = performance.now();
        for (;;) {
          const step = work.next();
          if (step.done) {
            db.exec('COMMIT');
            return step.value;
          }
          if (performance.now() - sliceStart >= APPLY_SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            sliceStart = performance.now();
          }
        }
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      } finally {
        afterApply();
      }
    })();
    slicedApply = run;
    try {
      return await run;
    } finally {
      slicedApply = null;
    }
  }

  return store;
}
