/**
 * Screening figures: quality on ../shared/datasets/names (recall, false hits, cross-script, Putin
 * spellings, with a confusion table) and speed on a synthetic list of 1,000,000 entries.
 * SCREENING_BENCH_ENTRIES=N changes the synthetic list size (0 skips the speed part).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openWatchlist, type PersonEntry, type ScreeningQuery, type WatchlistStore } from '../../electron/core/watchlist';
import { countryCode } from '../../electron/core/watchlist/countries';
import { readCsvText } from '../../electron/core/watchlist/importers/csv';
import { writeSyntheticBundle } from '../../electron/core/watchlist/generator';
import type { BenchReporter } from './reporter';

const DATASETS = resolve(import.meta.dirname, '../../../shared/datasets/names');

interface Person {
  fullName: string;
  first: string;
  last: string;
  gender: string;
  dob: string;
  nationality: string;
}

function readPeople(file: string): Person[] {
  const rows = readCsvText(readFileSync(join(DATASETS, file), 'utf8'));
  const header = rows.shift()!;
  const col = (n: string) => header.indexOf(n);
  return rows.map((r) => ({
    fullName: r[col('full_name')] ?? '',
    first: r[col('first_name')] ?? '',
    last: r[col('last_name')] ?? '',
    gender: r[col('gender')] ?? '',
    dob: r[col('date_of_birth')] ?? '',
    nationality: r[col('nationality')] ?? '',
  }));
}

const gender = (g: string): 'M' | 'F' | '' => (/^m/i.test(g) ? 'M' : /^f/i.test(g) ? 'F' : '');

function toEntry(p: Person, id: string): PersonEntry {
  return {
    kind: 'person', id, source: 'bench', names: [p.fullName], birthDates: p.dob ? [p.dob] : [],
    nationalities: countryCode(p.nationality) ? [countryCode(p.nationality)] : [], gender: gender(p.gender),
    reason: 'bench', action: '', reference: id, documents: [],
  };
}

/** A traveller as the document gives it: "SURNAME, Given" splits; otherwise the names as they come. */
function toQuery(p: Person): ScreeningQuery {
  let surname = p.last;
  let givenNames = [p.first].filter(Boolean).join(' ');
  if (!surname) {
    const i = p.fullName.indexOf(',');
    if (i >= 0) {
      surname = p.fullName.slice(0, i);
      givenNames = p.fullName.slice(i + 1);
    } else {
      surname = p.fullName;
      givenNames = '';
    }
  } else if (p.fullName.split(/\s+/).length > 2) {
    givenNames = p.fullName.slice(0, p.fullName.lastIndexOf(surname)).trim() || givenNames;
  }
  return { surname, givenNames, birthDate: p.dob, nationality: countryCode(p.nationality), sex: gender(p.gender) };
}

function withStore<T>(entries: PersonEntry[], f: (s: WatchlistStore) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'screening-bench-'));
  const store = openWatchlist(dir);
  try {
    store.importEntries(entries);
    return f(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function quality(report: BenchReporter): void {
  if (!existsSync(DATASETS)) throw new Error(`Quality datasets missing: ${DATASETS}. The screening benchmark needs ../shared/datasets/names.`);
  const listPeople = readPeople('positives_un_untreated.csv');
  const queries = readPeople('positives_un_treated.csv');
  const negatives = readPeople('negatives_global.csv');
  const list = listPeople.map((p, i) => toEntry(p, `pos:${i + 2}`));
  const putin: PersonEntry = {
    kind: 'person', id: 'putin', source: 'bench', names: ['PUTIN, Vladimir Vladimirovich'], birthDates: ['1952-10-07'],
    nationalities: ['RUS'], gender: 'M', reason: 'bench', action: '', reference: 'putin', documents: [],
  };
  const crossRows = readFileSync(join(DATASETS, 'cross_script_pairs.csv'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const cross = crossRows.map((l) => l.split(','));
  const crossEntries: PersonEntry[] = cross.map((c, i) => ({ ...putin, id: `cross:${i}`, names: [c[1]!], birthDates: [], nationalities: [], gender: '' }));

  withStore([...list, putin, ...crossEntries], (store) => {
    const c = { posHit: 0, posPossible: 0, posMissed: 0, negHit: 0, negPossible: 0, negClear: 0 };
    const missed: string[] = [];
    const times: number[] = [];
    queries.forEach((p, i) => {
      const r = store.screen(toQuery(p));
      times.push(r.ms);
      const mine = r.hits.find((h) => h.id === `pos:${i + 2}`);
      if (mine?.band === 'hit') c.posHit++;
      else if (mine) c.posPossible++;
      else c.posMissed++;
      if (mine?.band !== 'hit' && process.env.BENCH_VERBOSE) missed.push(`${p.fullName} -> ${listPeople[i]!.fullName}: ${mine ? mine.score + ' ' + mine.reasons.join('; ') : 'not found'}`);
    });
    const falseHits: string[] = [];
    for (const p of negatives) {
      const r = store.screen(toQuery(p));
      times.push(r.ms);
      const real = r.hits.filter((h) => h.id.startsWith('pos:'));
      if (real.some((h) => h.band === 'hit')) {
        c.negHit++;
        if (process.env.BENCH_VERBOSE) falseHits.push(`HIT ${p.fullName} ${p.dob} -> ${real[0]!.reasons.join('; ')}`);
      } else if (real.length) {
        c.negPossible++;
        if (process.env.BENCH_VERBOSE && falseHits.length < 400) falseHits.push(`POSSIBLE ${p.fullName} ${p.dob} ${p.nationality} -> ${real[0]!.id} ${real[0]!.score} ${real[0]!.reasons.join('; ')}`);
      } else c.negClear++;
    }
    const nPos = queries.length;
    const nNeg = negatives.length;
    report.note(`load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    report.note('confusion table (rows: truth, columns: band)');
    report.note(`                 hit      possible  none`);
    report.note(`  listed (${nPos})  ${String(c.posHit).padEnd(8)} ${String(c.posPossible).padEnd(9)} ${c.posMissed}`);
    report.note(`  not listed (${nNeg}) ${String(c.negHit).padEnd(8)} ${String(c.negPossible).padEnd(9)} ${c.negClear}`);
    report.figure('recall in hit band', (100 * c.posHit) / nPos, '%');
    report.figure('recall in hit or possible', (100 * (c.posHit + c.posPossible)) / nPos, '%');
    report.figure('false hit rate', (100 * c.negHit) / nNeg, '%');
    report.figure('false possible rate', (100 * c.negPossible) / nNeg, '%');
    report.timings('screen, small list (quality run)', times);

    let crossFound = 0;
    const crossMissed: string[] = [];
    cross.forEach((row, i) => {
      const r = store.screen({ surname: row[0]! });
      if (r.hits.some((h) => h.id === `cross:${i}`)) crossFound++;
      else crossMissed.push(`${row[0]} -> ${row[1]}`);
    });
    report.figure('cross_script_pairs found', crossFound, `of ${cross.length}`);
    if (crossMissed.length) report.note(`cross-script missed: ${crossMissed.join(' | ')}`);

    const putinNames = readFileSync(join(DATASETS, 'putin_names.txt'), 'utf8').split('\n').filter((l) => l.trim());
    const putinMissed: string[] = [];
    let putinFound = 0;
    for (const n of putinNames) {
      const r = store.screen({ surname: n });
      if (r.hits.some((h) => h.id === 'putin')) putinFound++;
      else putinMissed.push(n);
    }
    report.figure('putin_names found', putinFound, `of ${putinNames.length}`);
    if (putinMissed.length) report.note(`putin missed: ${putinMissed.join(' | ')}`);
    if (process.env.BENCH_VERBOSE) {
      writeFileSync('/tmp/screening-missed.txt', missed.join('\n') + '\n');
      writeFileSync('/tmp/screening-false.txt', falseHits.join('\n') + '\n');
      report.note('details in /tmp/screening-missed.txt and /tmp/screening-false.txt');
    }
  });
}

export async function speed(report: BenchReporter, n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'screening-speed-'));
  try {
    const bundle = join(dir, 'synthetic.jsonl');
    let t = performance.now();
    const { queries, documents } = writeSyntheticBundle(bundle, n, 42);
    report.figure(`generate ${n} synthetic entries`, (performance.now() - t) / 1000, 's');
    const store = openWatchlist(join(dir, 'data'));
    t = performance.now();
    const cpu0 = process.cpuUsage();
    store.applyBundle(bundle);
    const cpu = process.cpuUsage(cpu0);
    report.figure(`import ${n} entries (bundle, one transaction), wall`, (performance.now() - t) / 1000, 's');
    report.figure(`import ${n} entries, CPU time of this process`, (cpu.user + cpu.system) / 1e6, 's');
    report.memory('after import');
    const s = store.stats();
    report.figure('watchlist.db size', s.fileBytes / 2 ** 20, 'MB');
    store.close();
    // Screening runs in a fresh process, as on the workstation (the list is imported by sync or the
    // CLI, the app opens it at start): its memory is not coloured by the import.
    writeFileSync(join(dir, 'queries.json'), JSON.stringify({ queries, documents }));
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, SCREENING_BENCH_CHILD: join(dir, 'data'), SCREENING_BENCH_QUERIES: join(dir, 'queries.json') },
      input: '',
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    if (child.status !== 0) throw new Error(`screening child failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { wall: number[]; cpu: number[]; doc: number[]; hits: number; rss: number; heap: number };
    report.timings(`screen by name, ${n} entries (wall)`, r.wall);
    // On a shared machine wall time includes waiting for a core; CPU time is what screening costs.
    report.timings(`screen by name, ${n} entries (CPU time)`, r.cpu);
    report.figure('queries with a hit or possible', r.hits, `of ${queries.length}`);
    report.timings('document check only', r.doc);
    report.figure('resident memory of the screening process', r.rss, 'MB');
    report.figure('JS heap of the screening process', r.heap, 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (report: BenchReporter): Promise<void> {
  quality(report);
  const n = Number(process.env.SCREENING_BENCH_ENTRIES ?? 1_000_000);
  if (n > 0) await speed(report, n);
}

/** Child mode: screen the prepared queries against the list in SCREENING_BENCH_CHILD and print figures. */
if (process.env.SCREENING_BENCH_CHILD) {
  const { queries, documents } = JSON.parse(readFileSync(process.env.SCREENING_BENCH_QUERIES!, 'utf8')) as { queries: ScreeningQuery[]; documents: ScreeningQuery[] };
  const store = openWatchlist(process.env.SCREENING_BENCH_CHILD);
  for (const q of queries.slice(0, 50)) store.screen(q); // warm the page cache
  const wall: number[] = [];
  const cpu: number[] = [];
  const doc: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const r = store.screen(q);
    const c = process.cpuUsage(c0);
    wall.push(r.ms);
    cpu.push((c.user + c.system) / 1000);
    if (r.hits.length) hits++;
  }
  for (const d of documents) doc.push(store.screen(d).ms);
  const m = process.memoryUsage();
  store.close();
  console.log(JSON.stringify({ wall, cpu, doc, hits, rss: Math.round(m.rss / 2 ** 20), heap: Math.round(m.heapUsed / 2 ** 20) }));
}
