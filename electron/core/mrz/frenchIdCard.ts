/**
 * The French national identity card issued from 1988 until 2021 (still in circulation: it was valid
 * 10, later 15 years) has a 2×36 zone that is not ICAO 9303 TD2 (PRADO FRA-BO-02):
 *
 *   line 1: `IDFRA` · surname (25) · issuing office (6)
 *   line 2: card number (12) · check · given names (14) · birth date YYMMDD · check · sex · composite
 *
 * The composite check digit covers line 1 and line 2 up to the sex. There is no nationality and no
 * expiry date in the zone: the officer must read the validity on the card.
 */
import { checkDigit } from './checkDigit';
import { readMrzDate, todayIso } from './dates';
import type { MrzIssue, MrzResult } from './types';

export const FRENCH_ID_VARIANT = 'FRA-CNI-1988';

export function isFrenchIdCard(lines: string[]): boolean {
  if (lines.length !== 2 || lines[0]!.length !== 36 || lines[1]!.length !== 36 || !lines[0]!.startsWith('IDFRA')) return false;
  // Where TD2 has the birth date (digits), this card has the given names: a standard TD2 zone
  // issued by France is never mistaken for it.
  return /^[A-Z]/.test(lines[1]![13]!) && !/^[0-9]{6}$/.test(lines[1]!.slice(13, 19));
}

const clean = (s: string) => s.replace(/<+/g, ' ').trim();

export function readFrenchIdCard(lines: string[], today: Date, base: MrzResult): MrzResult {
  const [l1, l2] = lines as [string, string];
  const errors: MrzIssue[] = [];
  const warnings: MrzIssue[] = [];
  const err = (field: string, code: string, message: string, line: number, pos0: number, params: Record<string, string | number> = {}) =>
    errors.push({ field, code, message, line, position: pos0 + 1, params });

  for (const [li, line] of [l1, l2].entries()) {
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad) err('structure', 'charset', `Character "${bad[0]}" is not allowed in an MRZ (only A–Z, 0–9 and <).`, li + 1, bad.index, {
        hex: 'U+' + bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
      });
  }
  const check = (field: string, value: string, at: number, label: string) => {
    const ch = l2[at]!;
    if (!/[0-9]/.test(ch) || checkDigit(value) !== Number(ch)) {
      err(field, 'check_digit', `The ${label} check digit is "${ch}" but the ${label} gives ${checkDigit(value)}: the zone was misread or altered.`, 2, at, { found: ch, expected: checkDigit(value) });
    }
  };
  const number = l2.slice(0, 12);
  check('documentNumber', number, 12, 'card number');
  const birthRaw = l2.slice(27, 33);
  check('birthDate', birthRaw, 33, 'date of birth');
  const birth = readMrzDate(birthRaw, 'birth', today);
  if (birth.problem === 'not_a_date') err('birthDate', 'date', `The date of birth "${birthRaw}" is not a calendar date (YYMMDD).`, 2, 27, { value: birthRaw });
  const sexRaw = l2[34]!;
  const sex = sexRaw === 'M' || sexRaw === 'F' ? sexRaw : sexRaw === '<' || sexRaw === 'X' ? 'X' : '';
  if (!sex) err('sex', 'sex', `The sex field holds "${sexRaw}"; only M, F, X or < are allowed.`, 2, 34, { value: sexRaw });
  const composite = l2[35]!;
  const expected = checkDigit(l1 + l2.slice(0, 35));
  if (!/[0-9]/.test(composite) || expected !== Number(composite)) {
    err('compositeCheckDigit', 'check_digit', `The composite check digit is "${composite}" but the zone gives ${expected}: the zone was misread or altered.`, 2, 35, { found: composite, expected });
  }
  const surname = clean(l1.slice(5, 30));
  if (!surname) err('name', 'name', 'The name field is empty.', 1, 5);

  warnings.push({
    field: 'format',
    code: 'variant',
    message: 'French identity card of the 1988–2021 model: its zone is not ICAO 9303 and holds no nationality or expiry date; read the validity on the card.',
    line: 0,
    position: 0,
    params: {},
  });
  if (birth.iso && birth.iso > todayIso(today)) {
    warnings.push({ field: 'birthDate', code: 'birth_in_future', message: `The date of birth ${birth.iso} lies in the future.`, line: 0, position: 0, params: { date: birth.iso } });
  }

  return {
    ...base,
    format: 'TD2',
    variant: FRENCH_ID_VARIANT,
    documentCode: 'ID',
    issuingState: 'FRA',
    nationality: 'FRA',
    surname,
    givenNames: clean(l2.slice(13, 27)),
    documentNumber: number.replace(/<+/g, ''),
    birthDate: birth.iso,
    expiryDate: '',
    sex,
    optionalData: l1.slice(30, 36).replace(/<+$/, ''),
    errors,
    warnings,
    valid: errors.length === 0,
  };
}
