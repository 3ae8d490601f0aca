/**
 * Thai script to Latin for personal names, by rule: the Royal Thai General System of Transcription
 * (RTGS), which Thai passports follow loosely, plus the spellings passports actually show.
 *
 * Why not letter by letter (any-ascii): Thai writes some vowels before their consonant (ไพ = PHAI, not
 * AIPH), leaves short vowels unwritten (สม = SOM, ทวี = THAWI), silences letters with ์ (โรจน์ = ROT),
 * and gives most consonants another sound at the end of a syllable (ศ ษ ส ด ต ท ธ จ ช -> T, ร ล ญ ณ -> N).
 *
 * One word gives up to three spellings, best first:
 *   rtgs      strict RTGS (สมชาย ใจดี = SOMCHAI CHAIDI, เศรษฐา = SETTHA)
 *   passport  common passport habits: J for จ, P for พ ภ, EE for a final long i, the written R of
 *             ศร/สร (SRI, SRETTHA), final จ as J (PAIROJ), final ร after o as RN (PORN), final ล as L
 *   sanskrit  only for words ending in a silent ร (ชินวัตร): old Pali-Sanskrit spellings keep that ร
 *             and the linking vowel after a closed syllable (SHINAWATRA, not CHINWAT)
 * The name matcher tries every spelling, so a list alias in Thai meets a passport name in any of them.
 * Syllable breaks are heuristics (Thai does not mark them): good for names, not for all of Thai.
 */

const CONS = 'กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';
/** Sound at the start of a syllable (RTGS). */
const INITIAL: Record<string, string> = {
  ก: 'K', ข: 'KH', ฃ: 'KH', ค: 'KH', ฅ: 'KH', ฆ: 'KH', ง: 'NG', จ: 'CH', ฉ: 'CH', ช: 'CH', ซ: 'S', ฌ: 'CH', ญ: 'Y',
  ฎ: 'D', ฏ: 'T', ฐ: 'TH', ฑ: 'TH', ฒ: 'TH', ณ: 'N', ด: 'D', ต: 'T', ถ: 'TH', ท: 'TH', ธ: 'TH', น: 'N', บ: 'B', ป: 'P',
  ผ: 'PH', ฝ: 'F', พ: 'PH', ฟ: 'F', ภ: 'PH', ม: 'M', ย: 'Y', ร: 'R', ล: 'L', ว: 'W', ศ: 'S', ษ: 'S', ส: 'S', ห: 'H',
  ฬ: 'L', อ: '', ฮ: 'H',
};
/** Sound at the end of a syllable: Thai has only k, t, p, n, m, ng and the glides i/o there. */
const FINAL: Record<string, string> = {
  ก: 'K', ข: 'K', ค: 'K', ฆ: 'K', ง: 'NG', จ: 'T', ช: 'T', ซ: 'T', ญ: 'N', ฎ: 'T', ฏ: 'T', ฐ: 'T', ฑ: 'T', ฒ: 'T',
  ณ: 'N', ด: 'T', ต: 'T', ถ: 'T', ท: 'T', ธ: 'T', น: 'N', บ: 'P', ป: 'P', พ: 'P', ฟ: 'P', ภ: 'P', ม: 'M', ย: 'I',
  ร: 'N', ล: 'N', ว: 'O', ศ: 'T', ษ: 'T', ส: 'T', ฬ: 'N',
};
/** Passport habits where they differ from RTGS (initial, final). */
const PP_INITIAL: Record<string, string> = { จ: 'J', พ: 'P', ภ: 'P' };
const PP_FINAL: Record<string, string> = { จ: 'J', ล: 'L' };

const LEADING = 'เแโใไ';
const ABOVE_BELOW = 'ัิีึืุู็ํ';
const TONES = /[่้๊๋]/g;
/** True consonant clusters (the second letter is sounded: KR, PL, KHW). */
const CLUSTER = new Set(['กร', 'ขร', 'คร', 'ตร', 'ปร', 'พร', 'บร', 'ดร', 'ฟร', 'กล', 'ขล', 'คล', 'ปล', 'พล', 'ผล', 'บล', 'ฟล', 'กว', 'ขว', 'คว']);
/** False clusters: the ร is written but not said (ทราย = SAI, ศรี = SI); passports often keep it (SRI). */
const FALSE_CLUSTER: Record<string, [string, string]> = { ทร: ['S', 'S'], จร: ['CH', 'J'], ซร: ['S', 'S'], ศร: ['S', 'SR'], สร: ['S', 'SR'] };

const isCons = (c: string | undefined) => c !== undefined && CONS.includes(c);
const isMark = (c: string | undefined) => c !== undefined && ABOVE_BELOW.includes(c);

export interface ThaiSpellings {
  rtgs: string;
  passport: string;
  sanskrit: string | null;
}

/**
 * Drops tone marks and what ์ (thanthakhat) silences: the letter under it, a vowel sign on that letter
 * (พันธุ์), and the letter before it when that one would be a second final (ลักษณ์ = LAK, จันทร์ = CHAN,
 * but โรจน์ = ROT: there จ is the only final).
 */
function silence(w: string): string {
  // เกียรติ (KIAT): the ร before ติ is not said either.
  w = w.replace(TONES, '').replace(/[ๆฯ]/g, '').replace(/ียรติ/g, 'ียติ').replace(/เจริ/g, 'จะเริ'); // เจริญ = CHAROEN
  for (let k = w.indexOf('์'); k >= 0; k = w.indexOf('์')) {
    let start = k - 1;
    if (isMark(w[start]) && isCons(w[start - 1])) start--;
    if (isCons(w[start]) && isCons(w[start - 1]) && isCons(w[start - 2]) && /[ัาิีุูึื็ะ]/.test(w[start - 3] ?? '')) start--;
    w = w.slice(0, Math.max(0, start)) + w.slice(k + 1);
  }
  return w;
}

/** Does the consonant at j open a syllable (a vowel sign or the vowel letter อ follows it)? */
function opens(w: string, j: number): boolean {
  const n = w[j + 1];
  if (n === undefined) return false;
  if (isMark(n) || 'าะำๅ'.includes(n)) return true;
  // C + อ is the vowel O (ทอง), unless that อ carries a vowel of its own (พรม|อ่อน).
  if (n === 'อ') return !(isMark(w[j + 2]) || 'าะำอ'.includes(w[j + 2] ?? '-'));
  // A true cluster with a vowel (กระ|จาย): the first letter opens with it.
  if ('รลว'.includes(n) && (CLUSTER.has(w[j] + n) || FALSE_CLUSTER[w[j] + n]) && opens(w, j + 1)) return true;
  // C + ว + C: ว is the vowel UA (สวน), so C opens.
  if (n === 'ว' && isCons(w[j + 2]) && !opens(w, j + 1) && !opens(w, j + 2)) return true;
  // C + ร + ร: the double ร is the vowel A(N) (วรรณ, จรรยา).
  if (n === 'ร' && w[j + 2] === 'ร') return true;
  return false;
}

/** How many consonants from j on carry no vowel of their own (before the next vowel or the end). */
function bareRun(w: string, j: number): number {
  let n = 0;
  while (isCons(w[j + n]) && !opens(w, j + n)) n++;
  return n;
}

interface Syllable {
  init: [string, string]; // [rtgs, passport]
  vowel: string;
  fin: string; // the final letter as written, '' if open
  /** A word-final ร after the final, not said (ชินวัตร, บุตร). */
  silentR: boolean;
}

/** Splits a word (tones and silenced letters already gone) into syllables. */
function syllables(w: string): Syllable[] {
  const out: Syllable[] = [];
  let i = 0;
  while (i < w.length) {
    const lead = LEADING.includes(w[i]!) ? w[i++]! : '';
    let c = w[i];
    // A leading vowel before two letters that are no cluster, the second with a vowel sign, belongs to
    // the second: the first is said with A (เฉลิม = CHALOEM, เจริญ = CHAROEN, เสนอ = SANOE).
    if (lead === 'เ' && c !== undefined && isCons(c) && isCons(w[i + 1]) && !CLUSTER.has(c + w[i + 1]) &&
        !FALSE_CLUSTER[c + w[i + 1]] && c !== 'ห' && (isMark(w[i + 2]) || w[i + 2] === 'อ')) {
      out.push({ init: [INITIAL[c]!, PP_INITIAL[c] ?? INITIAL[c]!], vowel: 'A', fin: '', silentR: false });
      i++;
      c = w[i];
    }
    if (c === 'ฤ') {
      // ฤ alone is a syllable RUE (ฤดี); after a consonant it reads RI (กฤษดา = KRITSADA).
      i++;
      out.push({ init: ['R', 'R'], vowel: 'UE', fin: '', silentR: false });
      continue;
    }
    if (!isCons(c)) {
      i++;
      continue;
    }
    i++;
    let init: [string, string] = [INITIAL[c!]!, PP_INITIAL[c!] ?? INITIAL[c!]!];
    // Silent leading ห before a sonorant (หญิง = YING, หมอ = MO) and อ before ย (อยู่).
    if ((c === 'ห' && 'งญนมยรลว'.includes(w[i] ?? '') && w[i + 1] !== 'ร') || (c === 'อ' && w[i] === 'ย' && opens(w, i))) {
      c = w[i++]!;
      init = [INITIAL[c]!, INITIAL[c]!];
    }
    const c2 = w[i];
    if (c2 === 'ฤ') {
      i++;
      out.push({ init: [init[0] + 'RI', init[1] + 'RI'], vowel: '', fin: '', silentR: false });
      // a bare consonant after ฤ is its final (กฤษ = KRIT)
      const s = out[out.length - 1]!;
      if (isCons(w[i]) && !opens(w, i) && w[i] !== 'อ') s.fin = w[i++]!;
      continue;
    }
    // A cluster: the second letter has the vowel, or a leading vowel spans both, or only a final follows.
    if (c2 && 'รลว'.includes(c2) && !(c2 === 'ร' && w[i + 1] === 'ร')) {
      const pair = c + c2;
      const spans = opens(w, i) || (lead !== '' && (isCons(w[i + 1]) || w[i + 1] === undefined) && !opens(w, i + 1) && c2 !== 'ว') ||
        (c2 !== 'ว' && isCons(w[i + 1]) && !opens(w, i + 1) && (!isCons(w[i + 2]) || opens(w, i + 2)) && w[i + 1] !== 'อ');
      if (spans && CLUSTER.has(pair)) {
        init = [init[0] + INITIAL[c2]!, init[1] + INITIAL[c2]!];
        i++;
      } else if (spans && FALSE_CLUSTER[pair]) {
        init = [...FALSE_CLUSTER[pair]!];
        i++;
      }
    }
    // The vowel: signs above and below, then following letters.
    let marks = '';
    while (isMark(w[i])) marks += w[i++];
    let vowel = '';
    let open = false; // the vowel cannot take a final
    let implied = false; // the unwritten closed o, which must take one
    const n = w[i];
    if (n === 'ำ' || (marks.includes('ํ') && n === 'า')) {
      vowel = 'AM';
      i++;
      open = true;
    } else if (marks.includes('ั')) {
      if (w[i] === 'ว') {
        vowel = 'UA';
        i++;
      } else vowel = 'A';
      if (w[i] === 'ะ') i++;
    } else if (lead === 'เ') {
      if (marks.includes('ี') && w[i] === 'ย') (vowel = 'IA'), i++;
      else if (marks.includes('ื') && w[i] === 'อ') (vowel = 'UEA'), i++;
      else if (marks.includes('ิ')) vowel = 'OE';
      else if (marks.includes('็')) vowel = 'E';
      else if (w[i] === 'า' && w[i + 1] === 'ะ') (vowel = 'O'), (i += 2), (open = true);
      else if (w[i] === 'า') (vowel = 'AO'), i++, (open = true);
      else if (w[i] === 'อ') (vowel = 'OE'), i++;
      else if (w[i] === 'ย' && !opens(w, i)) (vowel = 'OEI'), i++, (open = true);
      else vowel = 'E';
      if (w[i] === 'ะ') (i++), (open = true);
    } else if (lead === 'แ') {
      vowel = 'AE';
      if (w[i] === 'ะ') (i++), (open = true);
    } else if (lead === 'โ') {
      vowel = 'O';
      if (w[i] === 'ะ') (i++), (open = true);
    } else if (lead === 'ไ' || lead === 'ใ') {
      vowel = 'AI';
      open = true;
      if (w[i] === 'ย' && !opens(w, i)) i++; // ไทย = THAI
    } else if (marks.includes('ิ') || marks.includes('ี')) vowel = marks.includes('ี') ? 'II' : 'I';
    else if (marks.includes('ึ')) vowel = 'UE';
    else if (marks.includes('ื')) {
      vowel = 'UE';
      if (w[i] === 'อ') i++;
    } else if (marks.includes('ุ')) vowel = 'U';
    else if (marks.includes('ู')) vowel = 'UU';
    else if (marks.includes('็')) vowel = 'E';
    else if (w[i] === 'า' || w[i] === 'ๅ') (vowel = 'A'), i++;
    else if (w[i] === 'ะ') (vowel = 'A'), i++, (open = true);
    else if (w[i] === 'ร' && w[i + 1] === 'ร') {
      // รร: A before its one final (วรรณ = WAN), else AN (จรรยา = CHANYA, จรรยพร = CHANYAPHON).
      i += 2;
      if (bareRun(w, i) === 1) vowel = 'A';
      else (vowel = 'AN'), (open = true);
    } else if (w[i] === 'อ' && !opens(w, i)) (vowel = 'O'), i++;
    else if (w[i] === 'ว' && !opens(w, i) && isCons(w[i + 1]) && !opens(w, i + 1)) (vowel = 'UA'), i++;
    // Unwritten vowel: consonants without vowels pair up from the end of their run, CoC, and an odd one
    // out in front is Ca (สม|ชาย = SOMCHAI, ก|มล = KAMON, ถ|นน = THANON, สม|พร = SOMPHON, ท|วี = THAWI).
    else if ((1 + bareRun(w, i)) % 2 === 0) (vowel = 'O'), (implied = true);
    else (vowel = 'A'), (open = true);
    let fin = '';
    let silentR = false;
    // ั and ็ (and the UA of สวน, the unwritten o) need a final; other vowels take the next bare
    // consonant only if it is the odd one out of its run (ภูมิ|พล = PHUMIPHON, but สุน|ทร = SUNTHON).
    const needsFinal = implied || marks.includes('ั') || marks.includes('็') || vowel === 'UA';
    // ย and ว after a vowel are its glide (-าย AI, -าว AO, แ-ว AEO); a word-final C + ร after a written
    // vowel is C with a silent ร (บุตร = BUT, มิตร = MIT).
    const endsCR = vowel !== 'A' && isCons(w[i]) && w[i + 1] === 'ร' && i + 2 === w.length;
    if (!open && isCons(w[i]) && !opens(w, i) && (needsFinal || endsCR || 'ยว'.includes(w[i]!) || bareRun(w, i) % 2 === 1)) {
      fin = w[i++]!;
      // A word-final ร after the final is not said (บุตร = BUT, ชินวัตร = CHINNAWAT).
      if (w[i] === 'ร' && i === w.length - 1) (i++), (silentR = true);
    } else if (!open && /^[ตธท]ิ$/.test(w.slice(i)) && (vowel === 'A' || vowel === 'IA')) {
      fin = w[i]!;
      i += 2;
    }
    out.push({ init, vowel, fin, silentR });
  }
  return out;
}

/** The up-to-three spellings of one Thai word (see the module comment). */
export function romanizeThaiWord(word: string): ThaiSpellings {
  const w = silence(word.replace(/[^\u0E00-\u0E7F]/g, ''));
  const syl = syllables(w);
  const silentR = syl.length > 0 && syl[syl.length - 1]!.silentR;
  let rtgs = '';
  let passport = '';
  let sanskrit = '';
  syl.forEach((s, k) => {
    const last = k === syl.length - 1;
    const v = s.vowel.replace('II', 'I').replace('UU', 'U');
    const fr = s.fin ? FINAL[s.fin] ?? '' : '';
    rtgs += s.init[0] + v + fr;
    // passport: EE / OO for a long i / u ending a longer word (JAIDEE, but SRI), J for จ, final ร after o as RN, ล as L
    const pv = s.vowel === 'II' && !s.fin && last && k > 0 ? 'EE' : s.vowel === 'UU' && !s.fin && last ? 'OO' : v;
    let pf = s.fin ? PP_FINAL[s.fin] ?? fr : '';
    if (s.fin === 'ร' && v === 'O') pf = 'RN';
    passport += s.init[1] + pv + pf;
    // sanskrit: a linking A after a closed syllable inside the word, the silent final ร said as RA
    sanskrit += s.init[1] + v + fr + (s.fin && !last && 'NMT'.includes(fr) ? 'A' : '');
  });
  if (silentR) sanskrit += (FINAL[w[w.length - 2]!] === 'T' && !/T$/.test(sanskrit) ? 'T' : '') + 'RA';
  return { rtgs, passport, sanskrit: silentR ? sanskrit : null };
}

/** The distinct spellings of a word, RTGS first. */
export function thaiSpellings(word: string): string[] {
  const s = romanizeThaiWord(word);
  return [...new Set([s.rtgs, s.passport, ...(s.sanskrit ? [s.sanskrit] : [])])].filter(Boolean);
}
