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
  // visas (MRV-A, MRV-B) have no check digit after their optional data: it runs to the line's end
  const visa = lines[0]?.[0] === 'V';
  if (n === 2 && len === 44) {
    return [rep('A', 44), rep('X', 9) + 'N' + rep('A', 3) + rep('N', 7) + 'A' + rep('N', 7) + (visa ? rep('X', 16) : rep('X', 14) + 'NN')];
  }
  if (n === 2 && len === 36) {
    return [rep('A', 36), rep('X', 9) + 'N' + rep('A', 3) + rep('N', 7) + 'A' + rep('N', 7) + (visa ? rep('X', 8) : rep('X', 7) + 'N')];
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

/** The least difference between the zone's O and 0 heights that counts, relative to their height. */
const MIN_GAP = 0.04;
/** With no proven O: how close to the proven 0's height a glyph must stand to be voted a 0 (OCR-B's O is 8% shorter). */
const ALONE_TOLERANCE = 0.02;

/**
 * The physical difference between O and 0 is a fraction of their height: in the OCR-B font the digit
 * 0 stands 8% taller than the letter O (159 against 147 units), while other printers' faces differ the
 * other way or not at all. So the zone is its own reference: the O's the layout proves (letter-only
 * fields: names, state, nationality) and the 0's it proves (digit-only fields: dates, check digits)
 * are measured, and an O/0 in a mixed field (document number, optional data) gets a vote only when the
 * two references stand clearly apart (at least 4%) and it sits close to one of them. Heights are taken
 * relative to the line's fillers, the same glyph on every line, because each line is cut and scaled
 * on its own. Returns, per line, the character the height says at each voted mixed position.
 */
export function heightVotes(lines: string[], heights: ReadonlyArray<ReadonlyArray<number | null> | undefined>): Array<Map<number, 'O' | '0'>> {
  const votes = lines.map(() => new Map<number, 'O' | '0'>());
  const cls = classes(lines);
  if (!cls || lines.some((l, i) => l.length !== cls[i]!.length)) return votes;
  const usable = lines.map((l, i) => {
    const hs = heights[i];
    return hs && hs.length === l.length ? hs : null;
  });
  // the median height of line i's glyphs that `keep` picks, when it has at least `least` of them
  const medianOf = (i: number, keep: (c: string, k: number) => boolean, least: number) => {
    const hs = usable[i];
    const picked = hs ? [...lines[i]!].flatMap((c, k) => (keep(c, k) && hs[k] != null ? [hs[k]!] : [])) : [];
    return picked.length >= least ? median(picked) : null;
  };
  const fillers = lines.map((_, i) => medianOf(i, (c) => c === '<', 2));
  // The letters the layout proves (not O, which stands taller; not fillers): the fallback scale of a
  // line with no fillers (a visa's full data line), through the zone's filler-to-letter ratio.
  const letters = lines.map((_, i) => medianOf(i, (c, k) => cls[i]![k] === 'A' && /[A-NP-Z]/.test(c), 3));
  const ratios = fillers.flatMap((f, i) => (f !== null && letters[i] !== null ? [f / letters[i]!] : []));
  const ratio = ratios.length ? median(ratios) : null;
  const own = fillers.map((f, i) => f ?? (ratio !== null && letters[i] !== null ? letters[i]! * ratio : null));
  const known = own.filter((f): f is number => f !== null);
  if (!known.length) return votes;
  const zoneFiller = median(known);
  // relative height of each glyph, null where unknown
  const rel = lines.map((l, i) => {
    const hs = usable[i];
    const f = own[i] ?? zoneFiller;
    return hs ? hs.map((h) => (h == null ? null : h / f)) : null;
  });
  const ohs: number[] = [], zeros: number[] = [];
  lines.forEach((l, i) => {
    const r = rel[i];
    if (!r) return;
    [...l].forEach((c, k) => {
      const h = r[k];
      if (h == null) return;
      // the layout proves what these are, whichever way the model read them
      if ((c === 'O' || c === '0') && cls[i]![k] === 'A') ohs.push(h);
      if ((c === 'O' || c === '0') && cls[i]![k] === 'N') zeros.push(h);
    });
  });
  if (!zeros.length) return votes;
  const z = median(zeros);
  let vote: (h: number) => 'O' | '0' | null;
  if (ohs.length) {
    const o = median(ohs);
    if (Math.abs(z - o) < MIN_GAP * Math.min(o, z)) return votes;
    // where it sits on the way from the O's height to the 0's (0 = like the O's, 1 = like the 0's)
    vote = (h) => {
      const t = (h - o) / (z - o);
      return t >= 0.7 && t <= 2 ? '0' : t <= 0.3 && t >= -1 ? 'O' : null;
    };
  } else {
    // No O to compare with (names and states without one): a mixed-field O/0 as tall as the proven
    // 0's is voted a 0, never the reverse. In a print that draws O and 0 alike a true O is voted 0
    // too, but a single O/0 change always breaks its check digit, so such a vote never makes a valid
    // zone and the reader keeps its own reading; what it fixes is two O-for-0 misreads whose weights
    // cancel in the check digit.
    if (zeros.length < 3) return votes;
    vote = (h) => (h >= z * (1 - ALONE_TOLERANCE) && h <= z * (1 + 2 * ALONE_TOLERANCE) ? '0' : null);
  }
  lines.forEach((l, i) => {
    const r = rel[i];
    if (!r) return;
    [...l].forEach((c, k) => {
      const h = r[k];
      if ((c !== 'O' && c !== '0') || h == null || cls[i]![k] !== 'X') return;
      const v = vote(h);
      if (v) votes[i]!.set(k, v);
    });
  });
  return votes;
}

/**
 * The model's lines with O/0 in the mixed fields (document number, optional data) set by glyph height
 * where it votes; letter-only and digit-only positions are left to the layout (resolveZeroOh).
 * Returns null when nothing changes.
 */
export function applyHeightVotes(lines: string[], heights: ReadonlyArray<ReadonlyArray<number | null> | undefined>): string[] | null {
  const votes = heightVotes(lines, heights);
  let changed = false;
  const out = lines.map((l, i) =>
    [...l].map((c, k) => {
      const v = votes[i]!.get(k);
      if (v && v !== c) {
        changed = true;
        return v;
      }
      return c;
    }).join(''),
  );
  return changed ? out : null;
}
