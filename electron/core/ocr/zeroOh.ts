/**
 * OCR-B draws the letter O and the digit 0 almost alike, so both recognisers confuse them.
 * Where the zone's layout says a position holds only letters or only digits, the class decides.
 * In the mixed fields (document number, optional data) only the check-digit repair may change them.
 */
import { parseMrz, type MrzResult } from '../mrz/index';

type Cls = 'A' | 'N' | 'X'; // letters/fillers only, digits/fillers only, mixed

/** Position classes per format and line (ICAO 9303 Parts 4–6), as strings of A/N/X. */
function classes(lines: string[]): string[] | null {
  const n = lines.length;
  const len = lines[0]?.length ?? 0;
  const rep = (c: Cls, k: number) => c.repeat(k);
  if (n === 2 && len === 44) {
    return [rep('A', 44), rep('X', 9) + 'N' + rep('A', 3) + rep('N', 7) + 'A' + rep('N', 7) + rep('X', 14) + 'NN'];
  }
  if (n === 2 && len === 36) {
    return [rep('A', 36), rep('X', 9) + 'N' + rep('A', 3) + rep('N', 7) + 'A' + rep('N', 7) + rep('X', 7) + 'N'];
  }
  if (n === 3 && len === 30) {
    return [rep('A', 5) + rep('X', 9) + 'N' + rep('X', 15), rep('N', 7) + 'A' + rep('N', 7) + rep('A', 3) + rep('X', 11) + 'N', rep('A', 30)];
  }
  return null;
}

export function resolveZeroOh(lines: string[], today?: Date): MrzResult {
  const parse = (l: string[]) => parseMrz(l, { correct: true, likelySwaps: true, ...(today ? { today } : {}) });
  let r = resolve(lines, parse);
  // Repair that does not end in a valid zone is not kept: the officer sees what was read, with
  // its errors (measured on eval.txt: unconfirmed repairs turned right lines into wrong ones).
  if (!r.valid) r = parseMrz(lines, { correct: false, ...(today ? { today } : {}) });
  // every change from what was read is listed, whichever step made it
  if (r.lines.length === lines.length && r.lines.every((l, i) => l.length === lines[i]!.length)) {
    r.repairs = [];
    r.lines.forEach((l, i) => [...l].forEach((c, k) => c !== lines[i]![k] && r.repairs!.push({ line: i + 1, position: k + 1, from: lines[i]![k]!, to: c })));
  }
  return r;
}

function resolve(lines: string[], parse: (lines: string[]) => MrzResult): MrzResult {
  const cls = classes(lines);
  if (!cls || lines.some((l, i) => l.length !== cls[i]!.length)) return parse(lines);
  // a digit where only letters may stand is never right (and the reverse): fix those first
  const fixed = lines.map((l, i) =>
    [...l].map((c, k) => (cls[i]![k] === 'A' && c === '0' ? 'O' : cls[i]![k] === 'N' && c === 'O' ? '0' : c)).join(''),
  );
  // The mixed fields (document number, optional data) are left to the MRZ repair, which changes a
  // character only where one change satisfies a check digit. A wider search over every 0/O choice
  // was tried and dropped: with several choices it can make a check digit agree with a zone that
  // holds another misread character, i.e. turn a bad read into a "valid" one.
  return parse(fixed);
}
