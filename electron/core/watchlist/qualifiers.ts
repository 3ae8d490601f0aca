/**
 * Birth date, nationality and gender adjust a name score: they separate a listed person from a namesake.
 * A list often knows only the birth year, so a year-only match counts, but less than an exact date.
 */
import { countryCode } from './countries';
import type { WatchlistReasonCode } from './types';

export interface Qualifier {
  delta: number;
  reason: string;
  code: WatchlistReasonCode;
  params: Record<string, string | number>;
}

export interface QualifierWeights {
  birthExact: number;
  birthMonth: number;
  birthYearOnly: number;
  birthSameYearOtherDay: number;
  birthYearOff1: number;
  birthYearDifferent: number;
  nationalityMatch: number;
  nationalityDifferent: number;
  genderDifferent: number;
}

export const DEFAULT_QUALIFIER_WEIGHTS: QualifierWeights = {
  birthExact: 0.05,
  birthMonth: 0.03,
  birthYearOnly: 0.02,
  birthSameYearOtherDay: -0.02,
  birthYearOff1: -0.04,
  birthYearDifferent: -0.08,
  nationalityMatch: 0.02,
  nationalityDifferent: -0.03,
  genderDifferent: -0.06,
};

interface PartialDate {
  y: number;
  m?: number;
  d?: number;
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (also `YYYYMMDD`); MRZ unknown parts (`<<`, `XX`) leave the part out. */
export function parseDate(s: string | undefined | null): PartialDate | null {
  if (!s) return null;
  // Lenient: lists and typed input also say 1969-7-16; an impossible day keeps the year and month.
  const m = /^\s*(\d{4})(?:-?(\d{1,2}|XX|<<))?(?:-?(\d{1,2}|XX|<<))?/i.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1850 || y > 2200) return null;
  const mo = m[2] && /^\d+$/.test(m[2]) ? Number(m[2]) : undefined;
  let d = mo && m[3] && /^\d+$/.test(m[3]) ? Number(m[3]) : undefined;
  if (d !== undefined && (d < 1 || d > 31)) d = undefined;
  if (mo !== undefined && (mo < 1 || mo > 12)) return { y };
  return { y, m: mo, d };
}

export function birthDateQualifier(query: string | undefined, listDates: string[], w: QualifierWeights): Qualifier | null {
  const q = parseDate(query);
  if (!q) return null;
  const dates = listDates.map(parseDate).filter((d): d is PartialDate => d !== null);
  if (!dates.length) return null;
  let best: Qualifier | null = null;
  for (const l of dates) {
    let r: Qualifier;
    const diff = Math.abs(l.y - q.y);
    if (diff === 1) r = { delta: w.birthYearOff1, reason: `birth year differs by one (${l.y})`, code: 'birth_year_off_one', params: { year: String(l.y) } };
    else if (diff > 1) r = { delta: w.birthYearDifferent, reason: `birth year differs (${l.y})`, code: 'birth_year_differs', params: { year: String(l.y) } };
    else if (l.m === undefined || q.m === undefined) r = { delta: w.birthYearOnly, reason: 'birth year matches (list gives the year only)', code: 'birth_year_only', params: {} };
    else if (l.m !== q.m) r = { delta: w.birthSameYearOtherDay, reason: 'birth year matches, month differs', code: 'birth_month_differs', params: {} };
    else if (l.d === undefined || q.d === undefined) r = { delta: w.birthMonth, reason: 'birth year and month match', code: 'birth_year_month', params: {} };
    else if (l.d === q.d) r = { delta: w.birthExact, reason: 'birth date exact', code: 'birth_exact', params: {} };
    else r = { delta: w.birthSameYearOtherDay, reason: 'birth year and month match, day differs', code: 'birth_day_differs', params: {} };
    if (!best || r.delta > best.delta) best = r;
  }
  return best;
}

export function nationalityQualifier(query: string | undefined, listNationalities: string[], w: QualifierWeights): Qualifier | null {
  const q = countryCode(query);
  if (!q || q === 'XXA') return null;
  const list = listNationalities.map(countryCode).filter(Boolean);
  if (!list.length) return null;
  if (list.includes(q)) return { delta: w.nationalityMatch, reason: `nationality ${q} matches`, code: 'nationality_match', params: { nationality: q } };
  return { delta: w.nationalityDifferent, reason: `nationality ${q} not among ${list.join(', ')}`, code: 'nationality_differs', params: { nationality: q, list: list.join(', ') } };
}

export function genderQualifier(query: string | undefined, listGender: string, w: QualifierWeights): Qualifier | null {
  const q = (query ?? '').trim().toUpperCase().slice(0, 1);
  if ((q !== 'M' && q !== 'F') || (listGender !== 'M' && listGender !== 'F')) return null;
  if (q === listGender) return null;
  return { delta: w.genderDifferent, reason: `gender differs (list: ${listGender})`, code: 'gender_differs', params: { gender: listGender } };
}
