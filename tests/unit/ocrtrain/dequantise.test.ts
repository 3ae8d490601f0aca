/**
 * The integer → float conversion that lets a stock (integer) model be fine-tuned: the float model
 * must read what the integer one reads, and be a file lstmtraining can continue from (no integer
 * matrices, the integer flag cleared).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { startRecogniser } from '../../../electron/core/ocr/model';
import { parseLstm } from '../../../tools/ocr-train/average';
import { dequantiseTraineddata, joinTraineddata, LSTM_COMPONENT, splitTraineddata } from '../../../tools/ocr-train/dequantise';

const shipped = readFileSync(join(__dirname, '../../../resources/ocr/mrz.traineddata'));
const lines = join(__dirname, '../../../../shared/datasets/mrz-lines');
const dir = mkdtempSync(join(tmpdir(), 'dequantise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dequantise', () => {
  it('splits and rejoins a traineddata file byte for byte', () => {
    const parts = splitTraineddata(shipped);
    expect(parts[LSTM_COMPONENT]?.length).toBeGreaterThan(10_000);
    expect(joinTraineddata(parts).equals(shipped)).toBe(true);
  });

  it('turns every integer matrix into doubles and clears the integer flag', () => {
    const before = parseLstm(splitTraineddata(shipped)[LSTM_COMPONENT]!);
    expect(before.int8.length).toBeGreaterThan(0);
    expect(before.buf.readInt32LE(before.flagsAt) & 1).toBe(1);
    const after = parseLstm(splitTraineddata(dequantiseTraineddata(shipped))[LSTM_COMPONENT]!);
    expect(after.int8).toEqual([]);
    expect(after.weights.length).toBe(before.int8.length);
    expect(after.spec).toBe(before.spec);
    expect(after.buf.readInt32LE(after.flagsAt) & 1).toBe(0);
    // each weight is the int8 value times its row's scale
    const w = before.int8[0]!;
    const scale = before.buf.readDoubleLE(w.scalesAt);
    expect(after.buf.readDoubleLE(after.weights[0]!.at)).toBeCloseTo(before.buf.readInt8(w.at) * scale, 12);
    expect(() => dequantiseTraineddata(dequantiseTraineddata(shipped))).toThrow(/already a float model/);
  });

  it('reads real MRZ lines as the integer model does', async () => {
    writeFileSync(join(dir, 'mrz.traineddata'), dequantiseTraineddata(shipped));
    const names = readFileSync(join(lines, 'train.txt'), 'utf8').trim().split('\n').filter((_, i) => i % 60 === 0);
    const pngs = await Promise.all(names.map((n) => sharp(join(lines, 'lines', `${n}.tif`)).png().toBuffer()));
    const read = async (modelDir: string) => {
      const ocr = await startRecogniser(modelDir);
      try {
        const out: string[] = [];
        for (const png of pngs) out.push((await ocr.recognise(png)).text.trim());
        return out;
      } finally {
        await ocr.terminate();
      }
    };
    const [int, float] = [await read(join(__dirname, '../../../resources/ocr')), await read(dir)];
    expect(int.filter((t) => t.length >= 20).length).toBeGreaterThanOrEqual(names.length - 2);
    expect(float).toEqual(int);
  }, 60_000);
});
