import { describe, expect, it } from 'vitest';
import { applyHeightVotes, heightVotes, resolveZeroOh } from '../../../electron/core/ocr/zeroOh';

// A TD3 zone, line 2 as read by the model, the optional data ending in "IG2030" (printed IG203O).
const LINE1 = 'P<UKRSENCH<FEBOICH<<NEPIJOMU<<<<<<<<<<<<<<<<';
const READ2 = 'L7624S57E8HRV9610105<8108131Q5350IG2030<<<48';
const TRUE2 = 'L7624S57E8HRV9610105<8108131Q5350IG203O<<<48';
/** Ink heights as printed in OCR-B at zone scale: fillers 24 px, letters 28, the letter O 28.6, digits 31. */
const heightsOf = (printed: string, o = 28.6, zero = 31) => [...printed].map((c) => (c === '<' ? 24 : c === 'O' ? o : c === '0' ? zero : /[0-9]/.test(c) ? 31 : 28));

describe('O and 0 by glyph height', () => {
  it('measures the O and 0 the layout proves and votes on the mixed fields by them', () => {
    // line 1 holds a proven O (FEBOICH, a name); line 2 proven 0s (the dates)
    const votes = heightVotes([LINE1, READ2], [heightsOf(LINE1), heightsOf(TRUE2)]);
    expect(votes[1]!.get(38)).toBe('O');
    expect(votes[1]!.get(36)).toBe('0');
    // names, dates and check digits are the layout's business, not the heights'
    expect(votes[0]!.size).toBe(0);
    expect([...votes[1]!.keys()].every((k) => k >= 28 && k <= 41)).toBe(true);
    expect(applyHeightVotes([LINE1, READ2], [heightsOf(LINE1), heightsOf(TRUE2)])).toEqual([LINE1, TRUE2]);
  });

  it('turns an ambiguous invalid read into the printed, valid zone, and lists the change', () => {
    expect(resolveZeroOh([LINE1, READ2]).valid).toBe(false);
    const r = resolveZeroOh([LINE1, READ2], undefined, [heightsOf(LINE1), heightsOf(TRUE2)]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual([LINE1, TRUE2]);
    expect(r.repairs).toContainEqual({ line: 2, position: 39, from: '0', to: 'O' });
  });

  it('gives no vote when the print draws O and 0 alike', () => {
    const alike = [heightsOf(LINE1, 30, 30), heightsOf(TRUE2, 30, 30)];
    expect(heightVotes([LINE1, READ2], alike)[1]!.size).toBe(0);
    expect(applyHeightVotes([LINE1, READ2], alike)).toBeNull();
  });

  it('with no proven O, votes only 0 for glyphs as tall as the proven 0s', () => {
    const noO = 'P<UKRSENCH<FEBRICH<<NEPIJAMU<<<<<<<<<<<<<<<<';
    const votes = heightVotes([noO, READ2], [heightsOf(noO), heightsOf(TRUE2)])[1]!;
    expect(votes.get(36)).toBe('0');
    expect(votes.has(38)).toBe(false); // the printed O stands shorter: no vote either way
    expect([...votes.values()].every((v) => v === '0')).toBe(true);
  });

  it('undoes two O-for-0 misreads whose check-digit weights cancel, in a zone with no proven O', () => {
    const line1 = 'P<EGYNGBE<GIIC<<ELQU<<<<<<<<<<<<<<<<<<<<<<<<';
    const printed = '3O5Z0707J0QAT1708277M0501161<<<<<<<<<<<<<<<8';
    const misread = '3O5ZO7O7J0QAT1708277M0501161<<<<<<<<<<<<<<<8';
    // both readings pass every check digit: only the heights tell them apart
    expect(resolveZeroOh([line1, misread]).valid).toBe(true);
    const r = resolveZeroOh([line1, misread], undefined, [heightsOf(line1), heightsOf(printed)]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual([line1, printed]);
    // drawn alike, a true O would be voted 0 and break its check digit: the vote does not make a valid zone
    const alike = resolveZeroOh([line1, printed], undefined, [heightsOf(line1, 31, 31), heightsOf(printed, 31, 31)]);
    expect(applyHeightVotes([line1, printed], [heightsOf(line1, 31, 31), heightsOf(printed, 31, 31)])![1]![1]).toBe('0');
    expect(alike.lines).not.toContain('305Z0707J0QAT1708277M0501161<<<<<<<<<<<<<<<8');
  });

  it('compares lines cut at different scales through their fillers', () => {
    // line 1 came out 10% larger than line 2: the same glyphs, other pixel heights
    const big = heightsOf(LINE1).map((h) => h * 1.1);
    expect(applyHeightVotes([LINE1, READ2], [big, heightsOf(TRUE2)])).toEqual([LINE1, TRUE2]);
  });

  it('compares a line with no fillers (a visa\'s full data line) through its letters', () => {
    // MRV-B, optional data 30O01104 fills line 2 to its end; line 1 came out 10% larger
    const visa1 = 'V<THAELKO<<HAQUGITH<<<<<<<<<<<<<<<<<';
    const printed = '41688099W9DNK2802105F360225430O01104';
    const read = '41688099W9DNK2802105F360225430001104';
    const big = heightsOf(visa1).map((h) => h * 1.1);
    expect(applyHeightVotes([visa1, read], [big, heightsOf(printed)])).toEqual([visa1, printed]);
    // and where the print draws O and 0 alike, no vote
    expect(applyHeightVotes([visa1, read], [heightsOf(visa1, 30, 30).map((h) => h * 1.1), heightsOf(printed, 30, 30)])).toBeNull();
  });

  it('leaves a visa\'s optional data to its end as read: no check digit stands there', () => {
    const line1 = 'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    const line2 = 'L8988901C4XXX4009078F9612109<<<<<<<<<<<<<<CO';
    expect(resolveZeroOh([line1, line2]).lines[1]).toBe(line2);
    const b1 = 'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<';
    const b2 = 'L8988901C4XXX4009078F96121096ZE184O';
    expect(resolveZeroOh([b1, b2]).lines[1]).toBe(b2);
  });

  it('leaves lines of another shape alone', () => {
    expect(applyHeightVotes(['P<UKR', 'L7624'], [[28, 24, 28, 28, 28], [28, 31, 31, 31, 31]])).toBeNull();
  });
});
