/**
 * Sound keys for transliterated names. Transliterations of one name disagree mostly on vowels and on
 * digraphs (MOHAMMED/MUHAMAD, POUTINE/PUTIN, KHALED/HALID), so the key keeps the first sound and the
 * consonant frame with common digraphs folded. Used for candidate generation (index keys) and as
 * a similarity floor when two spellings sound the same.
 */

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U', 'Y']);

function foldDigraphs(s: string): string {
  return s
    .replace(/^KN/, 'N')
    .replace(/^WR/, 'R')
    .replace(/SCH/g, 'S')
    .replace(/TSCH|TCH|CH|TJ|TX|CZ|CS/g, 'C')
    .replace(/SH|SZ|ZH/g, 'S')
    .replace(/PH/g, 'F')
    .replace(/TH/g, 'T')
    .replace(/DH/g, 'D')
    .replace(/KH/g, 'K')
    .replace(/GH/g, 'G')
    .replace(/DJ|DZ/g, 'J')
    .replace(/CK/g, 'K')
    .replace(/C(?=[EIY])/g, 'S')
    .replace(/C/g, 'K')
    .replace(/Q/g, 'K')
    .replace(/X/g, 'KS')
    .replace(/Z/g, 'S')
    .replace(/GY/g, 'D')
    .replace(/TS/g, 'T')
    // Coarse on purpose: Arabic has neither V nor P, so transliterations swap them freely.
    .replace(/[WV]/g, 'F')
    .replace(/P/g, 'B');
}

/** Sound key: first letter (vowels folded to A), then consonants with H dropped and repeats collapsed. */
export function phoneticKey(token: string): string {
  if (!token) return '';
  const s = foldDigraphs(token);
  let out = VOWELS.has(s[0]!) ? 'A' : s[0]!;
  let last = out;
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (VOWELS.has(c) || c === 'H') {
      last = '';
      continue;
    }
    if (c === last) continue;
    out += c;
    last = c;
  }
  return out;
}

/**
 * Consonant skeleton, for names written in scripts that leave short vowels out (Arabic, Hebrew,
 * Thai as any-ascii renders it): محمد becomes MHMD, which is also the skeleton of MUHAMMAD.
 * Long-vowel letters (W, Y) are dropped inside the word; V/F and P/B are folded (Arabic has no V or P).
 */
export function consonantSkeleton(token: string): string {
  // A final long i (MOHAMMADI, محمدی) is a different name from MOHAMMAD: keep it as Y.
  let s = token.replace(/[IY]$/, '#').replace(/[AEIOU]/g, '').replace(/#$/, 'Y');
  s = s.replace(/^W/, 'F').replace(/[WY](?!$)/g, '').replace(/V/g, 'F').replace(/P/g, 'B');
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}
