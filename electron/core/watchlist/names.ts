/**
 * A name as matching sees it: Latin tokens, with variants folded, titles dropped, and per-token sound
 * keys. Lists and travellers go through the same preparation so they meet on equal terms.
 */
import { canonicalToken, COMMON_TOKENS, isParticle, TITLES } from './nameVariants';
import { consonantSkeleton, phoneticKey } from './phonetic';
import { latinForms } from './transliterate';

export interface NameToken {
  /** Canonical spelling (variants folded: MOHD -> MUHAMMAD). */
  text: string;
  /** As written (transliterated, upper case): typos are judged on this. */
  raw: string;
  phon: string;
  skel: string;
  /** Skeleton with inner V/W dropped too: Hebrew writes the vowels u/o with the letter vav (פוטין). */
  skelAlt: string;
  /** Spelling with doubled letters made single. */
  single: string;
  /** Distinct consonants in order of the alphabet: survives swapped and shifted letters (AFIZ / FAIZ). */
  letters: string;
  skeletal: boolean;
  /** Bit per letter A-Z present, for a cheap "could these be similar at all" test. */
  mask: number;
  /** Number of distinct letters (bits set in mask). */
  nLetters: number;
  particle: boolean;
  common: boolean;
  /** How much this token says about identity. */
  weight: number;
}

/** Longest name we look at; beyond this a "name" is garbage or an attack, not a person. */
export const MAX_NAME_CHARS = 300;
const MAX_TOKENS = 12;
const MAX_TOKEN_CHARS = 40;

const tokenCache = new Map<string, NameToken>();

export function makeToken(raw: string, skeletal: boolean): NameToken {
  const key = skeletal ? '~' + raw : raw;
  let t = tokenCache.get(key);
  if (t) return t;
  const text = canonicalToken(raw);
  const particle = isParticle(text);
  const common = COMMON_TOKENS.has(text);
  // Skeletal tokens lose inner long-vowel letters (W, Y) before keying, so mhmwd keys like MAHMUD.
  const keyed = skeletal ? text[0] + text.slice(1).replace(/[WY]/g, '') : text;
  t = {
    text,
    raw,
    phon: phoneticKey(keyed),
    skel: consonantSkeleton(text),
    skelAlt: skeletal ? consonantSkeleton(text[0] + text.slice(1).replace(/[VW]/g, '')).replace(/F/g, 'B') : '',
    single: raw.replace(/(.)\1+/g, '$1'),
    letters: [...new Set(raw.replace(/[AEIOUHWY]/g, ''))].sort().join(''),
    skeletal,
    mask: letterMask(raw),
    nLetters: 0,
    particle,
    common,
    // Patronymics (VLADIMIROVICH, PETROVNA) are dropped as often as middle names.
    weight: particle ? 0.25 : text.length === 1 ? 0.3 : common ? 0.7 : /(OVICH|EVICH|OVNA|EVNA|OGLU|OVIC|EVIC)$/.test(text) ? 0.6 : 1,
  };
  t.nLetters = popcount(t.mask);
  if (tokenCache.size > 50_000) tokenCache.clear();
  tokenCache.set(key, t);
  return t;
}

function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 65;
    if (c >= 0 && c < 26) m |= 1 << c;
  }
  return m;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Prepared forms of one written name (usually one; Chinese characters can give more). */
export function prepareName(raw: string): NameToken[][] {
  const text = raw.length > MAX_NAME_CHARS ? raw.slice(0, MAX_NAME_CHARS) : raw;
  const forms: NameToken[][] = [];
  for (const form of latinForms(text)) {
    let toks = form
      .map((t) => ({ text: t.text.slice(0, MAX_TOKEN_CHARS), skeletal: t.skeletal }))
      .filter((t) => t.text.length > 0);
    const withoutTitles = toks.filter((t) => !TITLES.has(t.text));
    // (titles are checked as written; variants are folded in makeToken)
    if (withoutTitles.some((t) => !isParticle(t.text))) toks = withoutTitles;
    if (toks.length > MAX_TOKENS) toks = toks.slice(0, MAX_TOKENS);
    if (toks.length) forms.push(toks.map((t) => makeToken(t.text, t.skeletal)));
  }
  return forms;
}

/** Compact storage form of prepared names: forms by '|', tokens by ' ', skeletal tokens marked with '~'. */
export function encodeForms(forms: NameToken[][]): string {
  return forms.map((f) => f.map((t) => (t.skeletal ? '~' + t.raw : t.raw)).join(' ')).join('|');
}

const formCache = new Map<string, NameToken[][]>();

export function decodeForms(s: string): NameToken[][] {
  if (!s) return [];
  const cached = formCache.get(s);
  if (cached) return cached;
  const forms = s.split('|').map((f) =>
    f.split(' ').map((w) => (w.startsWith('~') ? makeToken(w.slice(1), true) : makeToken(w, false))),
  );
  if (formCache.size > 20_000) formCache.clear();
  formCache.set(s, forms);
  return forms;
}

/** 52-bit FNV-style hash, so index keys are small integers (collisions only add candidates). */
export function keyHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 2246822519) >>> 0;
  }
  return h1 * 1048576 + (h2 & 0xfffff);
}

/** Sound keys for one token as an index sees it; skeletal tokens also try a leading vowel (علي = ALI). */
function tokenKeys(t: NameToken): string[] {
  if (t.skeletal && t.phon[0] !== 'A') return [t.phon, 'A' + t.phon];
  return [t.phon];
}

/** Shortest part a query token is split into: shorter parts are already joined on the list side (JI WON). */
const MIN_SPLIT_PART = 4;

/**
 * Index keys of one prepared form: one per meaningful token ("1:" + sound key), one per pair of
 * meaningful tokens ("2:" + both keys, order-free), and joined neighbours for names written apart
 * or together (ABD ALLAH / ABDALLAH).
 *
 * A query also looks for what the list may have written otherwise, without growing the index: its
 * neighbours joined (JEAN PIERRE for a listed JEANPIERRE) and its long tokens split in two
 * (JEANPIERRE for a listed JEAN PIERRE), in `regrouped`.
 */
export function formKeys(form: NameToken[], queryMode: boolean): { single: string[]; pair: string[]; joined: string[]; regrouped: string[] } {
  const meaningful = form.filter((t) => !t.particle && t.text.length > 1);
  const single = new Set<string>();
  const joinedKeys = new Set<string>();
  const pair = new Set<string>();
  const per: string[][] = [];
  for (const t of meaningful.slice(0, 8)) {
    const ks = queryMode ? tokenKeys(t) : [t.phon];
    per.push(ks);
    for (const k of ks) single.add('1:' + k);
    if (t.letters.length >= 2 && !t.skeletal) single.add('3:' + t.letters);
  }
  // The whole name as one string catches a space moved across a boundary (LAUREN TNKUNDA).
  if (meaningful.length >= 2 && meaningful.length <= 4) {
    const orders = [meaningful];
    if (queryMode) {
      orders.push([...meaningful].reverse());
      if (meaningful.length > 2) orders.push([...meaningful.slice(1), meaningful[0]!], [meaningful[meaningful.length - 1]!, ...meaningful.slice(0, -1)]);
    }
    for (const o of orders) joinedKeys.add('4:' + phoneticKey(o.map((t) => t.raw).join('')));
  }
  for (let i = 0; i < form.length - 1; i++) {
    const a = form[i]!;
    const b = form[i + 1]!;
    if (a.text.length <= 3 || b.text.length <= 3 || a.particle) {
      const joined = makeToken(a.text + b.text, a.skeletal || b.skeletal);
      const ks = queryMode ? tokenKeys(joined) : [joined.phon];
      for (const k of ks) joinedKeys.add('1:' + k);
      per.push(ks);
    }
  }
  const n = Math.min(per.length, 7);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      for (const a of per[i]!)
        for (const b of per[j]!) {
          if (a !== b) pair.add(pairKey(a, b));
        }
  for (const k of joinedKeys) single.delete(k);
  const regrouped = new Set<string>();
  if (queryMode) regroupedKeys(form, meaningful.slice(0, 7), regrouped);
  for (const k of [...single, ...pair, ...joinedKeys]) regrouped.delete(k);
  return { single: [...single], pair: [...pair], joined: [...joinedKeys], regrouped: [...regrouped] };
}

const pairKey = (a: string, b: string) => '2:' + (a < b ? a + '|' + b : b + '|' + a);

/**
 * Query-only keys for parts joined or split otherwise on the list. Neighbours joined (two, or three
 * around a particle), as written and as folded, give a sound key and pairs with the other tokens; a
 * long token cut at each point leaving two parts of four letters or more gives the pair the list
 * holds for the two parts, and each part with the other tokens.
 */
function regroupedKeys(form: NameToken[], others: NameToken[], out: Set<string>): void {
  const withOthers = (k: string, except: NameToken[]) => {
    for (const o of others) if (!except.includes(o) && o.phon !== k) out.add(pairKey(k, o.phon));
  };
  for (let i = 0; i + 1 < form.length; i++) {
    const a = form[i]!;
    const b = form[i + 1]!;
    const c = form[i + 2];
    // (keys formKeys already gives, for shorter neighbours and a leading particle, are dropped after)
    const runs = [[a, b]];
    if (c && (a.particle || b.particle)) runs.push([a, b, c]);
    for (const run of runs) {
      const skeletal = run.some((t) => t.skeletal);
      // As written and as folded: ABDUL RAHMAN is listed ABDULRAHMAN, MOHD ALI may be MUHAMMADALI.
      const spellings = new Set([run.map((t) => t.raw).join(''), run.map((t) => t.text).join('')]);
      for (const sp of spellings) {
        const k = makeToken(sp, skeletal).phon;
        out.add('1:' + k);
        withOthers(k, run);
      }
    }
  }
  for (const t of others) {
    if (t.skeletal || t.raw.length < 2 * MIN_SPLIT_PART) continue;
    for (let cut = MIN_SPLIT_PART; cut <= t.raw.length - MIN_SPLIT_PART; cut++) {
      const a = makeToken(t.raw.slice(0, cut), false);
      const b = makeToken(t.raw.slice(cut), false);
      if (a.phon === b.phon) continue;
      out.add(pairKey(a.phon, b.phon));
      withOthers(a.phon, [t]);
      withOthers(b.phon, [t]);
    }
  }
}
