/**
 * The accuracy figures put each zone's line crops in zone order before repairing them: the dataset
 * numbers a photo's crops in no fixed order, and a zone repaired in the wrong order can only fail.
 */
import { describe, expect, it } from 'vitest';
import { zoneOrder } from '../../../tools/ocr-train/evaluate';

const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('zoneOrder', () => {
  it('finds the zone order of lines numbered in any order', () => {
    expect(zoneOrder(TD3)).toEqual([0, 1]);
    expect(zoneOrder([TD3[1]!, TD3[0]!])).toEqual([1, 0]);
    for (const [a, b, c] of [[2, 0, 1], [1, 2, 0], [0, 2, 1]] as const) {
      const shuffled = [TD1[a]!, TD1[b]!, TD1[c]!];
      expect(zoneOrder(shuffled).map((i) => shuffled[i])).toEqual(TD1);
    }
  });

  it('keeps the numbered order when no order reads better (a misread zone)', () => {
    const misread = [TD1[0]!, TD1[1]!.replace('7408122', '7408123'), TD1[2]!];
    expect(zoneOrder(misread)).toEqual([0, 1, 2]);
  });
});
