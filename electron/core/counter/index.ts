/**
 * The counter: what happens between a document read and the officer's recorded decision. It turns a
 * read into a TravellerRead (zone, expiry, age and watchlist checks), keeps it in memory under an opaque
 * id, and records the decision from what the core itself saw, so the screen cannot alter the evidence.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { UserError } from '../app/errors';
import type { MrzResult } from '../mrz';
import type { InspectionLog } from '../inspections';
import type { ScreeningHit, ScreeningQuery, WatchlistStore } from '../watchlist';
import type { CheckState, HitView, ShiftCounters, TravellerRead } from '../../contract/schemas';
import { ageCheck, ageOn, expiryCheck, zoneCheck } from './checks';

export { ageOn, daysUntil } from './checks';

export interface DocumentRead {
  lines: string[];
  mrz: MrzResult;
  source: TravellerRead['source'];
  readerId: string;
  receivedAt: number;
  images?: TravellerRead['images'];
}

export interface Officer {
  username: string;
  site: string | null;
  /** Identifies the shift: the officer's sign-in. */
  shiftId: string;
  shiftStartedAt: string;
}

export interface CounterOptions {
  watchlist: WatchlistStore;
  log: InspectionLog;
  /** Whether the list in use is past its age limit (from sync settings). */
  listFreshness: () => { stale: boolean };
  workstation?: string;
  defaultSite?: string;
  now?: () => Date;
}

/** Reads kept for a decision; older ones are dropped (a queue never holds more than a few documents). */
const MAX_PENDING = 16;

function hitView(h: ScreeningHit): HitView {
  const e = h.entry;
  const base = { id: h.id, score: Math.round(h.score * 1000) / 1000, band: h.band, reasons: h.reasons, reasonCodes: h.reasonCodes, source: e.source, reason: e.reason, action: e.action };
  if (e.kind === 'person') {
    const doc = e.documents[0];
    return { ...base, entryKind: 'person', names: e.names, birthDates: e.birthDates, nationalities: e.nationalities, documentNumber: doc?.number ?? '', issuingState: doc?.issuingState ?? '', reference: e.reference };
  }
  return { ...base, entryKind: 'document', names: [], birthDates: [], nationalities: [], documentNumber: e.documentNumber, issuingState: e.issuingState, reference: e.id };
}

export function screeningQueryFor(mrz: MrzResult): ScreeningQuery {
  return {
    surname: mrz.surname,
    givenNames: mrz.givenNames,
    birthDate: mrz.birthDate,
    nationality: mrz.nationality,
    sex: mrz.sex,
    documentNumber: mrz.documentNumber,
    issuingState: mrz.issuingState,
    documentCode: mrz.documentCode,
  };
}

export class Counter {
  private readonly pending = new Map<string, TravellerRead>();
  private latest: string | null = null;
  readonly workstation: string;
  private readonly now: () => Date;

  constructor(private readonly opts: CounterOptions) {
    this.workstation = opts.workstation ?? hostname();
    this.now = opts.now ?? (() => new Date());
  }

  /** Checks a read and keeps it for the decision. Never invents: a zone that did not parse is shown as failed. */
  check(read: DocumentRead): TravellerRead {
    const today = this.now();
    const age = ageOn(read.mrz.birthDate, today);
    const t0 = performance.now();
    const version = this.opts.watchlist.listVersion().version;
    let watchlist: TravellerRead['checks']['watchlist'];
    const stale = this.opts.listFreshness().stale;
    if (!read.mrz.format) {
      watchlist = { state: 'unknown', version, stale, hits: [], ms: 0 };
    } else {
      const result = this.opts.watchlist.screen(screeningQueryFor(read.mrz));
      const hits = result.hits.map(hitView);
      // Whatever list is there is checked; with no list at all the check is unknown, never a pass.
      const state: CheckState = hits.some((h) => h.band === 'hit') ? 'fail' : hits.length ? 'warn' : this.listIsEmpty(version) ? 'unknown' : 'pass';
      watchlist = { state, version, stale, hits, ms: Math.round((performance.now() - t0) * 100) / 100 };
    }
    const travellerRead: TravellerRead = {
      readId: randomUUID(),
      source: read.source,
      readerId: read.readerId,
      lines: read.lines,
      mrz: read.mrz,
      age,
      checks: { zone: zoneCheck(read.mrz), expiry: expiryCheck(read.mrz, today), age: ageCheck(age), watchlist },
      images: read.images ?? {},
      receivedAt: read.receivedAt,
      checkedAt: Date.now(),
    };
    this.pending.set(travellerRead.readId, travellerRead);
    this.latest = travellerRead.readId;
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    return travellerRead;
  }

  /** A list imported by hand has entries but no published version; only a truly empty list is "unknown". */
  private listIsEmpty(version: number | null): boolean {
    if (version !== null) return false;
    const it = this.opts.watchlist.allEntries();
    const empty = it.next().done === true;
    it.return?.();
    return empty;
  }

  current(): TravellerRead | null {
    return this.latest ? (this.pending.get(this.latest) ?? null) : null;
  }

  /** Records the officer's decision durably (the log commits with synchronous=FULL before this returns). */
  decide(officer: Officer, readId: string, decision: 'admit' | 'refer' | 'refuse', reason: string, notes: string): { id: string; seq: number; counters: ShiftCounters } {
    const read = this.pending.get(readId);
    if (!read) throw new UserError('read_gone', 'This document is no longer on screen. Scan it again before deciding.');
    if (!read.mrz.format) throw new UserError('no_document', 'No document was read. Scan again or enter the zone by hand.');
    const m = read.mrz;
    const decidedAt = this.now();
    const recorded = this.opts.log.recordInspection({
      time: decidedAt.toISOString(),
      workstation: this.workstation,
      officer: officer.username,
      shiftId: officer.shiftId,
      site: officer.site ?? this.opts.defaultSite ?? 'default',
      document: {
        source: read.source === 'folder' ? 'ocr' : read.source,
        fields: {
          documentCode: m.documentCode.slice(0, 2),
          issuingState: m.issuingState.slice(0, 3),
          nationality: m.nationality.slice(0, 3),
          surname: m.surname,
          givenNames: m.givenNames,
          documentNumber: m.documentNumber.slice(0, 20),
          birthDate: m.birthDate,
          expiryDate: m.expiryDate,
          sex: m.sex,
          optionalData: m.optionalData.slice(0, 64),
        },
      },
      checks: {
        zoneValid: m.valid,
        zoneErrors: m.errors.slice(0, 20).map((e) => `${e.field}:${e.code}`.slice(0, 64)),
        expiry: read.checks.expiry.state === 'unknown' ? 'unknown' : read.checks.expiry.state === 'fail' ? 'expired' : 'valid',
        watchlistVersion: read.checks.watchlist.version,
        hits: read.checks.watchlist.hits.slice(0, 50).map((h) => ({ id: h.id, score: h.score, band: h.band })),
      },
      decision,
      reason,
      notes,
      timings: { readAt: new Date(Math.min(read.receivedAt, decidedAt.getTime())).toISOString(), decidedAt: decidedAt.toISOString() },
    });
    // The next traveller starts clean: nothing of this one stays in memory.
    this.pending.delete(readId);
    if (this.latest === readId) this.latest = null;
    return { id: recorded.id, seq: recorded.seq, counters: this.shiftCounters(officer) };
  }

  /**
   * The officer sent this traveller away undecided (Esc): the read leaves memory, and a decision on it
   * is refused from now on. Returns whether the read was still pending.
   */
  discard(readId: string): boolean {
    const had = this.pending.delete(readId);
    if (this.latest === readId) this.latest = null;
    return had;
  }

  /** Drops every pending read (sign-out, lock): personal data leaves memory with the officer. */
  clear(): void {
    this.pending.clear();
    this.latest = null;
  }

  shiftCounters(officer: Officer): ShiftCounters {
    const d = this.opts.log.dashboard({ from: officer.shiftStartedAt, to: new Date(this.now().getTime() + 1000).toISOString(), officer: officer.username });
    return { from: officer.shiftStartedAt, total: d.total, admit: d.decisions.admit, refer: d.decisions.refer, refuse: d.decisions.refuse, hits: d.hits };
  }
}
