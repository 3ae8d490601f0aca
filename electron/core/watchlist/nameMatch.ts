/**
 * Compares a traveller's name with one list name and says why they match. Tokens are paired regardless
 * of order (so the surname/given-name split and "SURNAME, Given" order do not matter), each pair scored
 * by the best of: same token, known variant, same sound, consonant skeleton (scripts without vowels),
 * Jaro-Winkler, MRZ truncation. Leftover neighbours are tried joined (ABD ALLAH / ABDULLAH).
 */
import { makeToken, popcount, type NameToken } from './names';
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

export function compareNames(query: NameToken[], list: NameToken[]): NameComparison {
  const nq = query.length;
  const nc = list.length;
  const cells: { i: number; j: number; sim: number; kind: PairKind }[] = [];
  for (let i = 0; i < nq; i++) {
    const q = query[i]!;
    for (let j = 0; j < nc; j++) {
      const c = list[j]!;
      // Cheap rejection: spellings sharing under half their letters cannot reach the floor
      // (unless one side is a consonant skeleton, an initial or an MRZ-truncated prefix).
      if (q.text !== c.text && q.skeletal === c.skeletal && q.raw.length > 1 && c.raw.length > 1 &&
          2 * popcount(q.mask & c.mask) < Math.max(q.nLetters, c.nLetters)) continue;
      const s = tokenSimilarity(q, c, i === nq - 1);
      if (s.sim >= PAIR_FLOOR) cells.push({ i, j, ...s });
    }
  }
  cells.sort((a, b) => b.sim - a.sim || (a.kind === 'exact' ? -1 : 0));
  const usedQ = new Uint8Array(nq);
  const usedC = new Uint8Array(nc);
  const pairs: TokenPair[] = [];
  let matchedQ = 0;
  let matchedC = 0;
  for (const cell of cells) {
    if (usedQ[cell.i] || usedC[cell.j]) continue;
    usedQ[cell.i] = 1;
    usedC[cell.j] = 1;
    const q = query[cell.i]!;
    const c = list[cell.j]!;
    pairs.push({ query: q.text, list: c.text, sim: cell.sim, kind: cell.kind });
    matchedQ += cell.sim * q.weight;
    matchedC += cell.sim * c.weight;
  }
  // Names written apart on one side and together on the other (ABD ALLAH / ABDULLAH, JIN PING / JINPING).
  const tryJoin = (a: NameToken[], usedA: Uint8Array, b: NameToken[], usedB: Uint8Array, aIsQuery: boolean) => {
    for (let i = 0; i + 1 < a.length; i++) {
      if (usedA[i] || usedA[i + 1]) continue;
      const joined = makeToken(a[i]!.raw + a[i + 1]!.raw, a[i]!.skeletal || a[i + 1]!.skeletal);
      for (let j = 0; j < b.length; j++) {
        if (usedB[j]) continue;
        const s = aIsQuery ? tokenSimilarity(joined, b[j]!, i + 1 === a.length - 1) : tokenSimilarity(b[j]!, joined, false);
        if (s.sim < 0.88) continue;
        usedA[i] = usedA[i + 1] = usedB[j] = 1;
        const wA = a[i]!.weight + a[i + 1]!.weight;
        const wB = b[j]!.weight;
        pairs.push(aIsQuery
          ? { query: `${a[i]!.text} ${a[i + 1]!.text}`, list: b[j]!.text, sim: s.sim, kind: 'joined' }
          : { query: b[j]!.text, list: `${a[i]!.text} ${a[i + 1]!.text}`, sim: s.sim, kind: 'joined' });
        if (aIsQuery) {
          matchedQ += s.sim * wA;
          matchedC += s.sim * wB;
        } else {
          matchedC += s.sim * wA;
          matchedQ += s.sim * wB;
        }
        break;
      }
    }
  };
  if (pairs.length < nq || pairs.length < nc) {
    tryJoin(query, usedQ, list, usedC, true);
    tryJoin(list, usedC, query, usedQ, false);
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
