/**
 * Real-glyph mosaics: new MRZ lines assembled from glyphs cut out of the real training lines.
 *
 * Why: the real lines are few (962 fitting lines, 459 photos) and every reshaped copy of one keeps
 * its text, so the fine-tune sees each photographed glyph only beside the same neighbours. An LSTM
 * reads with context; here it gets the real print (the one thing synthetic rendering cannot give)
 * in new sequences. MRZ print is fixed-pitch, so a line whose glyph cells segment one-to-one with its
 * text gives labelled glyph cells. A mosaic line takes its glyphs from one photo (one print, one
 * camera) where that photo has them and from other photos, scaled to the same capital height,
 * where it does not; then it is reshaped like the real copies (augment.ts reshapeReal).
 * eval.txt is never read.
 *
 * usage: tsx tools/ocr-train/make-mosaic.ts --out DIR --dataset DIR --lines 6000 [--seed 11]
 *          [--which fit|heldout] [--tag mosaic]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { readTruth } from './labelFixes';
import { type GlyphTemplates, loadTemplates, readGlyphs, segmentLine } from '../../electron/core/ocr/glyphs';
import { otsu } from '../../electron/core/ocr/lines';
import { type Gray, cropToInk, fromGray, pad, reshapeReal, resizeHeight, toGray } from './augment';
import { type Sample, done, isHeldOut, sourceOf, writeBatch } from './lstmf';
import { type Rng, makeRng, mrzLines, pick, randomFields } from './mrzText';

/** Cells are cut from a quarter of the capital height above the caps to a quarter below. */
const MARGIN = 0.25;
/** Capital height every cell is scaled to; reshapeReal sets the final size. */
const CAP = 32;

type Cells = Map<string, Gray[]>;

/** Labelled glyph cells of one real line, or null when its glyphs do not segment one-to-one with its text. */
export function cutCells(img: Gray, text: string, templates: GlyphTemplates): Array<[string, Gray]> | null {
  // A count that matches can still hide a split and a merge that cancel out: the template reader
  // must agree with the text almost everywhere, or the labels could be shifted.
  const read = readGlyphs(img, templates);
  if (!read || read.text.length !== text.length) return null;
  let agree = 0;
  for (let i = 0; i < text.length; i++) if (read.text[i] === text[i]) agree++;
  if (agree < text.length * 0.85) return null;
  const cut = otsu(img.data);
  const ink = new Uint8Array(img.width * img.height);
  for (let i = 0; i < ink.length; i++) ink[i] = img.data[i]! <= cut ? 1 : 0;
  const seg = segmentLine(ink, img.width, img.height);
  if (!seg || seg.boxes.length !== text.length || seg.boxes.some((b) => !b.found)) return null;
  const b = seg.boxes;
  const gaps = b.slice(1).map((x, i) => x.x0 - b[i]!.x1).sort((p, q) => p - q);
  const gap = Math.max(1, gaps[gaps.length >> 1] ?? 2);
  const xs = [Math.max(0, b[0]!.x0 - gap / 2)];
  for (let i = 1; i < b.length; i++) xs.push((b[i - 1]!.x1 + b[i]!.x0) / 2);
  xs.push(Math.min(img.width, b[b.length - 1]!.x1 + 1 + gap / 2));
  const capH = seg.bottom - seg.top + 1;
  const y0 = Math.round(seg.top - capH * MARGIN), y1 = Math.round(seg.bottom + 1 + capH * MARGIN);
  const out: Array<[string, Gray]> = [];
  for (let i = 0; i < text.length; i++) {
    const x0 = Math.round(xs[i]!), x1 = Math.max(x0 + 1, Math.round(xs[i + 1]!));
    const w = x1 - x0, h = y1 - y0;
    const data = Buffer.alloc(w * h, 255);
    for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
      img.data.copy(data, (y - y0) * w, y * img.width + x0, y * img.width + x1);
    out.push([text[i]!, { data, width: w, height: h }]);
  }
  return out;
}

/** Glyph cells side by side, on one baseline. */
function sideBySide(cells: Gray[]): Gray {
  const h = cells[0]!.height;
  const w = cells.reduce((s, c) => s + c.width, 0);
  const data = Buffer.alloc(w * h, 255);
  let x = 0;
  for (const c of cells) {
    for (let y = 0; y < h; y++) c.data.copy(data, y * w + x, y * c.width, (y + 1) * c.width);
    x += c.width;
  }
  return { data, width: w, height: h };
}

/** A random line shaped like the photo's own lines (same length, so the same document format). */
function lineFor(rng: Rng, len: number): string {
  const format = len === 44 ? 'TD3' : len === 36 ? 'TD2' : len === 30 ? 'TD1' : pick(rng, ['TD1', 'TD3'] as const);
  return pick(rng, mrzLines(randomFields(rng, format)));
}

/** New text for one photo, set in that photo's glyphs where it has them and in other photos' where not. */
function mosaic(rng: Rng, src: { cells: Cells; len: number }, everywhere: Cells): { text: string; line: Gray } {
  const text = lineFor(rng, src.len);
  const line = sideBySide([...text].map((ch) => pick(rng, src.cells.get(ch) ?? everywhere.get(ch) ?? everywhere.get('<')!)));
  return { text, line };
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('make-mosaic.ts')) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      dataset: { type: 'string' },
      lines: { type: 'string', default: '6000' },
      seed: { type: 'string', default: '11' },
      'heldout-share': { type: 'string', default: '0.15' },
      which: { type: 'string', default: 'fit' },
      tag: { type: 'string', default: 'mosaic' },
      preview: { type: 'string' },
    },
  });
  if (!values.out || !values.dataset) throw new Error('--out DIR and --dataset DIR are required');
  const OUT = resolve(values.out);
  const DATASET = resolve(values.dataset);
  sharp.concurrency(1);
  mkdirSync(OUT, { recursive: true });
  const templates = loadTemplates(resolve('resources/ocr'));
  if (!templates) throw new Error('resources/ocr/glyphs.bin is missing');
  const heldOnly = values.which === 'heldout';
  const names = readFileSync(join(DATASET, 'train.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)
    .filter((n) => isHeldOut(sourceOf(n), Number(values['heldout-share'])) === heldOnly);

  // glyph cells per photo, all at one capital height
  const bySource = new Map<string, { cells: Cells; len: number }>();
  const everywhere: Cells = new Map();
  let usable = 0;
  for (const n of names) {
    const text = readTruth(DATASET, n);
    const img = await toGray(sharp(join(DATASET, 'lines', `${n}.tif`)));
    const cells = cutCells(img, text, templates);
    if (!cells) continue;
    usable++;
    const src = sourceOf(n);
    const entry = bySource.get(src) ?? { cells: new Map(), len: text.length };
    bySource.set(src, entry);
    for (const [ch, cell] of cells) {
      const scaled = await resizeHeight(cell, CAP * (1 + 2 * MARGIN), 'lanczos3');
      for (const pool of [entry.cells, everywhere]) pool.set(ch, [...(pool.get(ch) ?? []), scaled]);
    }
  }
  console.log(`${usable} of ${names.length} lines cut into glyphs, ${bySource.size} photos, ${everywhere.size} characters`);

  const rng = makeRng(Number(values.seed));
  const sources = [...bySource.values()];
  const total = Number(values.lines);
  if (values.preview) {
    // a few mosaics as PNG files, to look at
    mkdirSync(values.preview, { recursive: true });
    for (let k = 0; k < 12; k++) {
      const src = pick(rng, sources);
      const { text, line } = mosaic(rng, src, everywhere);
      await fromGray(line).png().toFile(join(values.preview, `${k}-plain.png`));
      const r = await reshapeReal(line, rng);
      await fromGray(r).png().toFile(join(values.preview, `${k}-${text}.png`));
    }
    process.exit(0);
  }
  const BATCH = 100;
  const made: string[] = [];
  for (let i = 0; i < total; i += BATCH) {
    const name = `${values.tag}_${values.seed}_${i / BATCH}`;
    if (!done(OUT, name)) {
      const s: Sample[] = [];
      for (let k = 0; k < Math.min(BATCH, total - i); k++) {
        const src = pick(rng, sources);
        const { text, line } = mosaic(rng, src, everywhere);
        // most mosaics get the reshaping of the real copies; a few stay as cut, with a small margin
        const img = rng() < 0.85 ? await reshapeReal(line, rng) : pad(cropToInk(line), 2, 2, 2, 2);
        s.push({ text, img });
      }
      await writeBatch(OUT, name, s);
    }
    made.push(join(OUT, `${name}.lstmf`));
  }
  writeFileSync(join(OUT, `${values.tag}-${values.seed}.list`), made.join('\n') + '\n');
  console.log(`${total} mosaic lines in ${made.length} files`);
}
