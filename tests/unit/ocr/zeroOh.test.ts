import { describe, expect, it } from 'vitest';
import { applyHeightVotes, heightVotes, resolveZeroOh } from '../../../electron/core/ocr/zeroOh';

// A TD3 zone, line 2 as read by the model, the optional data ending in "IG2030" (printed IG203O).
const LINE1 = 'P<UKRSENCH<FEBOICH<<NEPIJOMU<<<<<<<<<<<<<<<<';
const READ2 = 'L7624S57E8HRV9610105<8108131Q5350IG2030<<<48';
const TRUE2 = 'L7624S57E8HRV9610105<8108131Q5350IG203O<<<48';
/** Ink heights as the glyph segmentation measured them on a generated page: digits 31, capitals 28, fillers 24. */
const heightsOf = (text: string, printed: string) => [...text].map((c, k) => (c === '<' ? 24 : /[0-9]/.test(printed[k]!) ? 31 : 28));

describe('O and 0 by glyph height', () => {
  it('votes 0 for glyphs as tall as the digits and O for glyphs as tall as the capitals', () => {
    const votes = heightVotes([LINE1, READ2], [undefined, heightsOf(READ2, TRUE2)]);
    expect(votes[1]!.get(38)).toBe('O');
    expect(votes[1]!.get(36)).toBe('0');
    expect(applyHeightVotes([LINE1, READ2], [undefined, heightsOf(READ2, TRUE2)])).toEqual([LINE1, TRUE2]);
  });

  it('turns an ambiguous invalid read into the printed, valid zone', () => {
    expect(resolveZeroOh([LINE1, READ2]).valid).toBe(false);
    const r = resolveZeroOh([LINE1, READ2], undefined, [undefined, heightsOf(READ2, TRUE2)]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual([LINE1, TRUE2]);
    // the change is listed against what the model read
    expect(r.repairs).toContainEqual({ line: 2, position: 39, from: '0', to: 'O' });
  });

  it('gives no vote when the font draws digits and capitals alike, or the heights scatter', () => {
    const flat = [...READ2].map((c) => (c === '<' ? 24 : 30));
    expect(heightVotes([LINE1, READ2], [undefined, flat])[1]!.size).toBe(0);
    const noisy = heightsOf(READ2, TRUE2).map((h, k) => (h === 24 ? h : h + (k % 3) * 2 - 2));
    expect(heightVotes([LINE1, READ2], [undefined, noisy])[1]!.size).toBe(0);
    expect(applyHeightVotes([LINE1, READ2], [undefined, flat])).toBeNull();
  });

  it('never changes letter-only or digit-only positions, nor lines of another shape', () => {
    const short = ['P<UKR', 'L7624'];
    expect(applyHeightVotes(short, [[28, 24, 28, 28, 28], [28, 31, 31, 31, 31]])).toBeNull();
  });
});
