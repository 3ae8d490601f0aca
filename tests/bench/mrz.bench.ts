/**
 * MRZ figures: zones parsed per second (strict and repair mode), and what repair mode makes of
 * random OCR confusions (how often it restores the truth, refuses, or is fooled).
 */
import { KNOWN_STATE_CODES, SPECIMENS, formatMrz, parseMrz, splitZones, type MrzFormat } from '../../electron/core/mrz/index';
import type { BenchReporter } from './reporter';

const today = new Date('2026-11-28T12:00:00Z');
const FORMATS: MrzFormat[] = ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'];

function rng(seed: number) {
  return (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
}

function randomZones(count: number, rnd: (n: number) => number): string[][] {
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + rnd(26))).join('');
  const alnum = (n: number) => Array.from({ length: n }, () => (rnd(2) ? String(rnd(10)) : String.fromCharCode(65 + rnd(26)))).join('');
  const pad = (x: number) => String(x).padStart(2, '0');
  return Array.from({ length: count }, (_, i) => {
    const format = FORMATS[i % FORMATS.length]!;
    const state = KNOWN_STATE_CODES[rnd(KNOWN_STATE_CODES.length)]!;
    return formatMrz(
      {
        documentCode: format === 'TD3' ? 'P' : format.startsWith('MRV') ? 'V' : 'I',
        issuingState: state,
        nationality: state,
        surname: letters(3 + rnd(8)),
        givenNames: letters(3 + rnd(8)),
        documentNumber: alnum(8 + rnd(2)),
        birthDate: `${1940 + rnd(80)}-${pad(1 + rnd(12))}-${pad(1 + rnd(28))}`,
        expiryDate: `${2020 + rnd(15)}-${pad(1 + rnd(12))}-${pad(1 + rnd(28))}`,
        sex: rnd(2) ? 'F' : 'M',
        optionalData: alnum(rnd(7)),
      },
      format,
    );
  });
}

const CONFUSIONS: Record<string, string[]> = { '0': ['O', 'Q', 'D'], O: ['0'], '1': ['I', 'L'], I: ['1'], '2': ['Z'], Z: ['2'], '5': ['S'], S: ['5'], '6': ['G'], G: ['6'], '8': ['B'], B: ['8'], '<': ['K', 'L', 'C'] };

const mod10 = (ch: string) => (ch === '<' ? 0 : ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55) % 10;
let lastMisreadBlind = false;

/** The zone with `times` random OCR confusions; sets lastMisreadBlind when one of them no check digit can see. */
function misread(zone: string[], times: number, rnd: (n: number) => number): string[] {
  lastMisreadBlind = false;
  const lines = zone.map((l) => l.split(''));
  const spots: [number, number][] = [];
  lines.forEach((l, li) => l.forEach((c, i) => CONFUSIONS[c] && spots.push([li, i])));
  for (let t = 0; t < times; t++) {
    const [li, i] = spots[rnd(spots.length)]!;
    const alts = CONFUSIONS[lines[li]![i]!];
    if (!alts) continue;
    const from = lines[li]![i]!;
    lines[li]![i] = alts[rnd(alts.length)]!;
    if (mod10(from) === mod10(lines[li]![i]!)) lastMisreadBlind = true;
  }
  return lines.map((l) => l.join(''));
}

function throughput(report: BenchReporter, label: string, zones: string[][], correct: boolean): void {
  for (let i = 0; i < 2000; i++) parseMrz(zones[i % zones.length]!, { today, correct }); // warm-up
  const samples: number[] = [];
  let parsed = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - started < 2000) {
    const t0 = performance.now();
    for (const z of zones) parseMrz(z, { today, correct });
    samples.push(performance.now() - t0);
    parsed += zones.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  report.figure(`${label}: zones parsed per second`, Math.round(parsed / seconds), 'zones/s');
  // On a shared machine wall time includes waiting for a core; CPU time is the parser's own cost.
  report.figure(`${label}: zones per CPU-second`, Math.round(parsed / ((cpu.user + cpu.system) / 1e6)), 'zones/s');
  report.timings(`${label}: batch of ${zones.length} zones`, samples);
}

export default async function (report: BenchReporter): Promise<void> {
  const rnd = rng(20261128);
  const zones = [...Object.values(SPECIMENS), ...randomZones(995, rnd)];
  throughput(report, 'strict parse (ICAO examples + random valid zones, all formats)', zones, false);
  throughput(report, 'repair mode on valid zones', zones, true);
  const noisy = zones.map((z) => misread(z, 2, rnd));
  throughput(report, 'repair mode on zones with 2 OCR confusions', noisy, true);

  const text = zones.map((z) => z.join('\r\n')).join('\r\n\r\n');
  const t0 = performance.now();
  const split = splitZones(text);
  report.figure(`splitZones of ${(text.length / 1024).toFixed(0)} KB (${split.length} zones)`, performance.now() - t0, 'ms');

  // What repair mode does with k random OCR confusions (1/L, 6/G, </K included: a check digit cannot
  // see those, so part of the "fooled" count is the ICAO arithmetic, not the repair).
  for (const k of [1, 2]) {
    const outcome = {
      restored: 0,
      refusedOrFlagged: 0,
      'fooled by a confusion no check digit can see (1/L, 6/G, </K)': 0,
      'fooled in a field no check digit covers (name, document code, visa optional data)': 0,
      'fooled otherwise': 0,
    };
    const sample = randomZones(2000, rnd);
    for (const zone of sample) {
      const truth = parseMrz(zone, { today });
      const read = misread(zone, k, rnd);
      const r = parseMrz(read, { today, correct: true });
      const differing = (['documentNumber', 'birthDate', 'expiryDate', 'surname', 'givenNames', 'optionalData', 'issuingState', 'nationality', 'sex', 'documentCode'] as const).filter((f) => r[f] !== truth[f]);
      const same = differing.length === 0;
      const visa = zone[0]!.startsWith('V');
      const uncovered = differing.every((f) => f === 'surname' || f === 'givenNames' || f === 'documentCode' || (visa && f === 'optionalData'));
      const flagged = r.warnings.some((w) => ['repaired_unchecked', 'repair_ambiguous', 'possible_misread'].includes(w.code));
      if (r.valid && same) outcome.restored++;
      else if (!r.valid || flagged) outcome.refusedOrFlagged++;
      else if (uncovered) outcome['fooled in a field no check digit covers (name, document code, visa optional data)']++;
      else if (lastMisreadBlind) outcome['fooled by a confusion no check digit can see (1/L, 6/G, </K)']++;
      else outcome['fooled otherwise']++;
    }
    for (const [name, n] of Object.entries(outcome)) report.figure(`repair, ${k} confusion(s) per zone: ${name}`, (100 * n) / sample.length, '%');
  }
  report.memory('after MRZ benchmark');
}
