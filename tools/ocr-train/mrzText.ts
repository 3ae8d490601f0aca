/**
 * Random but well-formed MRZ text for training lines and synthetic pages.
 * Self-contained on purpose: the training recipe must not depend on the app's MRZ parser
 * (that would tie the model to whatever the parser accepted at training time).
 */

export type Rng = () => number;

/** Small deterministic PRNG (mulberry32) so every training run and fixture can be reproduced. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** ICAO 9303 check digit (weights 7,3,1; '<' = 0, A = 10). */
export function checkDigit(s: string): string {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const v = c === '<' ? 0 : c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * w[i % 3]!;
  }
  return String(sum % 10);
}

const COUNTRIES = ['UTO', 'D<<', 'FRA', 'GBR', 'USA', 'ITA', 'ESP', 'NLD', 'BEL', 'CHE', 'AUT', 'POL', 'SWE', 'NOR',
  'CAN', 'AUS', 'JPN', 'CHN', 'IND', 'BRA', 'MEX', 'RUS', 'UKR', 'TUR', 'EGY', 'NGA', 'ZAF', 'KEN', 'MAR', 'IRL',
  'PRT', 'GRC', 'CZE', 'HUN', 'ROU', 'BGR', 'HRV', 'SVK', 'SVN', 'LTU', 'LVA', 'EST', 'FIN', 'DNK', 'ISL', 'LUX',
  'MLT', 'CYP', 'NZL', 'SGP', 'KOR', 'PHL', 'VNM', 'THA', 'IDN', 'MYS', 'PAK', 'BGD', 'IRN', 'IRQ', 'SYR', 'ISR',
  'JOR', 'SAU', 'ARE', 'QAT', 'KWT', 'ARG', 'CHL', 'COL', 'PER', 'VEN', 'CUB', 'XXA', 'XXB', 'XXC', 'EUE', 'UNO'];

// Name-like syllables give letter sequences that look like real names rather than uniform noise,
// while uniform random letters (mixed in below) keep every glyph pair represented.
const SYL = ['AN', 'NA', 'MA', 'RI', 'ER', 'SON', 'SEN', 'OV', 'OVA', 'EZ', 'ES', 'EL', 'LA', 'LI', 'IN', 'KO', 'KA', 'TA',
  'TE', 'DE', 'DO', 'BE', 'BO', 'MO', 'MU', 'HA', 'HE', 'JO', 'JA', 'CH', 'SCH', 'WA', 'WE', 'ZA', 'ZH', 'GU', 'GI', 'PE',
  'PI', 'QU', 'XI', 'YA', 'YU', 'VA', 'VI', 'FO', 'FE', 'ST', 'TH', 'NG', 'RO', 'RA', 'NE', 'NI', 'OS', 'US', 'IC', 'ICH'];

export function randomName(rng: Rng): string {
  if (rng() < 0.25) {
    let s = '';
    const n = int(rng, 2, 9);
    for (let i = 0; i < n; i++) s += pick(rng, [...LETTERS]);
    return s;
  }
  let s = '';
  const n = int(rng, 1, 4);
  for (let i = 0; i < n; i++) s += pick(rng, SYL);
  return s;
}

function names(rng: Rng, width: number): string {
  const surname = [randomName(rng), ...(rng() < 0.25 ? [randomName(rng)] : [])].join('<');
  const given = Array.from({ length: int(rng, 1, 3) }, () => randomName(rng)).join('<');
  return fit(`${surname}<<${given}`, width);
}

function fit(s: string, width: number): string {
  return s.length >= width ? s.slice(0, width) : s + '<'.repeat(width - s.length);
}

function alnum(rng: Rng, n: number, digitShare = 0.6): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng() < digitShare ? pick(rng, [...DIGITS]) : pick(rng, [...LETTERS]);
  return s;
}

export function randomDate(rng: Rng): string {
  const yy = String(int(rng, 0, 99)).padStart(2, '0');
  const mm = String(int(rng, 1, 12)).padStart(2, '0');
  const dd = String(int(rng, 1, 28)).padStart(2, '0');
  return yy + mm + dd;
}

export interface MrzFields {
  format: 'TD1' | 'TD2' | 'TD3';
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: 'M' | 'F' | '<';
  expiryDate: string;
  surname: string;
  givenNames: string;
  optional1: string;
  optional2: string;
}

export function randomFields(rng: Rng, format: MrzFields['format']): MrzFields {
  const numLen = format === 'TD3' ? 9 : 9;
  const docNum = rng() < 0.15 ? alnum(rng, int(rng, 6, 8)) : alnum(rng, numLen);
  const surname = [randomName(rng), ...(rng() < 0.2 ? [randomName(rng)] : [])].join(' ');
  const given = Array.from({ length: int(rng, 1, 2) }, () => randomName(rng)).join(' ');
  return {
    format,
    documentCode: format === 'TD3' ? pick(rng, ['P<', 'P<', 'P<', 'PD', 'PO', 'PS']) : pick(rng, ['I<', 'ID', 'IR', 'AC', 'C<', 'I<']),
    issuingState: pick(rng, COUNTRIES),
    documentNumber: docNum,
    nationality: pick(rng, COUNTRIES),
    birthDate: randomDate(rng),
    sex: pick(rng, ['M', 'F', 'M', 'F', '<'] as const),
    expiryDate: randomDate(rng),
    surname,
    givenNames: given,
    optional1: rng() < 0.5 ? '' : alnum(rng, int(rng, 3, format === 'TD3' ? 14 : 15)),
    optional2: rng() < 0.6 ? '' : alnum(rng, int(rng, 3, 11)),
  };
}

const enc = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '<');

/** ICAO 9303 lines with correct check digits for the given fields. */
export function mrzLines(f: MrzFields): string[] {
  const num = fit(enc(f.documentNumber), 9);
  const cdNum = checkDigit(num);
  const nameField = (w: number) => fit(`${enc(f.surname)}<<${enc(f.givenNames)}`, w);
  if (f.format === 'TD3') {
    const l1 = fit(f.documentCode + f.issuingState + nameField(39), 44);
    const opt = fit(enc(f.optional1), 14);
    const cdOpt = f.optional1 ? checkDigit(opt) : '<';
    const body = num + cdNum + f.nationality + f.birthDate + checkDigit(f.birthDate) + f.sex + f.expiryDate + checkDigit(f.expiryDate) + opt + cdOpt;
    const l2 = body + checkDigit(num + cdNum + f.birthDate + checkDigit(f.birthDate) + f.expiryDate + checkDigit(f.expiryDate) + opt + cdOpt);
    return [l1, l2];
  }
  if (f.format === 'TD2') {
    const l1 = fit(f.documentCode + f.issuingState + nameField(31), 36);
    const opt = fit(enc(f.optional1), 7);
    const body = num + cdNum + f.nationality + f.birthDate + checkDigit(f.birthDate) + f.sex + f.expiryDate + checkDigit(f.expiryDate) + opt;
    const l2 = body + checkDigit(num + cdNum + f.birthDate + checkDigit(f.birthDate) + f.expiryDate + checkDigit(f.expiryDate) + opt);
    return [l1, l2];
  }
  const opt1 = fit(enc(f.optional1), 15);
  const l1 = fit(f.documentCode + f.issuingState + num + cdNum + opt1, 30);
  const opt2 = fit(enc(f.optional2), 11);
  const l2a = f.birthDate + checkDigit(f.birthDate) + f.sex + f.expiryDate + checkDigit(f.expiryDate) + f.nationality + opt2;
  const l2 = l2a + checkDigit(l1.slice(5, 30) + l2a.slice(0, 7) + l2a.slice(8, 15) + l2a.slice(18, 29));
  const l3 = nameField(30);
  return [l1, l2, l3];
}

/** One random line as it would appear in a zone, sometimes cut short as real crops sometimes are. */
export function randomTrainingLine(rng: Rng): string {
  const fmt = pick(rng, ['TD1', 'TD1', 'TD2', 'TD3', 'TD3', 'TD3'] as const);
  const f = randomFields(rng, fmt);
  let line = pick(rng, mrzLines(f));
  if (rng() < 0.15) line = names(rng, line.length); // more name lines: they hold most letters
  if (rng() < 0.08) line = line.slice(0, int(rng, 12, line.length));
  return line;
}
