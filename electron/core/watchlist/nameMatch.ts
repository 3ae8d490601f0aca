/**
 * Compares a traveller's name with one list name and says why they match. Tokens are paired regardless
 * of order (so the surname/given-name split and "SURNAME, Given" order do not matter), each pair scored
 * by the best of: same token, known variant, same sound, consonant skeleton (scripts without vowels),
 * Jaro-Winkler, MRZ truncation. Neighbours are also tried joined (ABD ALLAH / ABDULLAH, JEAN PIERRE / JEANPIERRE).
 */
import { makeToken, popcount, type NameToken } from './names';
import { canonicalToken } from './nameVariants';
import { jaroWinkler } from './similarity';

/** How two name tokens were paired; the screens name each kind (`watchlist.reason.kind.<kind>`). */
export const PAIR_KINDS = ['exact', 'sound', 'skeleton', 'fuzzy', 'truncated', 'initial', 'joined', 'weak'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export interface TokenPair {
  query: string;
  list: string;
  sim: number;
  kind: PairKind;
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  unmatchedQuery: string[];
  unmatchedList: string[];
}

/** Below this a token pair is not a match at all (names differ there). */
const PAIR_FLOOR = 0.82;
/** Neighbours joined must then match about as well as a typo would: joining is already one liberty taken. */
const JOINED_FLOOR = 0.88;

export function tokenSimilarity(q: NameToken, c: NameToken, queryLast: boolean): { sim: number; kind: PairKind } {
  if (q.text === c.text) return { sim: 1, kind: 'exact' };
  let best = { sim: 0, kind: 'fuzzy' as PairKind };
  if (q.skeletal !== c.skeletal && q.skel.length >= 1 && c.skel.length >= 1) {
    // Arabic/Hebrew/Thai script against Latin: only the consonants are comparable, and less surely.
    const skelQ = q.skeletal ? [q.skel, q.skelAlt] : [q.skel];
    const skelC = c.skeletal ? [c.skel, c.skelAlt] : [c.skel];
    for (const a of skelQ)
      for (const b of skelC) {
        if (a === b) {
          const sim = a.length >= 3 ? 0.9 : 0.86;
          if (sim > best.sim) best = { sim, kind: 'skeleton' };
        } else if (a.length >= 3 && b.length >= 3) {
          const jwS = jaroWinkler(a, b);
          if (jwS >= 0.88 && jwS * 0.92 > best.sim) best = { sim: jwS * 0.92, kind: 'skeleton' };
        }
      }
  }
  // Typos are judged on the spelling as written (ADBUL vs ABDUL), variants on the folded form.
  let jw = Math.max(jaroWinkler(q.text, c.text), q.raw === q.text && c.raw === c.text ? 0 : jaroWinkler(q.raw, c.raw));
  // Two- and three-letter tokens (Korean and Chinese syllables) differ by one letter all the time.
  if (Math.min(q.raw.length, c.raw.length) <= 3) jw -= 0.12;
  // Short syllables that differ in their first letter are different syllables (BYONG / YONG).
  else if (Math.min(q.raw.length, c.raw.length) <= 5 && q.raw[0] !== c.raw[0]) jw -= 0.08;
  // Two neighbouring letters swapped (ADB / ABD, SKO / SOK): Jaro's window is too small to see it in short tokens.
  if (jw < 0.9 && q.raw.length === c.raw.length && q.raw.length >= 3 && adjacentSwap(q.raw, c.raw)) jw = 0.9;
  // Doubled letters typed once or twice (SSON / SON, JIBRRIL / JIBRIL) are the same name.
  if (q.single === c.single && jw < 0.95) jw = 0.95;
  if (jw > best.sim) best = { sim: jw, kind: 'fuzzy' };
  if (q.phon === c.phon && q.raw.length >= 4 && c.raw.length >= 4 && best.sim < 0.88 && jw >= 0.78) best = { sim: 0.88, kind: 'sound' };
  // The MRZ cuts long names at the end of the field: a query's last token may be a prefix.
  if (queryLast && q.raw.length >= 5 && c.raw.length > q.raw.length && c.raw.startsWith(q.raw) && best.sim < 0.95)
    best = { sim: 0.95, kind: 'truncated' };
  if (q.raw.length === 1 && c.raw[0] === q.raw && c.raw.length > 1) best = { sim: 0.85, kind: 'initial' };
  else if (c.raw.length === 1 && q.raw[0] === c.raw && q.raw.length > 1) best = { sim: 0.85, kind: 'initial' };
  return best;
}

function adjacentSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return false;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function weightOf(toks: NameToken[]): number {
  let w = 0;
  for (const t of toks) w += t.weight;
  return w;
}

/** Neighbours on one side, joined (JEAN PIERRE -> JEANPIERRE). */
interface JoinedRun {
  start: number;
  len: number;
  raw: string;
  skeletal: boolean;
  /** Letters of the parts together, to reject most runs before making a token of them. */
  mask: number;
  nLetters: number;
  /** Every part a particle or four letters or more (not short syllables such as KIM, MI, JI). */
  longParts: boolean;
  token?: NameToken;
}

const longPart = (t: NameToken) => t.particle || t.raw.length >= 4;

function run(toks: NameToken[], start: number, len: number): JoinedRun {
  let raw = '';
  let skeletal = false;
  let mask = 0;
  let longParts = true;
  for (let k = start; k < start + len; k++) {
    const t = toks[k]!;
    raw += t.raw;
    skeletal ||= t.skeletal;
    mask |= t.mask;
    longParts &&= longPart(t);
  }
  return { start, len, raw, skeletal, mask, nLetters: popcount(mask), longParts };
}

/**
 * Runs of neighbours that may be one name written apart: every two neighbours, and three when a
 * particle is among the first two (VAN DER BERG / VANDERBERG, DE LA CRUZ / DELACRUZ).
 */
function joinedRuns(toks: NameToken[]): JoinedRun[] {
  const out: JoinedRun[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    out.push(run(toks, i, 2));
    if (i + 2 < toks.length && (toks[i]!.particle || toks[i + 1]!.particle)) out.push(run(toks, i, 3));
  }
  return out;
}

/**
 * Cheap rejection: spellings sharing under half their letters cannot reach the floor (unless one side
 * is a consonant skeleton, an initial or an MRZ-truncated prefix).
 */
function tooDifferent(q: NameToken, c: NameToken): boolean {
  return q.text !== c.text && q.skeletal === c.skeletal && q.raw.length > 1 && c.raw.length > 1 &&
    2 * popcount(q.mask & c.mask) < Math.max(q.nLetters, c.nLetters);
}

/** The same test for a joined run, before its token is made (most runs stop here: a list is long). */
function runTooDifferent(r: JoinedRun, t: NameToken): boolean {
  return r.skeletal === t.skeletal && t.raw.length > 1 && 2 * popcount(r.mask & t.mask) < Math.max(r.nLetters, t.nLetters);
}

/** A pairing candidate: query tokens i..i+qn-1 with list tokens j..j+cn-1 (one side is a single token). */
interface Cell {
  i: number;
  j: number;
  qn: number;
  cn: number;
  sim: number;
  kind: PairKind;
}

/**
 * Joined runs of one side paired with the single tokens of the other. First (`early`) only those that
 * compete with single pairs: a run that spells the other token, or comes close with long parts and
 * about the same length. Short syllables joined (KIM YONG ~ KYONG, MI YONG ~ MYONG) and a short token
 * against a long joined one (CHANON ~ CHANG MYONG) resemble by chance: those only pair what single
 * pairs left over (`early` false, with the tokens still unused).
 */
function joinedCells(runs: JoinedRun[], others: NameToken[], runsAreQuery: boolean, nq: number, early: boolean,
  usedRuns: Uint8Array, usedOthers: Uint8Array, cells: Cell[]): void {
  for (const r of runs) {
    if (!early && !allFree(usedRuns, r.start, r.len)) continue;
    const queryLast = runsAreQuery && r.start + r.len === nq;
    for (let o = 0; o < others.length; o++) {
      const t = others[o]!;
      if (!early && usedOthers[o]) continue;
      let sim: number;
      if (canonicalToken(r.raw) === t.text) sim = 1;
      else {
        // (the checks before making a token keep this cheap: most runs stop there)
        const close = Math.abs(r.raw.length - t.raw.length) <= 2;
        if (early && !(r.longParts && (close || (queryLast && t.raw.startsWith(r.raw))))) continue;
        if (runTooDifferent(r, t)) continue;
        r.token ??= makeToken(r.raw, r.skeletal);
        const s = runsAreQuery ? tokenSimilarity(r.token, t, queryLast) : tokenSimilarity(t, r.token, false);
        if (early && !close && s.kind !== 'truncated') continue;
        sim = s.sim;
      }
      if (sim < JOINED_FLOOR) continue;
      cells.push(runsAreQuery
        ? { i: r.start, j: o, qn: r.len, cn: 1, sim, kind: 'joined' }
        : { i: o, j: r.start, qn: 1, cn: r.len, sim, kind: 'joined' });
    }
  }
}

function allFree(used: Uint8Array, from: number, n: number): boolean {
  for (let k = from; k < from + n; k++) if (used[k]) return false;
  return true;
}

/** Joined runs of a query, made once for all the candidates it is compared with. */
const queryRuns = new WeakMap<NameToken[], JoinedRun[]>();

export function compareNames(query: NameToken[], list: NameToken[]): NameComparison {
  const nq = query.length;
  const nc = list.length;
  const usedQ = new Uint8Array(nq);
  const usedC = new Uint8Array(nc);
  const pairs: TokenPair[] = [];
  let matchedQ = 0;
  let matchedC = 0;
  /**
   * Takes the cells best first where their tokens are free. On a tie a joined pair goes first (it
   * accounts for more of the name: BEN ALI ~ BENALI before a lone BEN = BEN), then an exact one.
   */
  const assign = (cells: Cell[]) => {
    cells.sort((a, b) => b.sim - a.sim || (a.kind === 'joined' ? -1 : b.kind === 'joined' ? 1 : a.kind === 'exact' ? -1 : 0));
    for (const cell of cells) {
      if (!allFree(usedQ, cell.i, cell.qn) || !allFree(usedC, cell.j, cell.cn)) continue;
      usedQ.fill(1, cell.i, cell.i + cell.qn);
      usedC.fill(1, cell.j, cell.j + cell.cn);
      const qs = query.slice(cell.i, cell.i + cell.qn);
      const cs = list.slice(cell.j, cell.j + cell.cn);
      pairs.push({ query: qs.map((t) => t.text).join(' '), list: cs.map((t) => t.text).join(' '), sim: cell.sim, kind: cell.kind });
      matchedQ += cell.sim * weightOf(qs);
      matchedC += cell.sim * weightOf(cs);
    }
  };
  const cells: Cell[] = [];
  for (let i = 0; i < nq; i++) {
    const q = query[i]!;
    for (let j = 0; j < nc; j++) {
      const c = list[j]!;
      if (tooDifferent(q, c)) continue;
      const s = tokenSimilarity(q, c, i === nq - 1);
      if (s.sim >= PAIR_FLOOR) cells.push({ i, j, qn: 1, cn: 1, sim: s.sim, kind: s.kind });
    }
  }
  // Names written apart on one side and together on the other (JEAN PIERRE / JEANPIERRE, O CONNOR /
  // OCONNOR, ABD ALLAH / ABDULLAH) compete with single pairs, so that JEANPIERRE is not first taken
  // for a fuzzy JEAN and PIERRE left over; the chancier ones then pair what is left.
  let qr = queryRuns.get(query);
  if (!qr) queryRuns.set(query, (qr = joinedRuns(query)));
  const lr = joinedRuns(list);
  joinedCells(qr, list, true, nq, true, usedQ, usedC, cells);
  joinedCells(lr, query, false, nq, true, usedC, usedQ, cells);
  assign(cells);
  if (usedQ.includes(0) && usedC.includes(0)) {
    const late: Cell[] = [];
    joinedCells(qr, list, true, nq, false, usedQ, usedC, late);
    joinedCells(lr, query, false, nq, false, usedC, usedQ, late);
    assign(late);
  }
  // A space moved or a letter crossed a token boundary (AREFULLAHA REF / AREFULLAH AREF): compare
  // what is left on both sides as one string each.
  const restQ = query.filter((t, i) => !usedQ[i] && !t.particle);
  const restC = list.filter((t, j) => !usedC[j] && !t.particle);
  if (restQ.length && restC.length && restQ.length + restC.length >= 2) {
    const a = restQ.map((t) => t.raw).join('');
    const b = restC.map((t) => t.raw).join('');
    if (a.length + b.length >= 6) {
      const sim = jaroWinkler(a, b);
      if (sim >= 0.86) {
        pairs.push({ query: restQ.map((t) => t.raw).join(' '), list: restC.map((t) => t.raw).join(' '), sim, kind: 'joined' });
        for (const t of restQ) matchedQ += sim * t.weight;
        for (const t of restC) matchedC += sim * t.weight;
        query.forEach((t, i) => restQ.includes(t) && (usedQ[i] = 1));
        list.forEach((t, j) => restC.includes(t) && (usedC[j] = 1));
      }
    }
  }

  // Transcriptions from syllabic scripts (ウラジーミル, 블라디미르) only resemble the Latin name: such a
  // leftover pair adds a little evidence, never enough for a hit on its own.
  let weak = 0;
  for (let i = 0; i < nq; i++) {
    const q = query[i]!;
    if (usedQ[i] || q.particle || q.raw.length < 5) continue;
    let bestJ = -1;
    let bestSim = 0.72;
    for (let j = 0; j < nc; j++) {
      const c = list[j]!;
      if (usedC[j] || c.particle || c.raw.length < 5) continue;
      const sim = jaroWinkler(q.raw, c.raw);
      if (sim >= bestSim) {
        bestSim = sim;
        bestJ = j;
      }
    }
    if (bestJ < 0) continue;
    usedQ[i] = usedC[bestJ] = 1;
    weak++;
    pairs.push({ query: q.raw, list: list[bestJ]!.raw, sim: bestSim, kind: 'weak' });
    matchedQ += bestSim * 0.7 * q.weight;
    matchedC += bestSim * 0.7 * list[bestJ]!.weight;
  }

  const unmatchedQuery = query.filter((_, i) => !usedQ[i]).map((t) => t.text);
  const unmatchedList = list.filter((_, j) => !usedC[j]).map((t) => t.text);
  const wq = weightOf(query);
  const wc = weightOf(list);
  if (!pairs.length || wq === 0 || wc === 0) return { score: 0, pairs, unmatchedQuery, unmatchedList };
  const covQ = Math.min(1, matchedQ / wq);
  const covC = Math.min(1, matchedC / wc);
  // The side with fewer name parts decides most (a dropped or added middle name costs a little).
  let score = 0.65 * Math.max(covQ, covC) + 0.35 * Math.min(covQ, covC);

  const meaningfulPairs = pairs.filter((p) => p.kind !== 'weak' && (p.kind === 'joined' || !makeToken(p.query, false).particle));
  const strongQ = query.filter((t) => !t.particle && t.text.length > 1).length;
  const strongC = list.filter((t) => !t.particle && t.text.length > 1).length;
  if (meaningfulPairs.length === 1 && weak > 0) {
    score = Math.min(score, 0.8);
  } else if (meaningfulPairs.length <= 1 && (strongQ > 1 && strongC > 1)) {
    // One shared name part out of several on both sides is a coincidence, not an identity.
    score = Math.min(score, 0.6);
  } else if (meaningfulPairs.length === 1 && strongQ <= 1 && strongC > 1) {
    // A traveller known by one name only: a rare full match is worth review, a common one is not.
    const only = query.find((t) => !t.particle) ?? query[0]!;
    if (only.common || only.text.length < 4) score = Math.min(score, 0.6);
  }
  return { score, pairs, unmatchedQuery, unmatchedList };
}
