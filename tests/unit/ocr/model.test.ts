import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type LineReading, SECOND_OPINION_BELOW, startRecogniser } from '../../../electron/core/ocr/model';
import { DATASETS, MODEL_DIR, modelFolder } from './helpers';

const LINES = resolve(DATASETS, 'mrz-lines');
// six photographed lines from the training list (their ground truth is what a good read gives)
const names = readFileSync(resolve(LINES, 'train.txt'), 'utf8').trim().split('\n').slice(0, 6);
const pngs = () => Promise.all(names.map((n) => sharp(resolve(LINES, 'lines', `${n}.tif`)).png().toBuffer()));

describe('the recogniser pool (lines read side by side)', () => {
  it('gives every line its own reading, in order, whether one worker reads them or two at once', async () => {
    const images = await pngs();
    const one = await startRecogniser(MODEL_DIR, 1);
    const alone: string[] = [];
    for (const p of images) alone.push((await one.recognise(p)).text.trim());
    await one.terminate();

    const two = await startRecogniser(MODEL_DIR, 2);
    two.grow();
    two.grow(); // a second call starts nothing more
    const together = await Promise.all(images.map((p) => two.recognise(p)));
    await two.terminate();
    expect(together.map((r) => r.text.trim())).toEqual(alone);
    // and the readings are the lines (the model reads most training lines exactly)
    const truth = names.map((n) => readFileSync(resolve(LINES, 'lines', `${n}.gt.txt`), 'utf8').trim());
    expect(alone.filter((t, i) => t === truth[i]).length).toBeGreaterThanOrEqual(5);
  });

  it('says the model is missing instead of starting a worker on nothing', async () => {
    await expect(startRecogniser(resolve(MODEL_DIR, 'no-such-folder'), 2)).rejects.toMatchObject({ code: 'ocr_model_missing' });
  });
});

async function readAll(dir: string, images: Buffer[]): Promise<LineReading[]> {
  const ocr = await startRecogniser(dir, 1);
  try {
    const out: LineReading[] = [];
    for (const p of images) out.push(await ocr.recognise(p));
    return out;
  } finally {
    await ocr.terminate();
  }
}

describe('the second and third nets', () => {
  it('reads only the lines the first net is unsure of, and the more confident reading is kept', async () => {
    // the training lines, and the same lines worn down until the first net is unsure of some
    const clean = await pngs();
    const worn = await Promise.all(clean.map((p) => sharp(p).resize({ height: 20 }).blur(1.2).png().toBuffer()));
    const images = [...clean, ...worn];
    const firstOnly = modelFolder({ 'mrz.traineddata': 'mrz.traineddata' });
    const secondOnly = modelFolder({ 'mrz.traineddata': 'mrz2.traineddata' });
    const both = modelFolder({ 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': 'mrz2.traineddata' });
    try {
      const [a, b, pair] = [await readAll(firstOnly, images), await readAll(secondOnly, images), await readAll(both, images)];
      const unsure = a.filter((r) => r.confidence < SECOND_OPINION_BELOW).length;
      expect(unsure).toBeGreaterThan(0);
      pair.forEach((p, i) => {
        const keepSecond = a[i]!.confidence < SECOND_OPINION_BELOW && b[i]!.confidence > a[i]!.confidence;
        expect(p.text).toBe(keepSecond ? b[i]!.text : a[i]!.text);
        expect(p.net === 2).toBe(keepSecond);
      });
      expect(pair.some((p) => p.net === 2)).toBe(true);
    } finally {
      for (const d of [firstOnly, secondOnly, both]) rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('the third net reads only the unsure lines the first two read differently, and the most confident of the three is kept', async () => {
    const clean = await pngs();
    // worn down in two ways, so that the first two nets are unsure of some lines and differ on some
    const worn = await Promise.all(clean.flatMap((p) => [
      sharp(p).resize({ height: 20 }).blur(1.2).png().toBuffer(),
      sharp(p).resize({ height: 16 }).blur(1.4).png().toBuffer(),
    ]));
    const images = [...clean, ...worn];
    const only = (f: string) => modelFolder({ 'mrz.traineddata': f });
    const dirs = [only('mrz.traineddata'), only('mrz2.traineddata'), only('mrz3.traineddata'), modelFolder({ 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': 'mrz2.traineddata', 'mrz3.traineddata': 'mrz3.traineddata' })];
    try {
      const [a, b, c, all] = [await readAll(dirs[0]!, images), await readAll(dirs[1]!, images), await readAll(dirs[2]!, images), await readAll(dirs[3]!, images)];
      let thirdAsked = 0;
      all.forEach((p, i) => {
        const [x, y, z] = [a[i]!, b[i]!, c[i]!];
        const asked = x.confidence >= SECOND_OPINION_BELOW ? [x] : x.text.trim() === y.text.trim() ? [x, y] : [x, y, z];
        if (asked.length === 3) thirdAsked++;
        const kept = asked.reduce((best, r) => (r.confidence > best.confidence ? r : best));
        expect(p.text).toBe(kept.text);
        expect(p.net).toBe(kept === x ? undefined : kept === y ? 2 : 3);
        expect(p.nets).toBe(asked.length > 1 ? asked.length : undefined);
      });
      expect(thirdAsked).toBeGreaterThan(0);
      // and it changes the outcome: on some worn lines its reading is the one kept
      expect(all.some((p) => p.net === 3)).toBe(true);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  }, 90_000);

  it('a damaged second net is reported at start', async () => {
    const dir = modelFolder({ 'mrz.traineddata': 'mrz.traineddata', 'mrz2.traineddata': Buffer.alloc(4096, 0xff) });
    try {
      await expect(startRecogniser(dir, 1)).rejects.toMatchObject({ code: 'ocr_model_corrupt' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
