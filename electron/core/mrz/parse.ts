/**
 * Reads one machine readable zone into the fields the officer sees and the checks that decide
 * whether it can be trusted. Never throws: anything wrong with the input becomes an error entry.
 */
import { checkDigit, isMrzChar } from './checkDigit';
import { readMrzDate, todayIso } from './dates';
import { LAYOUTS, fieldOf, type FieldSpec, type Layout } from './layout';
import { repairZone, restoreTrailingFillers } from './repair';
import { isFrenchIdCard, readFrenchIdCard } from './frenchIdCard';
import { SPECIMEN_STATE, isKnownState } from './states';
import type { MrzFormat, MrzIssue, MrzResult } from './types';

export interface ParseOptions {
  /** Repair OCR confusions (see repair.ts); every change is listed in `repairs`. */
  correct?: boolean;
  /**
   * With `correct`, for OCR readers: a rare confusion (0/D, 0/Q, 1/L) costs more than a common one
   * (0/O), so where two repairs fit every check digit the likelier is taken, with a `repair_likeliest`
   * warning, instead of leaving the zone ambiguous.
   */
  likelySwaps?: boolean;
  /** The day the zone is read (century choice, expiry and birth warnings). Defaults to now. */
  today?: Date;
}

/** Longer than any zone with generous slack: larger input is refused before it is looked at. */
export const MAX_INPUT_CHARS = 1024;

const FIELD_LABEL: Record<string, string> = {
  documentCode: 'document code',
  issuingState: 'issuing state',
  name: 'name',
  documentNumber: 'document number',
  nationality: 'nationality',
  birthDate: 'date of birth',
  sex: 'sex',
  expiryDate: 'date of expiry',
  optionalData: 'optional data',
  optionalData2: 'optional data (line 2)',
  compositeCheckDigit: 'composite check digit',
};

/** Expected first letter of the document code per format (ICAO 9303 Parts 4–7). */
const EXPECTED_CODES: Record<MrzFormat, string> = { TD3: 'P', TD2: 'ACI', TD1: 'ACI', MRVA: 'V', MRVB: 'V' };

export function emptyResult(lines: string[]): MrzResult {
  return {
    format: null,
    documentCode: '',
    issuingState: '',
    nationality: '',
    surname: '',
    givenNames: '',
    documentNumber: '',
    birthDate: '',
    expiryDate: '',
    sex: '',
    optionalData: '',
    valid: false,
    errors: [],
    warnings: [],
    lines,
  };
}

/** Splits input into trimmed, non-empty lines. A single unbroken 88/72/90-character run is cut into lines. */
export function toLines(input: string | string[]): string[] {
  const raw = Array.isArray(input) ? input.flatMap((l) => String(l).split(/\r\n|\r|\n/)) : input.split(/\r\n|\r|\n/);
  const lines = raw.map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 1) {
    const only = lines[0]!;
    // Some scanners send the zone without line breaks.
    for (const layout of [LAYOUTS.TD3, LAYOUTS.TD2, LAYOUTS.TD1]) {
      if (only.length === layout.lineLength * layout.lineCount) {
        return Array.from({ length: layout.lineCount }, (_, i) => only.slice(i * layout.lineLength, (i + 1) * layout.lineLength));
      }
    }
  }
  return lines;
}

/** Which zone the lines are, from their count, lengths and (2-line zones) the visa letter. */
export function detectFormat(lines: string[]): MrzFormat | null {
  const n = lines.length;
  if (n === 3 && lines.every((l) => l.length === 30)) return 'TD1';
  if (n !== 2) return null;
  const visa = lines[0]!.startsWith('V');
  if (lines.every((l) => l.length === 44)) return visa ? 'MRVA' : 'TD3';
  if (lines.every((l) => l.length === 36)) return visa ? 'MRVB' : 'TD2';
  return null;
}

function shapeParams(lines: string[]): Record<string, string | number> {
  return lines.length === 0 ? { variant: 'empty' } : { lines: lines.length, lengths: lines.map((l) => l.length).join(', ') };
}

function describeShape(lines: string[]): string {
  if (lines.length === 0) return 'The input holds no zone.';
  const lengths = lines.map((l) => l.length).join(', ');
  return `The input has ${lines.length} line${lines.length === 1 ? '' : 's'} of ${lengths} characters; a zone is 3 lines of 30 (TD1), 2 of 36 (TD2, MRV-B) or 2 of 44 (TD3, MRV-A).`;
}

/** `ERIKSSON<<ANNA<MARIA<<<` → surname and given names, fillers as single spaces. */
export function splitName(raw: string): { surname: string; givenNames: string } {
  const clean = (s: string) => s.replace(/<+/g, ' ').trim();
  const at = raw.indexOf('<<');
  if (at < 0) return { surname: clean(raw), givenNames: '' };
  return { surname: clean(raw.slice(0, at)), givenNames: clean(raw.slice(at + 2)) };
}

class Reader {
  readonly errors: MrzIssue[] = [];
  readonly warnings: MrzIssue[] = [];
  constructor(
    readonly lines: string[],
    readonly layout: Layout,
  ) {}

  text(f: { line: number; start: number; length: number }): string {
    return this.lines[f.line]!.slice(f.start, f.start + f.length);
  }

  error(field: string, code: string, message: string, line0: number, pos0: number, params: Record<string, string | number> = {}): void {
    this.errors.push({ field, code, message, line: line0 + 1, position: pos0 + 1, params });
  }

  warn(field: string, code: string, message: string, line0 = -1, pos0 = -1, params: Record<string, string | number> = {}): void {
    this.warnings.push({ field, code, message, line: line0 + 1, position: pos0 + 1, params });
  }

  /** Letters and fillers only (codes, states, names, sex). */
  requireLetters(f: FieldSpec): void {
    const s = this.text(f);
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch >= '0' && ch <= '9') {
        this.error(f.name, 'charset', `The ${FIELD_LABEL[f.name]} holds the digit "${ch}" where only letters are allowed.`, f.line, f.start + i, { variant: 'letters_only', char: ch });
        return;
      }
    }
  }

  /** Checks `value` against the check digit at `at`; returns whether it matched. */
  checkDigitAt(field: string, value: string, at: { line: number; pos: number }, allowFillerWhenEmpty: boolean): boolean {
    const ch = this.lines[at.line]![at.pos]!;
    const label = field === 'compositeCheckDigit' ? 'composite' : FIELD_LABEL[field] ?? field;
    const over = field === 'compositeCheckDigit' ? 'the characters it covers give' : `the ${label} gives`;
    if (ch === '<' && allowFillerWhenEmpty && /^<*$/.test(value)) return true;
    if (!(ch >= '0' && ch <= '9')) {
      this.error(field, 'check_digit', `The ${label} check digit is "${ch}", not a digit: the zone was misread or is not genuine.`, at.line, at.pos, { variant: 'not_digit', found: ch });
      return false;
    }
    const expected = checkDigit(value);
    if (expected < 0) return false; // a character error was already reported
    if (expected !== Number(ch)) {
      this.error(field, 'check_digit', `The ${label} check digit is ${ch} but ${over} ${expected}: the zone was misread or altered.`, at.line, at.pos, { found: ch, expected });
      return false;
    }
    return true;
  }
}

function parseLines(lines: string[], format: MrzFormat, today: Date): MrzResult {
  const layout = LAYOUTS[format];
  const r = new Reader(lines, layout);
  const result = emptyResult(lines);
  result.format = format;

  // Characters first: everything below assumes the 37-character alphabet.
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let reported = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (isMrzChar(ch)) continue;
      if (reported++ >= 3) {
        r.error('structure', 'charset', `Line ${li + 1} has more characters an MRZ cannot contain.`, li, i, { variant: 'too_many' });
        break;
      }
      r.error('structure', 'charset', describeBadChar(ch), li, i, badCharParams(ch));
    }
  }

  // Document code.
  const code = fieldOf(layout, 'documentCode');
  const codeRaw = r.text(code);
  result.documentCode = codeRaw.replace(/<+/g, '');
  if (/^[A-Z][0-9]$/.test(codeRaw)) {
    // The US permanent resident card writes C1; a digit there is a national choice, not a misprint.
    r.warn('documentCode', 'document_code_digit', `The document code ${codeRaw} has a digit in second place (as the US permanent resident card's C1 does); compare with the document type.`, 0, 1, { code: codeRaw });
  }
  if (!/^[A-Z]/.test(codeRaw)) {
    r.error('documentCode', 'document_code', 'The zone does not start with a document code letter.', 0, 0, { variant: 'no_letter' });
  } else if (!EXPECTED_CODES[format].includes(codeRaw[0]!)) {
    r.warn('documentCode', 'document_code', `A ${format} zone normally starts with ${EXPECTED_CODES[format].split('').join(', ')}; this one starts with ${codeRaw[0]}.`, 0, 0, { format, expected: EXPECTED_CODES[format].split('').join(', '), found: codeRaw[0]! });
  }

  // States.
  for (const name of ['issuingState', 'nationality'] as const) {
    const f = fieldOf(layout, name);
    const raw = r.text(f);
    r.requireLetters(f);
    const value = raw.replace(/<+/g, '');
    result[name] = value;
    if (!/^[A-Z]{1,3}<*$/.test(raw)) {
      if (!/[0-9]/.test(raw)) r.error(name, 'state', `The ${FIELD_LABEL[name]} "${raw}" is not a state code.`, f.line, f.start, { value: raw });
    } else if (value === SPECIMEN_STATE) {
      r.warn(name, 'specimen', `The ${FIELD_LABEL[name]} is UTO (Utopia), ICAO's specimen state: this is a specimen, not a real document.`, f.line, f.start);
    } else if (!isKnownState(value)) {
      r.warn(name, 'unknown_state', `The ${FIELD_LABEL[name]} code ${value} is not a known state or organisation code; check the document.`, f.line, f.start, { value });
    } else if (value === 'DEU') {
      // Germany writes D<< in its documents; DEU there is worth a second look.
      r.warn(name, 'unusual_state_code', `Germany writes its code as D, not DEU; check the document.`, f.line, f.start);
    }
  }

  // Name.
  const nameField = fieldOf(layout, 'name');
  const nameRaw = r.text(nameField);
  r.requireLetters(nameField);
  Object.assign(result, splitName(nameRaw));
  if (result.surname === '') r.error('name', 'name', 'The name field is empty.', nameField.line, nameField.start);
  if (/[A-Z]$/.test(nameRaw)) {
    r.warn('name', 'name_truncated', 'The name fills the whole field and may be truncated; compare with the printed name.', nameField.line, nameField.start + nameField.length - 1);
  }

  // Document number, including the long-number variant of TD1 and TD2 (continues in the optional data).
  const num = fieldOf(layout, 'documentNumber');
  const numRaw = r.text(num);
  const numCheck = num.check!;
  const opt = fieldOf(layout, 'optionalData');
  let optRaw = r.text(opt);
  const longAllowed = format === 'TD1' || format === 'TD2';
  const numCheckChar = lines[numCheck.line]![numCheck.pos];
  if (longAllowed && numCheckChar === '<' && /^[A-Z0-9]{9}$/.test(numRaw) && /^[A-Z0-9]/.test(optRaw)) {
    const end = optRaw.indexOf('<');
    const ext = end < 0 ? optRaw : optRaw.slice(0, end);
    const digitAt = { line: opt.line, pos: opt.start + ext.length - 1 };
    const full = numRaw + ext.slice(0, -1);
    result.documentNumber = full;
    r.checkDigitAt('documentNumber', full, digitAt, false);
    optRaw = end < 0 ? '' : optRaw.slice(end + 1);
  } else {
    result.documentNumber = numRaw.replace(/<+/g, '');
    if (result.documentNumber === '') r.error('documentNumber', 'document_number', 'The document number is empty.', num.line, num.start);
    const gap = /<+[A-Z0-9]/.exec(numRaw);
    // Fillers normally only pad a number at its end (German specimens do show C<0000000). The check
    // digit cannot tell a filler from 0 or A, so the officer is asked to look.
    if (gap) r.warn('documentNumber', 'filler_in_number', 'The document number has a filler < inside it; compare it with the printed number.', num.line, num.start + gap.index);
    r.checkDigitAt('documentNumber', numRaw, numCheck, false);
  }

  // Dates.
  for (const [name, role] of [['birthDate', 'birth'], ['expiryDate', 'expiry']] as const) {
    const f = fieldOf(layout, name);
    const raw = r.text(f);
    const d = readMrzDate(raw, role, today);
    result[name] = d.iso;
    const fillerOk = d.problem === 'unknown';
    r.checkDigitAt(name, raw, f.check!, fillerOk);
    if (d.problem === 'not_a_date') {
      r.error(name, 'date', `The ${FIELD_LABEL[name]} "${raw}" is not a calendar date (YYMMDD).`, f.line, f.start, { value: raw });
    } else if (d.problem === 'unknown' || d.problem === 'partial') {
      const what = role === 'birth' ? 'The date of birth is not known in full' : 'The document shows no expiry date';
      r.warn(name, role === 'birth' ? 'birth_date_unknown' : 'no_expiry', `${what} (written ${raw.replace(/</g, '·')}); compare with the data page.`, f.line, f.start, { value: raw.replace(/</g, '·') });
    }
  }
  const now = todayIso(today);
  if (result.expiryDate && result.expiryDate < now) {
    r.warn('expiryDate', 'expired', `The document expired on ${result.expiryDate}.`, -1, -1, { date: result.expiryDate });
  }
  if (result.birthDate && result.birthDate > now) {
    r.warn('birthDate', 'birth_in_future', `The date of birth ${result.birthDate} lies in the future.`, -1, -1, { date: result.birthDate });
  }
  if (result.birthDate && result.expiryDate && result.birthDate >= result.expiryDate) {
    r.warn('birthDate', 'birth_after_expiry', 'The date of birth is not before the expiry date; compare with the data page.');
  }

  // Sex.
  const sexField = fieldOf(layout, 'sex');
  const sexRaw = r.text(sexField);
  if (sexRaw === 'M' || sexRaw === 'F') result.sex = sexRaw;
  else if (sexRaw === '<' || sexRaw === 'X') result.sex = 'X';
  else r.error('sex', 'sex', `The sex field holds "${sexRaw}"; only M, F, X or < are allowed.`, sexField.line, sexField.start, { value: sexRaw });

  // Optional data.
  result.optionalData = optRaw.replace(/<+$/, '');
  if (opt.check) r.checkDigitAt('optionalData', optRaw, opt.check, true);
  if (format === 'TD1') {
    const opt2 = fieldOf(layout, 'optionalData2');
    result.optionalData2 = r.text(opt2).replace(/<+$/, '');
  }

  // Composite check digit.
  if (layout.composite) {
    const c = layout.composite;
    const covered = c.ranges.map(([li, s, e]) => lines[li]!.slice(s, e)).join('');
    r.checkDigitAt('compositeCheckDigit', covered, c, false);
  }

  result.errors = r.errors;
  result.warnings = r.warnings;
  result.valid = r.errors.length === 0;
  return result;
}

const LOOKALIKE_HINT = /[\u0400-\u04FF\u0370-\u03FF\uFF00-\uFFEF«‹]/;

function badCharParams(ch: string): Record<string, string> {
  const hex = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  if (ch >= 'a' && ch <= 'z') return { variant: 'lowercase', char: ch, hex };
  if (ch === ' ' || ch === '\t') return { variant: 'space', hex };
  if (LOOKALIKE_HINT.test(ch)) return { variant: 'lookalike', char: ch, hex };
  return { hex };
}

function describeBadChar(ch: string): string {
  const hex = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  if (ch >= 'a' && ch <= 'z') return `Lowercase "${ch}": an MRZ holds capitals only (repair mode fixes this).`;
  if (ch === ' ' || ch === '\t') return 'A space inside the zone: an MRZ has none (a filler < may have been misread; repair mode fixes this).';
  if (LOOKALIKE_HINT.test(ch)) return `Character ${hex} ("${ch}") only looks like an MRZ character; the text did not come from a genuine zone or was retyped.`;
  return `Character ${hex} is not allowed in an MRZ (only A–Z, 0–9 and <).`;
}

function readZone(lines: string[], format: MrzFormat, today: Date): MrzResult {
  if (format === 'TD2' && isFrenchIdCard(lines)) return readFrenchIdCard(lines, today, emptyResult(lines));
  return parseLines(lines, format, today);
}

const SUSPECT_FILLER = /[KLC]<|<[KLC]|[KLC]{3}$/;

/** Whether a name or optional data field ends in a run repair would turn into fillers. */
function hidesMisreadFillers(lines: string[], format: MrzFormat): boolean {
  if (!lines.some((l) => SUSPECT_FILLER.test(l))) return false;
  const layout = LAYOUTS[format];
  return layout.fields.some((f) => {
    if (f.kind !== 'name' && f.kind !== 'optional' && f.kind !== 'number') return false;
    const text = lines[f.line]!.slice(f.start, f.start + f.length);
    return restoreTrailingFillers(text) !== text;
  });
}

/** Parses one zone. Never throws. */
export function parseMrz(input: string | string[], opts: ParseOptions = {}): MrzResult {
  try {
    return parseUnsafe(input, opts);
  } catch {
    const r = emptyResult([]);
    r.errors.push({ field: 'structure', code: 'internal', message: 'The zone could not be read because of an internal error; re-scan or type the zone.', line: 0, position: 0, params: {} });
    return r;
  }
}

function parseUnsafe(input: string | string[], opts: ParseOptions): MrzResult {
  const today = opts.today && !Number.isNaN(opts.today.getTime()) ? opts.today : new Date();
  if (typeof input !== 'string' && !Array.isArray(input)) {
    const r = emptyResult([]);
    r.errors.push({ field: 'structure', code: 'input', message: 'No zone text was given.', line: 0, position: 0, params: {} });
    return r;
  }
  const size = typeof input === 'string' ? input.length : input.reduce((n, l) => n + String(l).length + 1, 0);
  if (size > MAX_INPUT_CHARS) {
    const r = emptyResult([]);
    r.errors.push({
      field: 'structure',
      code: 'length',
      message: `The input is ${size} characters long; a zone has at most 90. Give one zone at a time (separate zones with a blank line).`,
      line: 0,
      position: 0,
      params: { size },
    });
    return r;
  }
  let lines = toLines(input);
  let repairs: MrzResult['repairs'];
  const repairWarnings: MrzIssue[] = [];
  if (opts.correct) {
    // Most zones need nothing. On a valid zone repair could only restore fillers misread as K, L
    // or C (K weighs like < in a check digit, so the zone stays valid), turn DKK back into D<<, or
    // flag a P< read as PK: when none of that applies the zone is returned as it is.
    const format = detectFormat(lines);
    if (format && !/^[PVIAC][KLC]/.test(lines[0]!)) {
      const strict = readZone(lines, format, today);
      if (strict.valid && !strict.warnings.some((w) => w.code === 'unknown_state') && !hidesMisreadFillers(lines, format)) {
        strict.repairs = [];
        return strict;
      }
    }
    const fixed = repairZone(lines, { likelySwaps: opts.likelySwaps });
    lines = fixed.lines;
    repairs = fixed.repairs;
    repairWarnings.push(...fixed.warnings);
  }
  const format = detectFormat(lines);
  let result: MrzResult;
  if (!format) {
    result = emptyResult(lines);
    result.errors.push({ field: 'structure', code: 'format', message: describeShape(lines), line: 0, position: 0, params: shapeParams(lines) });
  } else {
    result = readZone(lines, format, today);
  }
  if (repairs) {
    result.repairs = repairs;
    result.warnings.push(...repairWarnings);
  }
  return result;
}
