import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../app/errors';
import { formatMrz, parseMrz, type MrzFields } from '../mrz/index';
import { openWatchlist, type PersonEntry, type ScreeningQuery } from '../watchlist/index';
import { openInspectionLog } from './index';
import type { InspectionInput } from './types';

/**
 * `checkpoint demo`: travellers through the whole core path (simulated reader -> zone text -> parse
 * -> screening -> a scripted officer -> durable record), for demonstrations, training and load tests.
 * Everyone in it is made up; it refuses a data folder holding real inspections.
 */

export interface DemoOptions {
  dataDir: string;
  travellers: number;
  /** Share of travellers who are on the list (0..1). */
  hitRate?: number;
  seed?: number;
  /** Made-up list entries besides the 100 wanted people, on the first run in a folder (default 5,000). */
  listSize?: number;
  onProgress?: (done: number) => void;
}

export interface DemoResult {
  travellers: number;
  seconds: number;
  perSecond: number;
  decisions: { admit: number; refer: number; refuse: number };
  hits: number;
  possibleOnly: number;
  listVersion: number | null;
  /** Per-traveller wall time (read -> recorded), ms. */
  travellerMs: { p50: number; p99: number };
  recordMs: { p50: number; p99: number };
  screenMs: { p50: number; p99: number };
  chainOk: boolean;
}

const GIVEN = ['ANNA', 'MARIA', 'JOHN', 'CHIOMA', 'MINH', 'LUCAS', 'SOFIA', 'YUSUF', 'HANA', 'IVAN', 'ELENA', 'ARJUN', 'CLAIRE', 'KWAME', 'JI WOO', 'MARCO', 'FATIMA', 'WEI', 'PIERRE', 'PETRA', 'JOAO', 'OLGA', 'GRACE', 'ERIK', 'AYSE', 'RAVI', 'CARMEN', 'KENJI', 'AMIR', 'LINA'];
const STATES = ['UTO', 'D', 'FRA', 'GBR', 'THA', 'NGA', 'BRA', 'IND', 'JPN', 'KEN', 'POL', 'TUR'];
const WANTED = 100;
const DEFAULT_LIST_SIZE = 5_000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

interface Person {
  surname: string;
  given: string;
  birthDate: string;
  nationality: string;
  sex: 'M' | 'F';
}

/** Surnames built from syllables: about 100,000 of them, so made-up travellers rarely share a listed name by chance. */
const SYLLABLES = ['KA', 'MO', 'RI', 'TE', 'NA', 'LU', 'SE', 'VO', 'DA', 'PI', 'GO', 'BE', 'HA', 'ZU', 'FI', 'WE', 'YO', 'CHI', 'RAN', 'KOV', 'BER', 'SEN', 'LIN', 'MAR', 'TOR', 'DEL', 'NOK', 'SAL', 'VIK', 'ORO', 'ESA', 'UMA', 'ILA', 'AND', 'OST', 'ERT'];

function randomPerson(rnd: () => number): Person {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  return {
    surname: pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES) + (rnd() < 0.5 ? pick(['', 'SON', 'A', 'I', 'O', 'EZ']) : ''),
    given: pick(GIVEN) + (rnd() < 0.3 ? ' ' + pick(GIVEN) : ''),
    birthDate: isoDay(1945 + Math.floor(rnd() * 60), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
    nationality: pick(STATES),
    sex: rnd() < 0.5 ? 'M' : 'F',
  };
}

const personEntry = (id: string, p: Person, reason: string, action: string): PersonEntry => ({
  kind: 'person',
  id,
  source: 'demo',
  names: [`${p.given} ${p.surname}`],
  birthDates: [p.birthDate],
  nationalities: [p.nationality],
  gender: p.sex,
  reason,
  action,
  reference: id,
  documents: [],
});

/** A made-up list: 100 "wanted" people the demo's hits are drawn from, and `filler` others. */
function writeDemoBundle(path: string, wanted: Person[], filler: number, rnd: () => number) {
  const lines = [
    JSON.stringify({ format: 'checkpoint-watchlist', formatVersion: 1, kind: 'snapshot', listVersion: 1, baseVersion: null, publishedAt: new Date().toISOString(), entryCount: WANTED + filler }),
  ];
  wanted.forEach((p, i) => lines.push(JSON.stringify({ op: 'put', entry: personEntry(`demo-wanted:${i}`, p, 'Demo: wanted person (made up)', 'Refer to secondary') })));
  for (let i = 0; i < filler; i++) lines.push(JSON.stringify({ op: 'put', entry: personEntry(`demo:${i}`, randomPerson(rnd), 'Demo entry (made up)', 'None') }));
  writeFileSync(path, lines.join('\n') + '\n');
}

function pct(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  return { p50: Math.round(at(0.5) * 100) / 100, p99: Math.round(at(0.99) * 100) / 100 };
}

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const hitRate = opts.hitRate ?? 0.02;
  if (!Number.isInteger(opts.travellers) || opts.travellers < 1 || opts.travellers > 10_000_000) throw new UserError('bad_arguments', '--travellers must be a whole number from 1 to 10,000,000.');
  if (!(hitRate >= 0 && hitRate <= 1)) throw new UserError('bad_arguments', '--hit-rate must be between 0 and 1, e.g. 0.05.');
  const rnd = mulberry32(opts.seed ?? 20261128);
  const log = openInspectionLog(opts.dataDir);
  const list = openWatchlist(opts.dataDir);
  try {
    const recorded = (log.db.prepare('SELECT COUNT(*) AS n FROM inspections').get() as { n: number }).n;
    if (log.getSetting('demoData') !== '1') {
      if (recorded > 0 || list.listVersion().version !== null) {
        throw new UserError('not_a_demo_folder', 'This data folder holds a real inspection log or watchlist. The demo writes made-up inspections: run it with its own --data-dir.');
      }
      log.setSetting('demoData', '1', 'demo');
    }
    const wantedRnd = mulberry32(7);
    const wanted = Array.from({ length: WANTED }, () => randomPerson(wantedRnd));
    if (list.listVersion().version === null) {
      const bundle = join(opts.dataDir, 'demo-list.jsonl');
      writeDemoBundle(bundle, wanted, opts.listSize ?? DEFAULT_LIST_SIZE, mulberry32(11));
      try {
        list.applyBundle(bundle);
      } finally {
        rmSync(bundle, { force: true });
      }
    }

    const result: DemoResult = {
      travellers: 0, seconds: 0, perSecond: 0, decisions: { admit: 0, refer: 0, refuse: 0 }, hits: 0, possibleOnly: 0,
      listVersion: list.listVersion().version, travellerMs: { p50: 0, p99: 0 }, recordMs: { p50: 0, p99: 0 }, screenMs: { p50: 0, p99: 0 }, chainOk: false,
    };
    const travellerMs: number[] = [];
    const recordMs: number[] = [];
    const screenMs: number[] = [];
    const shiftId = `demo-${new Date().toISOString().slice(0, 10)}`;
    const today = new Date();
    const started = performance.now();
    for (let i = 0; i < opts.travellers; i++) {
      const t0 = performance.now();
      const onList = rnd() < hitRate;
      const p = onList ? wanted[Math.floor(rnd() * wanted.length)]! : randomPerson(rnd);
      const expired = rnd() < 0.01;
      const expiry = expired ? isoDay(today.getUTCFullYear() - 1, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)) : isoDay(today.getUTCFullYear() + 1 + Math.floor(rnd() * 8), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
      const fields: MrzFields = {
        documentCode: 'P', issuingState: p.nationality, nationality: p.nationality, surname: p.surname, givenNames: p.given,
        documentNumber: 'C' + pad(Math.floor(rnd() * 1e8), 8), birthDate: p.birthDate, expiryDate: expiry, sex: p.sex,
      };
      // The simulated reader: zone text as a scanner sends it.
      const readAt = new Date();
      const mrz = parseMrz(formatMrz(fields, 'TD3'));
      const query: ScreeningQuery = {
        surname: mrz.surname, givenNames: mrz.givenNames, birthDate: mrz.birthDate, nationality: mrz.nationality, sex: mrz.sex,
        documentNumber: mrz.documentNumber, issuingState: mrz.issuingState, documentCode: mrz.documentCode,
      };
      const s0 = performance.now();
      const screening = list.screen(query);
      screenMs.push(performance.now() - s0);
      const hits = screening.hits.filter((h) => h.band === 'hit');
      const isExpired = mrz.errors.length === 0 && expired;
      // The scripted officer.
      let decision: 'admit' | 'refer' | 'refuse' = 'admit';
      let reason = '';
      let notes = '';
      if (!mrz.valid) [decision, reason, notes] = ['refer', 'zone failed checks', 'Demo officer: zone did not validate; document examined in secondary.'];
      else if (hits.length) [decision, reason, notes] = ['refer', 'watchlist hit', 'Demo officer: referred to secondary for identity check.'];
      else if (isExpired) [decision, reason, notes] = ['refuse', 'document expired', 'Demo officer: expired passport; traveller advised.'];
      else if (screening.hits.length) [reason, notes] = ['possible match dismissed', 'Demo officer: details differ from the list entry.'];
      const decidedAt = new Date();
      const input: InspectionInput = {
        time: decidedAt.toISOString(),
        workstation: 'DEMO-WS',
        officer: `demo.officer${(i % 3) + 1}`,
        shiftId,
        site: 'DEMO',
        document: {
          source: 'simulator',
          fields: {
            documentCode: mrz.documentCode, issuingState: mrz.issuingState, nationality: mrz.nationality, surname: mrz.surname, givenNames: mrz.givenNames,
            documentNumber: mrz.documentNumber, birthDate: mrz.birthDate.slice(0, 10), expiryDate: mrz.expiryDate.slice(0, 10), sex: mrz.sex, optionalData: mrz.optionalData.slice(0, 64),
          },
        },
        checks: {
          zoneValid: mrz.valid,
          zoneErrors: mrz.errors.map((e) => `${e.field}:${e.code}`.slice(0, 64)).slice(0, 20),
          expiry: isExpired ? 'expired' : 'valid',
          watchlistVersion: screening.listVersion,
          hits: screening.hits.slice(0, 50).map((h) => ({ id: h.id, score: h.score, band: h.band })),
        },
        decision,
        reason,
        notes,
        timings: { readAt: readAt.toISOString(), decidedAt: decidedAt.toISOString() },
      };
      const r0 = performance.now();
      log.recordInspection(input);
      recordMs.push(performance.now() - r0);
      travellerMs.push(performance.now() - t0);
      result.decisions[decision]++;
      if (hits.length) result.hits++;
      else if (screening.hits.length) result.possibleOnly++;
      result.travellers++;
      if (opts.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1);
    }
    result.seconds = (performance.now() - started) / 1000;
    result.perSecond = result.travellers / result.seconds;
    result.travellerMs = pct(travellerMs);
    result.recordMs = pct(recordMs);
    result.screenMs = pct(screenMs);
    const range = { fromSeq: Math.max(1, log.recentAudit(1)[0]!.seq - result.travellers + 1), toSeq: log.recentAudit(1)[0]!.seq };
    result.chainOk = log.verifyChain(range).ok;
    return result;
  } finally {
    list.close();
    log.close();
  }
}
