/**
 * Any script to Latin name tokens. any-ascii does most scripts well (Cyrillic, Greek, Vietnamese,
 * Devanagari, Georgian...); this module adds what names need on top of it:
 *  - Korean: Revised Romanization per syllable, with the usual passport spellings of surnames (GIM -> KIM),
 *  - Chinese characters: one token per syllable (pinyin), plus Korean and Japanese readings of common name
 *    characters as alternative forms (金正恩 is KIM JONG UN, not JIN ZHENG EN),
 *  - Thai: a rule-based RTGS romaniser (./thai.ts) with leading vowels, unwritten vowels and final
 *    consonants right; its passport-style spellings (JAIDEE, PAIROJ) come as alternative forms,
 *  - Arabic, Hebrew: any-ascii drops short vowels, so those tokens are flagged to be compared by
 *    consonant skeleton.
 */
import anyAscii from 'any-ascii';
import { romanizeThaiWord } from './thai';

export interface LatinToken {
  text: string;
  /** Written in a script without short vowels: compare by consonant skeleton. */
  skeletal: boolean;
}

const RE_HANGUL = /\p{Script=Hangul}/u;
const RE_HAN = /\p{Script=Han}/u;
const RE_ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u;
const RE_THAI = /\p{Script=Thai}/u;
const RE_GREEK = /\p{Script=Greek}/u;
const RE_EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]/gu;

/** Chinese two-character surnames (欧阳建国 is OUYANG JIANGUO, not OU YANGJIANGUO). */
const COMPOUND_SURNAMES = new Set(['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '令狐', '慕容', '尉迟', '尉遲', '公孙', '公孫', '夏侯', '宇文', '长孙', '長孫', '司徒', '西门', '西門', '端木', '轩辕', '軒轅']);

/** Passport spellings of Korean surnames, keyed by their Revised Romanization. */
const KOREAN_SURNAMES: Record<string, string> = {
  GIM: 'KIM', I: 'LEE', RI: 'LEE', BAG: 'PARK', BAK: 'PARK', CHOE: 'CHOI', JEONG: 'JUNG', GANG: 'KANG', JO: 'CHO', YUN: 'YOON',
  IM: 'LIM', O: 'OH', SEO: 'SUH', SIN: 'SHIN', GWON: 'KWON', AN: 'AHN', RYU: 'YOO', YU: 'YOO', JEON: 'JUN', GO: 'KO', MUN: 'MOON',
  BAEG: 'BAEK', HEO: 'HUH', SIM: 'SHIM', NO: 'ROH', GWAG: 'KWAK', SEONG: 'SUNG', JU: 'JOO', U: 'WOO', GU: 'KOO', EOM: 'UM', GIL: 'KIL',
};

/** Korean (Sino-Korean) readings of characters common in Korean names, North Korean spellings. */
const HANJA_KOREAN: Record<string, string> = {
  金: 'KIM', 李: 'LEE', 朴: 'PARK', 崔: 'CHOI', 鄭: 'JUNG', 正: 'JONG', 恩: 'UN', 日: 'IL', 成: 'SONG', 哲: 'CHOL', 英: 'YONG',
  秀: 'SU', 明: 'MYONG', 南: 'NAM', 東: 'DONG', 永: 'YONG', 光: 'KWANG', 賢: 'HYON', 浩: 'HO', 俊: 'JUN', 民: 'MIN', 載: 'JAE',
  在: 'JAE', 寅: 'IN', 文: 'MUN', 韓: 'HAN', 姜: 'KANG', 趙: 'CHO', 尹: 'YUN', 張: 'JANG', 林: 'LIM', 吳: 'O', 申: 'SHIN',
  權: 'KWON', 黃: 'HWANG', 安: 'AN', 宋: 'SONG', 柳: 'RYU', 洪: 'HONG', 全: 'JON', 高: 'KO', 孫: 'SON', 白: 'PAEK', 許: 'HO',
  河: 'HA', 玄: 'HYON', 勇: 'YONG', 虎: 'HO', 龍: 'RYONG', 植: 'SIK', 國: 'GUK', 淑: 'SUK', 子: 'JA', 順: 'SUN', 玉: 'OK',
  姬: 'HUI', 美: 'MI', 愛: 'AE', 珍: 'JIN', 炳: 'PYONG', 鎬: 'HO', 洙: 'SU', 煥: 'HWAN', 圭: 'GYU', 敏: 'MIN', 泰: 'TAE',
  基: 'KI', 範: 'BOM', 錫: 'SOK', 亨: 'HYONG', 峰: 'BONG', 萬: 'MAN', 吉: 'KIL', 春: 'CHUN', 元: 'WON', 男: 'NAM', 世: 'SE',
  鉉: 'HYON', 赫: 'HYOK', 革: 'HYOK', 鐵: 'CHOL', 容: 'YONG', 大: 'DAE', 德: 'DOK', 雄: 'UNG', 仁: 'IN', 昌: 'CHANG',
};

/** Japanese readings of common family and given names written in kanji. */
const JAPANESE_NAMES: Record<string, string> = {
  山田: 'YAMADA', 田中: 'TANAKA', 佐藤: 'SATO', 鈴木: 'SUZUKI', 高橋: 'TAKAHASHI', 渡辺: 'WATANABE', 伊藤: 'ITO', 山本: 'YAMAMOTO',
  中村: 'NAKAMURA', 小林: 'KOBAYASHI', 加藤: 'KATO', 吉田: 'YOSHIDA', 山口: 'YAMAGUCHI', 松本: 'MATSUMOTO', 井上: 'INOUE',
  木村: 'KIMURA', 林: 'HAYASHI', 清水: 'SHIMIZU', 山崎: 'YAMAZAKI', 森: 'MORI', 池田: 'IKEDA', 橋本: 'HASHIMOTO', 石川: 'ISHIKAWA',
  前田: 'MAEDA', 藤田: 'FUJITA', 岡田: 'OKADA', 後藤: 'GOTO', 長谷川: 'HASEGAWA', 村上: 'MURAKAMI', 近藤: 'KONDO', 坂本: 'SAKAMOTO',
  遠藤: 'ENDO', 青木: 'AOKI', 藤井: 'FUJII', 西村: 'NISHIMURA', 福田: 'FUKUDA', 太田: 'OTA', 三浦: 'MIURA', 岡本: 'OKAMOTO',
  松田: 'MATSUDA', 中川: 'NAKAGAWA', 中野: 'NAKANO', 原田: 'HARADA', 小川: 'OGAWA', 安倍: 'ABE', 岸田: 'KISHIDA', 菅: 'SUGA',
  太郎: 'TARO', 花子: 'HANAKO', 一郎: 'ICHIRO', 次郎: 'JIRO', 健: 'KEN', 翔太: 'SHOTA', 大輔: 'DAISUKE', 誠: 'MAKOTO', 晋三: 'SHINZO',
  文雄: 'FUMIO', 美咲: 'MISAKI', 陽子: 'YOKO', 裕子: 'YUKO', 恵子: 'KEIKO', 洋子: 'YOKO', 直樹: 'NAOKI', 健太: 'KENTA', 拓也: 'TAKUYA',
  由美: 'YUMI', 真由美: 'MAYUMI', 明美: 'AKEMI', 浩: 'HIROSHI', 茂: 'SHIGERU', 清: 'KIYOSHI', 勇: 'ISAMU', 隆: 'TAKASHI', 智子: 'TOMOKO',
};

/** Longest-match segmentation of a kanji word into known Japanese names; null when any part is unknown. */
function japaneseReading(word: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    let found = false;
    for (let len = Math.min(3, word.length - i); len >= 1; len--) {
      const r = JAPANESE_NAMES[word.slice(i, i + len)];
      if (r) {
        out.push(r);
        i += len;
        found = true;
        break;
      }
    }
    if (!found) return null;
  }
  return out;
}

function koreanReading(word: string): string[] | null {
  const out: string[] = [];
  for (const ch of word) {
    const r = HANJA_KOREAN[ch];
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** Latin letters and digits only, upper case; apostrophes and ayn marks vanish, other marks split. */
function latinTokens(ascii: string): string[] {
  return ascii
    .toUpperCase()
    .replace(/['`"]/g, '')
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function romanizeHangulWord(word: string, alone: boolean): string[] {
  const syllables = [...word].map((ch) => latinTokens(anyAscii(ch)).join(''));
  const fix = (s: string) => s.replace(/EO/g, 'O').replace(/EU/g, 'U').replace(/^G(?=[AEIOUW])/, 'K').replace(/([AEIOU])G$/, '$1K');
  // A 3-syllable word (or a lone 2-syllable word) is surname + given name written together.
  const startsWithSurname = syllables.length === 3 || (alone && syllables.length === 2);
  if (syllables.length >= 2 && syllables.length <= 3) {
    return syllables.map((s, i) => (i === 0 && startsWithSurname && KOREAN_SURNAMES[s] ? KOREAN_SURNAMES[s]! : fix(s)));
  }
  if (syllables.length === 1) return [KOREAN_SURNAMES[syllables[0]!] ?? fix(syllables[0]!)];
  // A longer word is a foreign name written in Hangul (블라디미르): keep it one token.
  return [syllables.map(fix).join('')];
}

function greekToLatin(word: string): string {
  // Modern Greek digraphs that any-ascii renders letter by letter.
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/ου/gi, 'u')
    .replace(/^ντ/i, 'd')
    .replace(/^μπ/i, 'b');
}

/**
 * Alternative Latin token sequences for a name as written. Most names give one form; a name in Chinese
 * characters can also give its Korean or Japanese reading.
 */
export function latinForms(raw: string): LatinToken[][] {
  // Most list names are plain ASCII already: skip the script machinery (a million-entry import).
  if (/^[\x20-\x7e]*$/.test(raw)) return [latinTokens(raw).map((text) => ({ text, skeletal: false }))];
  const forms = latinFormsWith(raw, 0);
  const seen = new Set(forms.map((f) => f.map((t) => t.text).join(' ')));
  const add = (f: LatinToken[]) => {
    const key = f.map((t) => t.text).join(' ');
    if (!seen.has(key)) (seen.add(key), forms.push(f));
  };
  // Chinese passports write the given name's syllables as one word (李小龙 = LI XIAOLONG, 欧阳建国 =
  // OUYANG JIANGUO): that spelling too, beside one token per syllable.
  if (RE_HAN.test(raw)) add(latinFormsWith(raw, 0, true)[0]!);
  // Thai: the RTGS form, then the whole name in passport spelling, then in old Pali-Sanskrit spelling
  // (only where a word has one). Whole-name forms, not every mix per word: 2-3 forms keep the index small.
  if (RE_THAI.test(raw)) for (const variant of [1, 2]) add(latinFormsWith(raw, variant)[0]!);
  return forms;
}

/** latinForms with Thai words in one of their spellings (0 RTGS, 1 passport, 2 Pali-Sanskrit or passport). */
function latinFormsWith(raw: string, thaiVariant: number, hanPassport = false): LatinToken[][] {
  const cleaned = raw.replace(RE_EMOJI, ' ').normalize('NFC');
  const words = cleaned.split(/[\s,;·・]+/u).filter(Boolean);
  const base: LatinToken[] = [];
  const alt: LatinToken[][] = [];
  let altUsed = false;
  for (const word of words) {
    if (RE_HANGUL.test(word)) {
      const toks = romanizeHangulWord(word.replace(/[^\p{Script=Hangul}]/gu, ''), words.length === 1);
      for (const t of toks) base.push({ text: t, skeletal: false });
      for (const a of alt) for (const t of toks) a.push({ text: t, skeletal: false });
      continue;
    }
    if (RE_HAN.test(word)) {
      const hanOnly = word.replace(/[^\p{Script=Han}]/gu, '');
      let pinyin = [...hanOnly].flatMap((ch) => latinTokens(anyAscii(ch)));
      const compound = hanOnly.length >= 3 && COMPOUND_SURNAMES.has(hanOnly.slice(0, 2));
      if (hanPassport && pinyin.length === hanOnly.length && hanOnly.length >= 3 && hanOnly.length <= (compound ? 4 : 3)) {
        // surname, then the given name as one word
        const cut = compound ? 2 : 1;
        pinyin = [pinyin.slice(0, cut).join(''), pinyin.slice(cut).join('')];
      } else if (hanOnly.length >= 4) {
        // Four or more characters in one word is a foreign name spelled out in sounds (弗拉基米尔): one token.
        pinyin = [pinyin.join('')];
      }
      const readings = [koreanReading(hanOnly), japaneseReading(hanOnly)].filter((r): r is string[] => r !== null);
      if (readings.length && !altUsed) {
        for (const r of readings) alt.push([...base.map((t) => ({ ...t })), ...r.map((t) => ({ text: t, skeletal: false }))]);
        altUsed = true;
      } else {
        for (const a of alt) for (const t of pinyin) a.push({ text: t, skeletal: false });
      }
      for (const t of pinyin) base.push({ text: t, skeletal: false });
      continue;
    }
    if (RE_THAI.test(word)) {
      // Thai letters go to the romaniser; anything else in the word (digits, Latin) as any-ascii reads it.
      const toks = word.split(/([\u0E00-\u0E7F]+)/u).flatMap((part) => {
        if (!RE_THAI.test(part)) return latinTokens(anyAscii(part));
        const sp = romanizeThaiWord(part);
        const t = thaiVariant === 0 ? sp.rtgs : thaiVariant === 1 ? sp.passport : sp.sanskrit ?? sp.passport;
        return t ? [t] : [];
      });
      for (const t of toks) {
        base.push({ text: t, skeletal: false });
        for (const a of alt) a.push({ text: t, skeletal: false });
      }
      continue;
    }
    const skeletal = RE_ABJAD.test(word);
    const source = RE_GREEK.test(word) ? greekToLatin(word) : word;
    const toks = latinTokens(anyAscii(source));
    for (const t of toks) {
      base.push({ text: t, skeletal });
      for (const a of alt) a.push({ text: t, skeletal });
    }
  }
  return [base, ...alt];
}
