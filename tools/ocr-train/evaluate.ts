/**
 * Scores an MRZ model on line crops with ground truth, through the same tesseract.js worker the app
 * uses: exact lines, character error rate, and, for zones whose lines are all in the list, the
 * figures after the check-digit repair of the MRZ module.
 *
 * usage: tsx tools/ocr-train/evaluate.ts --model resources/ocr --dataset ../shared/datasets/mrz-lines
 *          --list ../shared/datasets/mrz-lines/eval.txt [--label eval] [--json]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { parseMrz } from '../../electron/core/mrz/index';
import { startRecogniser } from '../../electron/core/ocr/model';
import { readTruth } from './labelFixes';
import { sourceOf } from './lstmf';

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export interface LineEval {
  lines: number;
  exact: number;
  cer: number;
  zones: number;
  zonesValid: number;
  zonesExact: number;
  zonesExactBefore: number;
  /** character error over the lines of complete zones, before and after repair */
  zoneCerBefore: number;
  zoneCerAfter: number;
  linesPerSecond: number;
  /** share of lines read by two nets and by three; share whose kept reading is the second's, the third's */
  readBy: [number, number];
  keptFrom: [number, number];
  confusions: Array<[string, number]>;
  /** the same, over the complete zones whose truth passes its own check digits (not specimens or fakes) */
  genuine: ZoneFigures;
}

export interface ZoneFigures {
  zones: number;
  valid: number;
  exactBefore: number;
  exactAfter: number;
  cerBefore: number;
  cerAfter: number;
}

const zoneTally = () => ({ zones: 0, valid: 0, exactBefore: 0, exactAfter: 0, editsBefore: 0, editsAfter: 0, chars: 0 });

function zoneFigures(t: ReturnType<typeof zoneTally>): ZoneFigures {
  const of = (n: number, d: number) => (d ? n / d : NaN);
  return { zones: t.zones, valid: of(t.valid, t.zones), exactBefore: of(t.exactBefore, t.zones), exactAfter: of(t.exactAfter, t.zones), cerBefore: of(t.editsBefore, t.chars), cerAfter: of(t.editsAfter, t.chars) };
}

export async function evaluateLines(modelDir: string, dataset: string, names: string[]): Promise<LineEval> {
  const ocr = await startRecogniser(modelDir);
  const got = new Map<string, string>();
  const truth = new Map<string, string>();
  let edits = 0, chars = 0, exact = 0;
  const conf = new Map<string, number>();
  // lines read by two and by three nets; lines whose kept reading is the second's, the third's
  const readBy = [0, 0], keptFrom = [0, 0];
  const t0 = performance.now();
  try {
    for (const name of names) {
      const gt = readTruth(dataset, name);
      const png = await sharp(join(dataset, 'lines', `${name}.tif`)).png().toBuffer();
      const reading = await ocr.recognise(png);
      const text = reading.text.toUpperCase().replace(/[^A-Z0-9<]/g, '');
      if (reading.nets) readBy[reading.nets - 2]!++;
      if (reading.net) keptFrom[reading.net - 2]!++;
      got.set(name, text);
      truth.set(name, gt);
      const d = editDistance(text, gt);
      edits += d;
      chars += gt.length;
      if (d === 0) exact++;
      else if (text.length === gt.length) {
        for (let i = 0; i < gt.length; i++) if (text[i] !== gt[i]) conf.set(`${gt[i]}→${text[i]}`, (conf.get(`${gt[i]}→${text[i]}`) ?? 0) + 1);
      }
    }
  } finally {
    await ocr.terminate();
  }
  const secs = (performance.now() - t0) / 1000;
  // zones: lines NAME-0, NAME-1 (, NAME-2) of one photo, all present, shaped like a zone
  const bySource = new Map<string, string[]>();
  for (const n of names) {
    const src = sourceOf(n);
    bySource.set(src, [...(bySource.get(src) ?? []), n]);
  }
  const all = zoneTally(), genuine = zoneTally();
  for (const [src, members] of bySource) {
    const idx = members.map((m) => Number(m.slice(src.length + 1))).sort((a, b) => a - b);
    if (!(idx.length === 2 || idx.length === 3) || idx.some((v, i) => v !== i)) continue;
    const numbered = idx.map((i) => truth.get(`${src}-${i}`)!);
    const len = numbered[0]!.length;
    const shape = (numbered.length === 3 && len === 30) || (numbered.length === 2 && (len === 44 || len === 36));
    if (!shape || numbered.some((g) => g.length !== len)) continue;
    // The crops are numbered in no fixed order (in 88 of eval.txt's 134 zones, -0 is not the first
    // line): put them in zone order, the order in which the truth reads as a zone, as a page gives them.
    const order = zoneOrder(numbered);
    const gts = order.map((i) => numbered[i]!);
    const reads = order.map((i) => got.get(`${src}-${idx[i]}`)!);
    const r = parseMrz(reads, { correct: true });
    // when the reading is not shaped like a zone, repair has nothing to work on: keep the reading
    // as the reader does: repairs are kept only when they make the zone valid
    const after = r.valid && r.lines.length === reads.length ? r.lines : reads;
    // Specimens, templates and fakes whose printed check digits are wrong: repair can only move a
    // right reading away from the print there, so their figures are kept apart.
    const tallies = parseMrz(gts).valid ? [all, genuine] : [all];
    for (const t of tallies) {
      t.zones++;
      if (r.valid) t.valid++;
      if (after.join('\n') === gts.join('\n')) t.exactAfter++;
      if (reads.join('\n') === gts.join('\n')) t.exactBefore++;
      for (let i = 0; i < gts.length; i++) {
        t.editsBefore += editDistance(reads[i]!, gts[i]!);
        t.editsAfter += editDistance(after[i]!, gts[i]!);
        t.chars += gts[i]!.length;
      }
    }
  }
  const z = zoneFigures(all);
  return {
    lines: names.length,
    exact: exact / names.length,
    cer: edits / chars,
    zones: z.zones,
    zonesValid: z.valid,
    zonesExact: z.exactAfter,
    zonesExactBefore: z.exactBefore,
    zoneCerBefore: z.cerBefore,
    zoneCerAfter: z.cerAfter,
    genuine: zoneFigures(genuine),
    linesPerSecond: names.length / secs,
    readBy: [readBy[0]! / names.length, readBy[1]! / names.length],
    keptFrom: [keptFrom[0]! / names.length, keptFrom[1]! / names.length],
    confusions: [...conf].sort((a, b) => b[1] - a[1]).slice(0, 12),
  };
}

const PERMUTATIONS: Record<number, number[][]> = {
  2: [[0, 1], [1, 0]],
  3: [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]],
};

/** The order of a zone's lines in which they read as a zone with the fewest errors (ties: as numbered). */
export function zoneOrder(lines: string[]): number[] {
  const errors = (p: number[]) => {
    const r = parseMrz(p.map((i) => lines[i]!));
    return r.format ? r.errors.length : Infinity;
  };
  const scored = (PERMUTATIONS[lines.length] ?? [lines.map((_, i) => i)]).map((p) => ({ p, e: errors(p) }));
  return scored.reduce((best, s) => (s.e < best.e ? s : best)).p;
}

export function readList(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
}

const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;

export function describeEval(label: string, e: LineEval): string {
  return [
    `${label}: ${e.lines} lines, exact ${pct(e.exact)}, CER ${pct(e.cer, 2)} (${e.linesPerSecond.toFixed(1)} lines/s)`,
    `${label}: ${e.zones} complete zones: valid after repair ${pct(e.zonesValid)}, every line right ${pct(e.zonesExactBefore)} before repair, ${pct(e.zonesExact)} after, CER ${pct(e.zoneCerBefore, 2)} → ${pct(e.zoneCerAfter, 2)}`,
    `${label}: ${e.genuine.zones} of them with check digits that hold (not specimens or fakes): valid after repair ${pct(e.genuine.valid)}, every line right ${pct(e.genuine.exactBefore)} → ${pct(e.genuine.exactAfter)}, CER ${pct(e.genuine.cerBefore, 2)} → ${pct(e.genuine.cerAfter, 2)}`,
    `${label}: lines read by the first two nets ${pct(e.readBy[0])}, by all three ${pct(e.readBy[1])}; the reading kept is the second net's on ${pct(e.keptFrom[0])}, the third's on ${pct(e.keptFrom[1])}`,
    `${label}: top confusions (truth→read) ${e.confusions.map(([k, n]) => `${k}:${n}`).join(' ')}`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('evaluate.ts')) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { model: { type: 'string' }, dataset: { type: 'string' }, list: { type: 'string' }, label: { type: 'string', default: 'lines' }, json: { type: 'boolean', default: false } } });
  if (!values.model || !values.dataset || !values.list) throw new Error('--model DIR --dataset DIR --list FILE are required');
  const e = await evaluateLines(resolve(values.model), resolve(values.dataset), readList(values.list));
  console.log(values.json ? JSON.stringify({ label: values.label, ...e }) : describeEval(values.label!, e));
}
