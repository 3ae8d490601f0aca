/**
 * MRZ dates are YYMMDD. The century is not written, so it is chosen the way ICAO 9303 leaves to
 * the reader: a birth year is the latest year not after this year; an expiry year is 20YY unless
 * that is more than 50 years ahead, then 19YY.
 */
export type DateRole = 'birth' | 'expiry';

export interface MrzDate {
  /** `YYYY-MM-DD`, or '' when the digits do not make a calendar date. */
  iso: string;
  /** Why `iso` is empty: 'unknown' when the zone marks parts of the date as not known (`<`). */
  problem?: 'unknown' | 'not_a_date' | 'partial';
}

const DIGITS6 = /^[0-9]{6}$/;

export function centuryYear(yy: number, role: DateRole, today: Date, mm = 1, dd = 1): number {
  const thisYear = today.getUTCFullYear();
  if (role === 'birth') {
    const y = Math.floor(thisYear / 100) * 100 + yy;
    return y <= thisYear ? y : y - 100;
  }
  // Expiry: 20YY unless that date lies more than 50 years ahead (by date: in the 50th year from now,
  // a day after today's month and day is already past the 50 years).
  const y = 2000 + yy;
  const ahead = y - thisYear;
  const laterInYear = mm * 100 + dd > (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  return ahead > 50 || (ahead === 50 && laterInYear) ? y - 100 : y;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

export function readMrzDate(raw: string, role: DateRole, today: Date): MrzDate {
  if (!DIGITS6.test(raw)) {
    // ICAO lets a state mark an unknown day, month or year of birth with fillers.
    // Each of year, month and day is either written or wholly filled; a lone filler is a misread.
    if (raw === '<<<<<<') return { iso: '', problem: 'unknown' };
    if (role === 'birth' && /^([0-9]{2}|<<)([0-9]{2}|<<)([0-9]{2}|<<)$/.test(raw)) return { iso: '', problem: 'partial' };
    return { iso: '', problem: 'not_a_date' };
  }
  const yy = Number(raw.slice(0, 2));
  const mm = Number(raw.slice(2, 4));
  const dd = Number(raw.slice(4, 6));
  const year = centuryYear(yy, role, today, mm, dd);
  if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(year, mm)) return { iso: '', problem: 'not_a_date' };
  return { iso: `${year}-${raw.slice(2, 4)}-${raw.slice(4, 6)}` };
}

/** `YYYY-MM-DD` → `YYMMDD` (for formatMrz). */
export function toMrzDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD, got "${iso}"`);
  return m[1]!.slice(2) + m[2] + m[3];
}

let lastToday = NaN;
let lastIso = '';
/** `YYYY-MM-DD` of a date (cached: every zone of a batch asks for the same day). */
export function todayIso(today: Date): string {
  const t = today.getTime();
  if (t !== lastToday) {
    lastToday = t;
    lastIso = today.toISOString().slice(0, 10);
  }
  return lastIso;
}
