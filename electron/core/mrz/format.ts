/**
 * Writes fields as a zone: the inverse of parseMrz, used by the scanner simulator and by tests.
 * Unlike parseMrz it throws (RangeError) on fields that cannot be written, because its callers are
 * programs that must not produce a zone nobody could have printed.
 */
import { checkDigit } from './checkDigit';
import { toMrzDate } from './dates';
import { LAYOUTS, fieldOf, type FieldSpec } from './layout';
import type { MrzFormat } from './types';

export interface MrzFields {
  /** `P`, `PM`, `I`, `ID`, `V`… (padded with fillers to two characters). */
  documentCode: string;
  issuingState: string;
  nationality: string;
  surname: string;
  givenNames: string;
  /** Up to 9 characters; TD1 and TD2 take longer numbers (continued in the optional data). */
  documentNumber: string;
  /** `YYYY-MM-DD`, or '' for unknown (written as fillers). */
  birthDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | 'X' | '';
  optionalData?: string;
  /** TD1 only: line 2 optional data. */
  optionalData2?: string;
}

/** ICAO 9303 Part 3 transliterations that are not just "drop the accent". */
const TRANSLIT: Record<string, string> = {
  Ä: 'AE', Æ: 'AE', Å: 'AA', Ö: 'OE', Ø: 'OE', Ü: 'UE', ß: 'SS', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D', Ł: 'L', Ħ: 'H', Ŋ: 'N', Ĳ: 'IJ',
};

/** A name part as MRZ characters: capitals, spaces and hyphens become fillers, apostrophes vanish. */
export function mrzNamePart(s: string): string {
  let out = '';
  for (const ch of s.toUpperCase()) {
    if (ch >= 'A' && ch <= 'Z') out += ch;
    else if (ch === ' ' || ch === '-' || ch === ',' || ch === '<') out += '<';
    else if (ch === "'" || ch === '’' || ch === '.') continue;
    else if (TRANSLIT[ch]) out += TRANSLIT[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (/^[A-Z]+$/.test(base)) out += base;
      else throw new RangeError(`name character "${ch}" has no MRZ transliteration`);
    }
  }
  return out.replace(/<+/g, '<').replace(/^<|<$/g, '');
}

function put(line: string[], f: { start: number; length: number }, value: string, what: string): void {
  if (value.length > f.length) throw new RangeError(`${what} "${value}" is longer than ${f.length} characters`);
  if (!/^[A-Z0-9<]*$/.test(value)) throw new RangeError(`${what} "${value}" holds characters an MRZ cannot carry`);
  const padded = value.padEnd(f.length, '<');
  for (let i = 0; i < f.length; i++) line[f.start + i] = padded[i]!;
}

export function formatMrz(fields: MrzFields, format: MrzFormat): string[] {
  const layout = LAYOUTS[format];
  if (!layout) throw new RangeError(`unknown MRZ format "${String(format)}"`);
  const lines = Array.from({ length: layout.lineCount }, () => Array<string>(layout.lineLength).fill('<'));
  const at = (f: FieldSpec) => lines[f.line]!;

  put(at(fieldOf(layout, 'documentCode')), fieldOf(layout, 'documentCode'), fields.documentCode, 'document code');
  put(at(fieldOf(layout, 'issuingState')), fieldOf(layout, 'issuingState'), fields.issuingState, 'issuing state');
  put(at(fieldOf(layout, 'nationality')), fieldOf(layout, 'nationality'), fields.nationality, 'nationality');

  const nameF = fieldOf(layout, 'name');
  const surname = mrzNamePart(fields.surname);
  const given = mrzNamePart(fields.givenNames);
  // Truncation keeps what fits; the parser warns when a name fills its field.
  const name = (given ? `${surname}<<${given}` : surname).slice(0, nameF.length);
  put(at(nameF), nameF, name, 'name');

  const numF = fieldOf(layout, 'documentNumber');
  const optF = fieldOf(layout, 'optionalData');
  const number = fields.documentNumber;
  let optional = fields.optionalData ?? '';
  if (number.length > numF.length) {
    if (format !== 'TD1' && format !== 'TD2') throw new RangeError(`a ${format} document number has at most 9 characters`);
    // ICAO 9303 Parts 5 and 6: first 9 characters in place, filler in the check digit position,
    // the rest at the start of the optional data followed by the check digit and a filler.
    put(at(numF), numF, number.slice(0, numF.length), 'document number');
    at(numF)[numF.check!.pos] = '<';
    optional = number.slice(numF.length) + checkDigit(number) + '<' + optional;
  } else {
    put(at(numF), numF, number, 'document number');
    at(numF)[numF.check!.pos] = String(checkDigit(at(numF).slice(numF.start, numF.start + numF.length).join('')));
  }
  put(at(optF), optF, optional, 'optional data');
  if (optF.check) {
    const raw = at(optF).slice(optF.start, optF.start + optF.length).join('');
    at(optF)[optF.check.pos] = /^<*$/.test(raw) ? '<' : String(checkDigit(raw));
  }
  if (format === 'TD1') {
    const opt2 = fieldOf(layout, 'optionalData2');
    put(at(opt2), opt2, fields.optionalData2 ?? '', 'optional data (line 2)');
  } else if (fields.optionalData2) {
    throw new RangeError('only TD1 has a second optional data area');
  }

  for (const name of ['birthDate', 'expiryDate'] as const) {
    const f = fieldOf(layout, name);
    const mrzDate = fields[name] === '' ? '<<<<<<' : toMrzDate(fields[name]);
    put(at(f), f, mrzDate, name);
    at(f)[f.check!.pos] = mrzDate === '<<<<<<' ? '<' : String(checkDigit(mrzDate));
  }

  const sexF = fieldOf(layout, 'sex');
  at(sexF)[sexF.start] = fields.sex === 'M' || fields.sex === 'F' ? fields.sex : '<';

  if (layout.composite) {
    const c = layout.composite;
    const covered = c.ranges.map(([li, s, e]) => lines[li]!.slice(s, e).join('')).join('');
    lines[c.line]![c.pos] = String(checkDigit(covered));
  }
  return lines.map((l) => l.join(''));
}
