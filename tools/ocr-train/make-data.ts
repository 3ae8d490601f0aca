/**
 * Builds the LSTM training set for the MRZ model:
 *  - synthetic lines: random MRZ text rendered in OCR-B (and a few look-alike fonts, because real
 *    zones are not always true OCR-B), degraded by augment.ts;
 *  - real lines from mrz-lines/train.txt, split BY SOURCE PHOTO into a fitting part and a held-out
 *    part (held-out lines pick the checkpoint; eval.txt is never read here);
 *  - augmented copies of the fitting real lines.
 * Lines are packed into multi-page TIFFs (lstmtraining takes one page from each file in turn, so the
 * number of files sets the mix) and converted to .lstmf with `tesseract ... lstm.train`.
 *
 * usage: tsx tools/ocr-train/make-data.ts --out DIR --dataset ../shared/datasets/mrz-lines
 *          [--synthetic 16000] [--real-copies 3] [--seed 1] [--batch 200]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { type Gray, degrade, toGray } from './augment';
import { readTruth } from './labelFixes';
import { type Sample, done, isHeldOut, sourceOf, writeBatch } from './lstmf';
import { renderLine } from './renderLine';
import { type Rng, makeRng, randomTrainingLine } from './mrzText';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    dataset: { type: 'string' },
    synthetic: { type: 'string', default: '16000' },
    'real-copies': { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '200' },
    'heldout-share': { type: 'string', default: '0.15' },
    'syn-weight': { type: 'string', default: '1' },
  },
});
if (!values.out || !values.dataset) throw new Error('--out DIR and --dataset DIR are required');
const OUT = resolve(values.out);
const DATASET = resolve(values.dataset);
const BATCH = Number(values.batch);
const rng = makeRng(Number(values.seed));
// One libvips thread: the machine is shared, and per-line images are too small to gain from more.
sharp.concurrency(1);

async function augmentReal(src: Gray, r: Rng): Promise<Gray> {
  // Real crops already carry their own degradations; add milder ones on top.
  return degrade(src, r, 0.5 * r(), Math.max(12, src.height * (0.4 + r() * 0.5)));
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const names = readFileSync(join(DATASET, 'train.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  const share = Number(values['heldout-share']);
  const real: Array<{ name: string; text: string; held: boolean }> = names.map((name) => ({
    name,
    text: readTruth(DATASET, name),
    held: isHeldOut(sourceOf(name), share),
  }));
  const fit = real.filter((x) => !x.held);
  const held = real.filter((x) => x.held);
  writeFileSync(join(OUT, 'heldout-lines.txt'), held.map((x) => x.name).join('\n') + '\n');
  console.log(`real lines: ${fit.length} fitting, ${held.length} held out (${new Set(held.map((x) => sourceOf(x.name))).size} photos)`);

  const allText: string[] = [];
  const trainList: string[] = [];
  const load = async (name: string) => toGray(sharp(join(DATASET, 'lines', `${name}.tif`)));

  // held-out real lines, untouched
  const heldList: string[] = [];
  for (let i = 0; i < held.length; i += BATCH) {
    if (done(OUT, `heldout_${i / BATCH}`)) {
      heldList.push(join(OUT, `heldout_${i / BATCH}.lstmf`));
      continue;
    }
    const s = await Promise.all(held.slice(i, i + BATCH).map(async (x) => ({ text: x.text, img: await load(x.name) })));
    heldList.push(await writeBatch(OUT, `heldout_${i / BATCH}`, s));
  }
  writeFileSync(join(OUT, 'heldout.list'), heldList.join('\n') + '\n');

  // fitting real lines: originals in small batches so they get a fair share of the mix
  const REAL_BATCH = 25;
  const order = [...fit].sort(() => rng() - 0.5);
  for (let i = 0; i < order.length; i += REAL_BATCH) {
    if (done(OUT, `real_${i / REAL_BATCH}`)) {
      for (const x of order.slice(i, i + REAL_BATCH)) allText.push(x.text);
      trainList.push(join(OUT, `real_${i / REAL_BATCH}.lstmf`));
      continue;
    }
    const s = await Promise.all(order.slice(i, i + REAL_BATCH).map(async (x) => ({ text: x.text, img: await load(x.name) })));
    for (const x of s) allText.push(x.text);
    trainList.push(await writeBatch(OUT, `real_${i / REAL_BATCH}`, s));
  }
  const copies = Number(values['real-copies']);
  for (let c = 0; c < copies; c++) {
    for (let i = 0; i < order.length; i += BATCH) {
      const name = `realaug${c}_${i / BATCH}`;
      if (done(OUT, name)) { trainList.push(join(OUT, `${name}.lstmf`)); continue; }
      const s: Sample[] = [];
      for (const x of order.slice(i, i + BATCH)) s.push({ text: x.text, img: await augmentReal(await load(x.name), rng) });
      trainList.push(await writeBatch(OUT, name, s));
    }
  }
  console.log(`real: ${trainList.length} files`);

  const nSyn = Number(values.synthetic);
  for (let i = 0, b = 0; i < nSyn; i += BATCH, b++) {
    if (done(OUT, `syn_${b}`)) { trainList.push(join(OUT, `syn_${b}.lstmf`)); continue; }
    const s: Sample[] = [];
    for (let k = 0; k < Math.min(BATCH, nSyn - i); k++) {
      const text = randomTrainingLine(rng);
      // a third clean-ish, the rest spread up to the worst real crops
      const sev = rng() < 0.3 ? rng() * 0.3 : 0.3 + rng() * 0.7;
      s.push({ text, img: await renderLine(text, rng, sev) });
      allText.push(text);
    }
    trainList.push(await writeBatch(OUT, `syn_${b}`, s));
    if (b % 10 === 0) console.log(`synthetic: ${i + s.length}/${nSyn}`);
  }
  // lstmtraining takes one page from each listed file in turn: listing a synthetic file several
  // times raises the synthetic share of the mix without rendering more lines.
  const weight = Number(values['syn-weight']);
  const weighted = trainList.flatMap((f) => (/\/syn_\d+\.lstmf$/.test(f) ? Array(weight).fill(f) : [f]));
  writeFileSync(join(OUT, 'train.list'), weighted.sort(() => rng() - 0.5).join('\n') + '\n');
  writeFileSync(join(OUT, 'all-text.txt'), allText.join('\n') + '\n');
  console.log(`done: ${trainList.length} training files, ${heldList.length} held-out files`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
