import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { startRecogniser } from '../../../electron/core/ocr/model';
import { DATASETS, MODEL_DIR } from './helpers';

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
