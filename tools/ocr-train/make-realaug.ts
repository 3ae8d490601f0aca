/**
 * Many reshaped copies of the real training lines (augment.ts reshapeReal), for the fine-tuning
 * stage: the fine-tune learns the real print from few lines and overfits them (training error 0.15%
 * against 0.5% held out); new geometry and ink for the same glyphs is what it lacks.
 * Only the fitting lines by default; `--which heldout` makes the same for the held-out lines, for the
 * last stage of the recipe (all real lines, once the held-out lines have chosen the iteration count).
 * `--plain` packs the lines as they are (25 to a file, the mix share of the original real lines).
 * eval.txt is never read.
 *
 * usage: tsx tools/ocr-train/make-realaug.ts --out DIR --dataset DIR --copies 12 [--first 0] [--seed 7]
 *          [--which fit|heldout] [--plain]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { readTruth } from './labelFixes';
import { reshapeReal, toGray } from './augment';
import { type Sample, done, isHeldOut, sourceOf, writeBatch } from './lstmf';
import { makeRng } from './mrzText';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    dataset: { type: 'string' },
    copies: { type: 'string', default: '12' },
    first: { type: 'string', default: '0' },
    seed: { type: 'string', default: '7' },
    'heldout-share': { type: 'string', default: '0.15' },
    which: { type: 'string', default: 'fit' },
    plain: { type: 'boolean', default: false },
  },
});
if (!values.out || !values.dataset) throw new Error('--out DIR and --dataset DIR are required');
const OUT = resolve(values.out);
const DATASET = resolve(values.dataset);
sharp.concurrency(1);


const names = readFileSync(join(DATASET, 'train.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
const share = Number(values['heldout-share']);
const heldOnly = values.which === 'heldout';
const use = names.filter((n) => isHeldOut(sourceOf(n), share) === heldOnly);
const tag = `${heldOnly ? 'held' : ''}${values.plain ? 'plain' : 'reshape'}`;
mkdirSync(OUT, { recursive: true });
const first = Number(values.first);
const copies = Number(values.copies);
const BATCH = values.plain ? 25 : 100;
const made: string[] = [];
for (let c = first; c < first + copies; c++) {
  const rng = makeRng(Number(values.seed) * 1000 + c);
  const order = [...use].sort(() => rng() - 0.5);
  for (let i = 0; i < order.length; i += BATCH) {
    const name = `${tag}${c}_${i / BATCH}`;
    if (!done(OUT, name)) {
      const s: Sample[] = [];
      for (const n of order.slice(i, i + BATCH)) {
        const text = readTruth(DATASET, n);
        const img = await toGray(sharp(join(DATASET, 'lines', `${n}.tif`)));
        s.push({ text, img: values.plain ? img : await reshapeReal(img, rng) });
      }
      await writeBatch(OUT, name, s);
    }
    made.push(join(OUT, `${name}.lstmf`));
  }
  console.log(`copy ${c}: ${order.length} lines`);
}
writeFileSync(join(OUT, `${tag}-${first}.list`), made.join('\n') + '\n');
