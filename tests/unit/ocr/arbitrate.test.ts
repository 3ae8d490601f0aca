/**
 * How the reader chooses among its readings of one zone (the model's, the glyph pass's, other
 * preprocessings'): the lines of any of them may combine, and a zone that needs no guess beats one
 * that the repair made valid by guessing.
 */
import { describe, expect, it } from 'vitest';
import { type Reading, arbitrate } from '../../../electron/core/ocr/reader';

const TODAY = new Date('2026-11-29T00:00:00Z');
const TRUTH = ['I<GBRG3TU319014E77P0V7NF22TC2<', '0809063F4905044UTO<<<<<<<<<<<4', 'MODE<RQT<<ANSENYU<PKNOXAT<<<<<'];
const reading = (attempt: string, lines: string[]): Reading => ({ attempt, flipped: false, read: lines.map((raw) => ({ raw, confidence: 90 })) });

describe('arbitrate', () => {
  it('takes the line read as printed over one with a doubled character trimmed to length', () => {
    // seen on a 600 dpi TD1 scan: the model read a 0 twice in the optional data (line 1 is 31 long; the
    // repair drops the trailing filler and the composite check digit passes by chance), and the glyph
    // pass read line 1 right but the state's O as D in line 2
    const model = reading('gray', [TRUTH[0]!.replace('P0V', 'P00V'), TRUTH[1]!, TRUTH[2]!]);
    const glyphs = reading('glyphs', [TRUTH[0]!, TRUTH[1]!.replace('UTO', 'UTD'), TRUTH[2]!]);
    // the model's reading alone is made valid, with a guess
    const alone = arbitrate([model], TODAY);
    expect(alone.valid).toBe(true);
    expect(alone.lines[0]).not.toBe(TRUTH[0]);
    // with the glyph pass's vote, the combination that needs no guess wins
    const both = arbitrate([model, glyphs], TODAY);
    expect(both.valid).toBe(true);
    expect(both.lines).toEqual(TRUTH);
  });
});
