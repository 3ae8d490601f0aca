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

/**
 * Parses OCR lines with the check-digit repair, O/0 settled by the layout and, when the glyph
 * heights of each line are given, by height in the mixed fields. Repairs are listed against the
 * lines as read, whichever step made them.
 */
export function resolveZeroOh(lines: string[], today?: Date, heights?: ReadonlyArray<ReadonlyArray<number | null> | undefined>): MrzResult {
  const parse = (l: string[]) => parseMrz(l, { correct: true, likelySwaps: true, ...(today ? { today } : {}) });
  const voted = heights ? applyHeightVotes(lines, heights) : null;
  let r = resolve(voted ?? lines, parse);
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The physical difference between O and 0: OCR-B draws digits taller than capitals (in the Debian
 * OCR-B font, 0 is 159 units high, O 147, flat capitals 140–146, other digits 154–159). Each line
 * measures its own digits and letters; only where the two heights part clearly (a gap of at least 4%
 * and 1.5 px, wider than the spread inside each group) does a glyph read as O or 0 get a vote, and
 * only when its height sits near one group. A font that draws both alike gives no votes at all. Returns, per line, the character the height says at each voted
 * position ('O' or '0').
 */
export function heightVotes(lines: string[], heights: ReadonlyArray<ReadonlyArray<number | null> | undefined>): Array<Map<number, 'O' | '0'>> {
  type Refs = { digits: number[]; letters: number[] };
  const refsOf = (text: string, hs: ReadonlyArray<number | null>, into: Refs) => {
    [...text].forEach((c, k) => {
      const h = hs[k];
      if (h == null) return;
      if (/[1-9]/.test(c)) into.digits.push(h);
      else if (/[A-NP-Z]/.test(c)) into.letters.push(h);
    });
    return into;
  };
  const usable = (i: number) => {
    const hs = heights[i];
    return hs && hs.length === lines[i]!.length ? hs : null;
  };
  // A line's own glyphs are the best reference (each line is cut and scaled on its own); a line
  // with too few digits or letters (TD1 line 1, say) borrows the whole zone's.
  const pooled: Refs = { digits: [], letters: [] };
  lines.forEach((t, i) => {
    const hs = usable(i);
    if (hs) refsOf(t, hs, pooled);
  });
  return lines.map((text, i) => {
    const votes = new Map<number, 'O' | '0'>();
    const hs = usable(i);
    if (!hs) return votes;
    const own = refsOf(text, hs, { digits: [], letters: [] });
    const refs = own.digits.length >= 3 && own.letters.length >= 3 ? own : pooled;
    if (refs.digits.length < 4 || refs.letters.length < 4) return votes;
    const d = median(refs.digits), l = median(refs.letters);
    const gap = d - l;
    const spread = Math.max(median(refs.digits.map((h) => Math.abs(h - d))), median(refs.letters.map((h) => Math.abs(h - l))));
    if (gap < Math.max(1.5, 0.04 * l) || gap < 2 * spread) return votes;
    [...text].forEach((c, k) => {
      const h = hs[k];
      if ((c !== 'O' && c !== '0') || h == null) return;
      const z = (h - l) / gap;
      if (z >= 0.7 && z <= 1.6) votes.set(k, '0');
      else if (z <= 0.35 && z >= -0.6) votes.set(k, 'O');
    });
    return votes;
  });
}

/**
 * The model's lines with O/0 in the mixed fields (document number, optional data) set by glyph height
 * where it votes; letter-only and digit-only positions are left to the layout (resolveZeroOh).
 * Returns null when nothing changes.
 */
export function applyHeightVotes(lines: string[], heights: ReadonlyArray<ReadonlyArray<number | null> | undefined>): string[] | null {
  const cls = classes(lines);
  if (!cls || lines.some((l, i) => l.length !== cls[i]!.length)) return null;
  const votes = heightVotes(lines, heights);
  let changed = false;
  const out = lines.map((l, i) =>
    [...l].map((c, k) => {
      const v = votes[i]!.get(k);
      if (v && v !== c && cls[i]![k] === 'X') {
        changed = true;
        return v;
      }
      return c;
    }).join(''),
  );
  return changed ? out : null;
}
