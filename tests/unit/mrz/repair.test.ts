import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_STATE_CODES, SPECIMENS, formatMrz, parseMrz, type MrzFields } from '../../../electron/core/mrz/index';
import { restoreTrailingFillers } from '../../../electron/core/mrz/repair';
import { LAYOUTS } from '../../../electron/core/mrz/layout';

const today = new Date('2026-11-28T12:00:00Z');
const [l1, l2] = SPECIMENS.td3 as [string, string];
const repair = (lines: string[]) => parseMrz(lines, { today, correct: true });
const at = (s: string, pos1: number, ch: string) => s.slice(0, pos1 - 1) + ch + s.slice(pos1);
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('repair mode', () => {
  it('leaves a good zone alone and says so with an empty repair list', () => {
    const r = repair(SPECIMENS.td3!);
    expect(r.valid).toBe(true);
    expect(r.repairs).toEqual([]);
    expect(parseMrz(SPECIMENS.td3!, { today }).repairs).toBeUndefined();
  });

  it('puts digits back where only digits may stand (dates, check digits), and reports each', () => {
    const read = [l1, l2.replace('7408122F1204159', '74O8I22F12O4IS9').replace(/10$/, '1O')];
    expect(parseMrz(read, { today }).valid).toBe(false);
    const r = repair(read);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(SPECIMENS.td3);
    expect(r.repairs).toEqual([
      { line: 2, position: 16, from: 'O', to: '0' },
      { line: 2, position: 18, from: 'I', to: '1' },
      { line: 2, position: 24, from: 'O', to: '0' },
      { line: 2, position: 26, from: 'I', to: '1' },
      { line: 2, position: 27, from: 'S', to: '5' },
      { line: 2, position: 44, from: 'O', to: '0' },
    ]);
  });

  it('puts letters back in names and codes, and flags the name because no check digit covers it', () => {
    const r = repair([l1.replace('ERIKSSON', 'ER1K5S0N').replace('UTO', 'UT0'), l2]);
    expect(r).toMatchObject({ valid: true, surname: 'ERIKSSON', issuingState: 'UTO' });
    expect(r.repairs).toHaveLength(4);
    expect(r.warnings.filter((w) => w.code === 'repaired_unchecked').map((w) => w.field).sort()).toEqual(['issuingState', 'name']);
  });

  it('fixes a document number confusion only when its check digit confirms exactly one reading', () => {
    const r = repair([l1, l2.replace('L898902C3', 'L8989O2C3')]);
    expect(r).toMatchObject({ valid: true, documentNumber: 'L898902C3' });
    expect(r.repairs).toEqual([{ line: 2, position: 6, from: 'O', to: '0' }]);
    expect(codes(r.warnings)).not.toContain('repaired_unchecked');
  });

  it('refuses to guess when several readings fit, and says so', () => {
    // A visa has no composite check digit: find a number where two single confusions both pass.
    const base: MrzFields = { ...fieldsOf(SPECIMENS.mrva!), documentNumber: '' };
    let found = false;
    for (let n = 0; n < 2000 && !found; n++) {
      const number = `B${String(n).padStart(4, '0')}5S0Z`;
      const lines = formatMrz({ ...base, documentNumber: number }, 'MRVA');
      const misread = [lines[0]!, lines[1]!.replace(number, number.replace('B', '8'))];
      const r = repair(misread);
      if (!r.valid && codes(r.warnings).includes('repair_ambiguous')) {
        found = true;
        expect(r.lines[1]!.slice(0, 9)).toBe(number.replace('B', '8'));
        expect(r.errors[0]).toMatchObject({ field: 'documentNumber', code: 'check_digit' });
      }
    }
    expect(found).toBe(true);
  });

  it('restores fillers read as K, L or C (Tesseract reads < as K) and flags what no check digit can confirm', () => {
    const kk = (s: string) => s.replace(/<(?=<*$)/g, 'K').replace(/<<<<<1/, 'KKKKK1');
    const read = [kk(l1), l2.replace('B<<<<<10', 'BKKKKK10')];
    const r = repair(read);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(SPECIMENS.td3);
    expect(r.givenNames).toBe('ANNA MARIA');
    // K and < weigh the same in a check digit: the name and the optional data are flagged.
    expect(r.warnings.filter((w) => w.code === 'repaired_unchecked').map((w) => w.field).sort()).toEqual(['name', 'optionalData']);
  });

  it('keeps a real last letter before the fillers (MICHAEL<<<, not MICHAE)', () => {
    expect(restoreTrailingFillers('SMITH<<MICHAEL<<<<<<<')).toBe('SMITH<<MICHAEL<<<<<<<');
    expect(restoreTrailingFillers('SMITH<<MICHAELK<K<KKK')).toBe('SMITH<<MICHAELK<<<<<<');
    expect(restoreTrailingFillers('SMITH<<MICHAELKKKKKKK')).toBe('SMITH<<MICHAELKKKKKKK'.replace(/LK+$/, 'L<<<<<<<'));
    expect(restoreTrailingFillers('ANNAKKKKKK')).toBe('ANNA<<<<<<');
    expect(restoreTrailingFillers('AB')).toBe('AB');
  });

  it('keeps a short name part of filler-like letters when an MRZ-trained reader read it (likelySwaps)', () => {
    const cc = 'P<UTOERIKSSON<<CC<<<<<<<<<<<<<<<<<<<<<<<<<<<';
    const withOcr = parseMrz([cc, l2], { today, correct: true, likelySwaps: true });
    expect(withOcr.lines[0]).toBe(cc);
    expect(withOcr.givenNames).toBe('CC');
    // text from other readers (stock OCR reads fillers as C/K/L) is still cleaned up
    expect(parseMrz([cc, l2], { today, correct: true }).lines[0]).toBe('P<UTOERIKSSON<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<');
    // a lone filler-like letter between fillers is still a misread filler
    const lone = 'P<UTOERIKSSON<<ANNA<K<<<<<<<<<<<<<<<<<<<<<<<';
    expect(parseMrz([lone, l2], { today, correct: true, likelySwaps: true }).lines[0]).toBe('P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<');
  });

  it('uses the check digit to tell fillers read as L from a real L', () => {
    const optional = l2.replace('ZE184226B<<<<<', 'ZE184226B<LLL<');
    const r = repair([l1, optional]);
    expect(r).toMatchObject({ valid: true, optionalData: 'ZE184226B' });
    expect(r.repairs).toEqual([39, 40, 41].map((position) => ({ line: 2, position, from: 'L', to: '<' })));
    // One L right after the data could be the data's last letter or a filler, and other single
    // swaps fit the check digit too: no guess, a clear flag.
    const single = repair([l1, l2.replace('ZE184226B<<<<<', 'ZE184226BL<<<<')]);
    expect(single.valid).toBe(false);
    expect(codes(single.warnings)).toContain('repair_ambiguous');
  });

  it('turns spaces into fillers and pads lost trailing fillers', () => {
    const r = repair([l1.slice(0, 30) + ' ' + l1.slice(31, 40), ` ${l2.slice(0, 20)} ${l2.slice(21)}`.replace(' F', 'F')]);
    expect(r.lines[0]).toBe(l1);
    expect(r.repairs!.some((x) => x.from === ' ' && x.to === '<')).toBe(true);
    expect(r.repairs!.filter((x) => x.from === '' && x.to === '<')).toHaveLength(4);
    expect(r.warnings.find((w) => w.code === 'repaired_length')?.message).toMatch(/Line 1 had 40 characters; fillers were added/);
  });

  it('removes a doubled character when exactly one deletion satisfies every check digit', () => {
    const doubled = l2.slice(0, 21) + 'F' + l2.slice(21);
    const r = repair([l1, doubled]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(SPECIMENS.td3);
    expect(r.repairs).toEqual([{ line: 2, position: 21, from: 'F', to: '' }]);
    expect(codes(r.warnings)).toContain('repaired_length');
  });

  it('refuses a deletion that passes by chance when another passes with one O/0 misread', () => {
    // "K02ZRO23Y" read as "KO2ZRO023Y": the 0 doubled and the first read as O. Deleting the O passes
    // the check digit (a one-in-ten chance) but is wrong; deleting the doubled 0 and reading the O as 0
    // passes too, so no length repair is proof and the zone stays invalid for the officer to compare.
    const line1 = 'PDLUXLUZMEP<BEESTEPI<<ES<<<<<<<<<<<<<<<<<<<<';
    const truth = 'K02ZRO23Y9ARE9404173M6707194<<<<<<<<<<<<<<<4';
    expect(repair([line1, truth]).valid).toBe(true);
    const r = repair([line1, 'KO2ZRO023Y9ARE9404173M6707194<<<<<<<<<<<<<<<4']);
    expect(r.valid).toBe(false);
    expect(r.lines[1]).not.toBe('K2ZRO023Y9ARE9404173M6707194<<<<<<<<<<<<<<<4');
  });

  it('puts back a dropped character in a TD1 date when only one reading fits, and refuses when several do', () => {
    const [a, b, c] = SPECIMENS.td1 as [string, string, string];
    const r = repair([a, b.slice(0, 3) + b.slice(4), c]);
    expect(r).toMatchObject({ valid: true, birthDate: '1974-08-12' });
    expect(r.repairs).toEqual([{ line: 2, position: 4, from: '', to: '8' }]);
    // A digit lost from a TD3 document number: many insertions pass its check digit.
    const lost = repair([l1, l2.slice(0, 5) + l2.slice(6)]);
    expect(lost.valid).toBe(false);
    expect(lost.errors[0]!.code).toBe('format');
  });

  it('restores D<< misread as DKK for Germany', () => {
    const lines = formatMrz({ ...fieldsOf(SPECIMENS.td1!), issuingState: 'D', nationality: 'D' }, 'TD1');
    const r = repair([lines[0]!.replace('ID<D<<', 'ID<DKK').replace(/^IDD<</, 'IDDKK'), lines[1]!, lines[2]!]);
    expect(r).toMatchObject({ valid: true, issuingState: 'D' });
  });

  it('fixes a TD1 long number whose filler at the check position was read as K', () => {
    const r = repair([at(SPECIMENS.td1long![0]!, 15, 'K'), SPECIMENS.td1long![1]!, SPECIMENS.td1long![2]!]);
    expect(r).toMatchObject({ valid: true, documentNumber: 'D23145890734' });
    expect(r.repairs).toEqual([{ line: 1, position: 15, from: 'K', to: '<' }]);
  });

  describe('random valid zones with one OCR confusion', () => {
    // Confusions a check digit can see. 1/L, 6/G and </K weigh the same in ICAO's arithmetic: a zone
    // misread that way is still a valid zone, and no reader can tell (see properties.test.ts).
    const CONFUSIONS: Record<string, string[]> = { '0': ['O', 'Q', 'D'], O: ['0'], '1': ['I'], I: ['1'], '2': ['Z'], Z: ['2'], '5': ['S'], S: ['5'], '8': ['B'], B: ['8'], '<': ['L', 'C'] };
    const FIELDS = ['documentCode', 'issuingState', 'nationality', 'surname', 'givenNames', 'documentNumber', 'birthDate', 'expiryDate', 'sex', 'optionalData'] as const;
    const cases = fc.record({
      surname: fc.stringMatching(/^[A-Z]{2,12}$/),
      givenNames: fc.stringMatching(/^[A-Z]{2,12}$/),
      documentNumber: fc.stringMatching(/^[A-Z0-9]{6,9}$/),
      optionalData: fc.stringMatching(/^[A-Z0-9]{0,7}$/),
      state: fc.constantFrom(...KNOWN_STATE_CODES.filter((c) => c.length === 3)),
      format: fc.constantFrom('TD1' as const, 'TD2' as const, 'TD3' as const, 'MRVA' as const, 'MRVB' as const),
      spot: fc.nat(),
      pick: fc.nat(),
    });
    // A fixed seed keeps CI reproducible; MRZ_PROPERTY_SEED explores others. A random run found the
    // hole the next test pins (a filler run restored over the truth).
    const SEED = Number(process.env.MRZ_PROPERTY_SEED ?? 20261129);
    type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;
    const run = (f: Case, coveredOnly: boolean, likelySwaps = false) => {
      const code = f.format === 'TD3' ? 'P' : f.format.startsWith('MRV') ? 'V' : 'I';
      const lines = formatMrz(
        { documentCode: code, issuingState: f.state, nationality: f.state, surname: f.surname, givenNames: f.givenNames, documentNumber: f.documentNumber, birthDate: '1985-07-14', expiryDate: '2031-02-28', sex: 'F', optionalData: f.optionalData },
        f.format,
      );
      const layout = LAYOUTS[f.format];
      const covered = (li: number, i: number) =>
        layout.fields.some((x) => (x.check && x.line === li && i >= x.start && i < x.start + x.length) || (x.check?.line === li && x.check.pos === i));
      const spots: [number, number][] = [];
      lines.forEach((l, li) => [...l].forEach((c, i) => CONFUSIONS[c] && (!coveredOnly || covered(li, i)) && spots.push([li, i])));
      if (spots.length === 0) return;
      const [li, i] = spots[f.spot % spots.length]!;
      const alts = CONFUSIONS[lines[li]![i]!]!;
      const misread = [...lines];
      misread[li] = at(lines[li]!, i + 1, alts[f.pick % alts.length]!);
      const truth = parseMrz(lines, { today });
      const asRead = parseMrz(misread, { today });
      const r = likelySwaps ? parseMrz(misread, { today, correct: true, likelySwaps: true }) : repair(misread);
      const flagged = r.warnings.some((w) => ['repaired_unchecked', 'repair_ambiguous', 'possible_misread', 'repair_likeliest'].includes(w.code));
      for (const k of FIELDS) {
        const changedByRepair = r[k] !== asRead[k];
        if (coveredOnly || changedByRepair) expect(r[k] === truth[k] || !r.valid || flagged, k).toBe(true);
      }
    };

    it('inside a field a check digit covers: repaired to the truth, or left invalid or flagged', () => {
      fc.assert(fc.property(cases, (f) => run(f, true)), { numRuns: 300, seed: SEED });
    });

    it('anywhere: a field repair changed is the truth, or the officer is told', () => {
      fc.assert(fc.property(cases, (f) => run(f, false)), { numRuns: 300, seed: SEED });
    });

    it('with likelySwaps (OCR readers) as well: the truth, or invalid, or the officer is told', () => {
      fc.assert(fc.property(cases, (f) => run(f, true, true)), { numRuns: 300, seed: SEED });
      fc.assert(fc.property(cases, (f) => run(f, false, true)), { numRuns: 300, seed: SEED });
    });
  });

  it('does not take three misread fillers for the truth when one misread filler fits as well', () => {
    // TD1 number A00H00CC, its first filler read L. C C at check-digit weights 7 and 3 add 120, so
    // A00H00<<< (CCL taken for fillers) fits the number's and the composite check digit exactly as the
    // truth does. It used to be taken, valid and unflagged; now the zone is left for the officer.
    // With optional data, its 1 once became I to fit the composite: a change that only masked the
    // misread number, since the composite covers the number too.
    for (const optionalData of ['', 'AB1']) {
      const lines = formatMrz({ ...fieldsOf(SPECIMENS.td1!), documentNumber: 'A00H00CC', optionalData }, 'TD1');
      expect(lines[0]!.slice(5, 15)).toBe('A00H00CC<9');
      for (const misread of ['L', 'C']) {
        const r = repair([at(lines[0]!, 14, misread), lines[1]!, lines[2]!]);
        expect(r.valid).toBe(false);
        expect(r.documentNumber).toBe(`A00H00CC${misread}`);
        expect(r.optionalData).toBe(optionalData);
        expect(r.repairs).toEqual([]);
        expect(codes(r.warnings)).toContain('repair_ambiguous');
      }
    }
  });

  it('with likelySwaps, takes 0→O over 0→Q when both fit every check digit, and says so', () => {
    // Optional data C00Z6HI75OS printed; the O read as 0. Changing the first 0 to Q fits the check
    // digits just as well, so strict repair leaves the zone ambiguous.
    const read = ['P<AUSSENOSDEBE<<US<YAELICH<<<<<<<<<<<<<<<<<<', '8VD728V<<2SAU2804246<1803208C00Z6HI750S<<<88'];
    const strict = repair(read);
    expect(strict.valid).toBe(false);
    expect(strict.warnings.map((w) => w.code)).toContain('repair_ambiguous');
    const likely = parseMrz(read, { today, correct: true, likelySwaps: true });
    expect(likely.valid).toBe(true);
    expect(likely.lines[1]).toBe('8VD728V<<2SAU2804246<1803208C00Z6HI75OS<<<88');
    expect(likely.repairs).toEqual([{ line: 2, position: 38, from: '0', to: 'O' }]);
    expect(likely.warnings.map((w) => w.code)).toContain('repair_likeliest');
  });

  it('refuses what it cannot place: a zone too far from any format stays invalid', () => {
    const r = repair(['P<UTOERIKSSON', 'L898902C36']);
    expect(r.valid).toBe(false);
    expect(r.errors[0]!.code).toBe('format');
  });
});

function fieldsOf(lines: string[]): MrzFields {
  const r = parseMrz(lines, { today });
  return { ...r, sex: r.sex, optionalData: r.optionalData, optionalData2: r.optionalData2 ?? '' } as MrzFields;
}
