/**
 * The training labels' corrections: each still matches the dataset, each makes its field legal, and
 * the in-place patch of old .lstmf files changes whole transcriptions only, once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABEL_FIXES, fixLabel, readTruth } from '../../../tools/ocr-train/labelFixes';
import { patchLabels } from '../../../tools/ocr-train/patch-labels';
import { parseMrz } from '../../../electron/core/mrz/index';

const DATASET = resolve(__dirname, '../../../../shared/datasets/mrz-lines');

describe('label fixes', () => {
  it('refuses a fix that no longer matches the label', () => {
    const name = Object.keys(LABEL_FIXES)[0]!;
    expect(() => fixLabel(name, 'X'.repeat(44))).toThrow(/expects/);
    expect(fixLabel('not-a-listed-line', 'ABC')).toBe('ABC');
  });

  it.runIf(existsSync(DATASET))('never touches eval.txt, and every fixed TD3 line 2 passes its own check digits', () => {
    const evalNames = new Set(readFileSync(resolve(DATASET, 'eval.txt'), 'utf8').split('\n').map((s) => s.trim()));
    const train = new Set(readFileSync(resolve(DATASET, 'train.txt'), 'utf8').split('\n').map((s) => s.trim()));
    for (const name of Object.keys(LABEL_FIXES)) {
      expect(evalNames.has(name)).toBe(false);
      expect(train.has(name)).toBe(true);
    }
    // the Czech passport: 12D7046 was a date of expiry with a D in it; fixed, its line 2 checks out
    const line2 = readTruth(DATASET, 'passeport-tcheque-donnees-mrz-2000-kjdtxg.jpg-0');
    expect(line2).toContain('1207046');
    const zone = parseMrz([`P<CZE${'<'.repeat(39)}`, line2]);
    expect(zone.errors.filter((e) => /check/i.test(`${e.code}`))).toEqual([]);
  });
});

describe('patchLabels', () => {
  it('rewrites whole transcriptions in place and is idempotent', () => {
    const wrong = 'GA302922<OCAN5807020M2409043<<<<<<<<<<<<<<02';
    const right = 'GA302922<0CAN5807020M2409043<<<<<<<<<<<<<<02';
    const buf = Buffer.concat([Buffer.from([0, 44, 0]), Buffer.from(wrong), Buffer.from([0, 1]), Buffer.from(`X${wrong}`), Buffer.from([7])]);
    const len = buf.length;
    expect(patchLabels(buf, [[wrong, right]])).toBe(1);
    expect(buf.length).toBe(len);
    expect(buf.includes(Buffer.from(right))).toBe(true);
    // the occurrence glued to another MRZ character is not a whole line and stays
    expect(buf.includes(Buffer.from(`X${wrong}`))).toBe(true);
    expect(patchLabels(buf, [[wrong, right]])).toBe(0);
  });
});
