/**
 * Repair of zones that came from OCR. The rule the officer relies on: a character is changed only
 * where the position's character class demands it (a letter where only digits may stand, a digit in
 * a name) or where a check digit confirms the change. Every change is listed; a change no check digit
 * covers is also flagged as a warning, so the officer compares it with the printed page.
 */
import { checkDigit } from './checkDigit';
import { LAYOUTS, fieldOf, positionClasses, type FieldSpec, type Layout } from './layout';
import { isKnownState } from './states';
import { isFrenchIdCard } from './frenchIdCard';
import type { MrzIssue, MrzRepair } from './types';

export interface RepairedZone {
  lines: string[];
  repairs: MrzRepair[];
  warnings: MrzIssue[];
}

/** Where only digits may stand: the letters OCR confuses with digits. */
const DIGIT_FOR: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
/** Where only letters may stand: the digits OCR confuses with letters. */
const LETTER_FOR: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };
/** Where both may stand, each confusable character's alternatives (tried only under a check digit). */
const ALTERNATIVES: Record<string, string[]> = {
  O: ['0'], Q: ['0'], D: ['0'], '0': ['O', 'D', 'Q'],
  I: ['1'], L: ['1'], '1': ['I', 'L'],
  Z: ['2'], '2': ['Z'], S: ['5'], '5': ['S'], G: ['6'], '6': ['G'], B: ['8'], '8': ['B'],
};
/**
 * Confusions OCR-B readers make less often than the rest (its 0 is narrow, its D square-backed, its Q
 * tailed): they cost more than one change, so when two repairs both satisfy every check digit the
 * likelier one (0↔O) wins instead of the zone being left ambiguous.
 */
const RARE_SWAPS = new Set(['0D', 'D0', '0Q', 'Q0', 'L1', '1L']);
const RARE_SWAP_COST = 1.5;
/** An option's number of changes with every swap counted as one. */
const plain = (o: Option) => o.changes - (RARE_SWAP_COST - 1) * o.rare;
/** Each filler of a run restored from a misread letter other than K (see optionsFor). */
const FILLER_RESTORE_COST = 0.4;
/**
 * The winner beat its rival only by how likely its confusions are (a rare swap, a filler run), not by
 * a whole change fewer: both fit every check digit, so the officer is told.
 */
const closeCall = (best: number, bestPlain: number, rival: number, rivalPlain: number) => rival - best < 1 || bestPlain === rivalPlain;

/** Two repairs fit every check digit; the likelier confusion was taken: the officer compares. */
function warnLikeliest(ctx: Ctx, fields: string[]) {
  for (const field of fields) {
    ctx.warnings.push({
      field,
      code: 'repair_likeliest',
      message: `More than one correction of the ${LABEL[field] ?? field} fits the check digits; the likelier OCR confusion was taken: compare it with the printed page.`,
      line: 0,
      position: 0,
      params: {},
    });
  }
}

/** What OCR engines make of the filler `<`. */
const FILLER_MISREADS = new Set(['K', 'L', 'C']);

/** Characters from other scripts (or full-width forms) that look like MRZ characters. */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'A', в: 'B', е: 'E', к: 'K', м: 'M', н: 'H', о: 'O', р: 'P', с: 'C', т: 'T', х: 'X', у: 'Y', і: 'I', ј: 'J', ѕ: 'S',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  '«': '<', '‹': '<', '〈': '<', '⟨': '<', '≺': '<',
};

/** Longest search per field: bounds repair time on hopeless input. */
const MAX_CANDIDATES = 4000;
const MAX_CHANGES = 2;

interface Ctx {
  /** OCR callers: a rare confusion costs more, so the likelier of two fitting repairs wins (and is flagged). */
  likelySwaps?: boolean;
  lines: string[][];
  repairs: MrzRepair[];
  warnings: MrzIssue[];
}

export function repairZone(input: string[], opts: { likelySwaps?: boolean } = {}): RepairedZone {
  const ctx: Ctx = { lines: [], repairs: [], warnings: [], likelySwaps: opts.likelySwaps };
  const lines = input.map((line, li) => normaliseCharacters(line, li, ctx));
  const layout = guessLayout(lines);
  if (!layout) return { lines, repairs: ctx.repairs, warnings: ctx.warnings };
  const spaced = lines.map((l, li) => fixSpaces(l, li, layout.lineLength, ctx));
  const fitted = realignByCheckDigits(layout, spaced, ctx) ?? spaced.map((l, li) => fitLength(l, li, layout.lineLength, ctx));
  if (fitted.some((l) => l.length !== layout.lineLength)) return { lines: fitted, repairs: ctx.repairs, warnings: ctx.warnings };
  // The old French identity card is not laid out like TD2: only character-level repairs apply.
  if (layout.format === 'TD2' && isFrenchIdCard(fitted)) return { lines: fitted, repairs: ctx.repairs, warnings: ctx.warnings };
  // The visa letter decides between TD3/MRV-A and TD2/MRV-B; repair cannot change it.
  ctx.lines = fitted.map((l) => l.split(''));
  fixByClass(layout, ctx);
  fixStates(layout, ctx);
  fixNameFillers(layout, ctx);
  const ambiguous = searchCheckedFields(layout, ctx);

  const code = ctx.lines[0]!.slice(0, 2).join('');
  if (/^[PVIAC][KLC]$/.test(code) && code !== 'AC') {
    // No check digit covers the document code; a filler misread here would pass unnoticed.
    ctx.warnings.push({
      field: 'documentCode',
      code: 'possible_misread',
      message: `The document code ${code} may be ${code[0]}< misread by OCR; compare it with the document.`,
      line: 1,
      position: 2,
      params: { code, suggestion: `${code[0]}<` },
    });
  }
  const out = ctx.lines.map((l) => l.join(''));
  for (let li = 0; li < out.length; li++) {
    for (let i = 0; i < out[li]!.length; i++) {
      if (out[li]![i] !== fitted[li]![i]) ctx.repairs.push({ line: li + 1, position: i + 1, from: fitted[li]![i]!, to: out[li]![i]! });
    }
  }
  for (const field of unconfirmedChanges(layout, fitted, ctx)) {
    ctx.warnings.push({
      field,
      code: 'repaired_unchecked',
      message: `The ${LABEL[field] ?? field} was corrected for OCR confusions that no check digit confirms; compare it with the printed page.`,
      line: 0,
      position: 0,
      params: {},
    });
  }
  for (const field of ambiguous) {
    ctx.warnings.push({
      field,
      code: 'repair_ambiguous',
      message: `The ${field} fails its check digit and several corrections would fit; re-scan the document or type the zone.`,
      line: 0,
      position: 0,
      params: {},
    });
  }
  return { lines: out, repairs: ctx.repairs, warnings: ctx.warnings };
}

function normaliseCharacters(line: string, li: number, ctx: Ctx): string {
  let out = '';
  let pos = 0;
  for (const ch of line) {
    pos++;
    let to = ch;
    if (ch >= 'a' && ch <= 'z') to = ch.toUpperCase();
    else if (LOOKALIKES[ch]) to = LOOKALIKES[ch]!;
    else if (ch.charCodeAt(0) > 127) {
      const nfkc = ch.normalize('NFKC').toUpperCase();
      if (/^[A-Z0-9< ]$/.test(nfkc)) to = nfkc;
    } else if (ch === '\t') to = ' ';
    if (to !== ch) ctx.repairs.push({ line: li + 1, position: pos, from: ch, to });
    out += to;
  }
  return out;
}

/** The layout the lines were meant to be, allowing OCR's extra or missing characters. */
function guessLayout(lines: string[]): Layout | null {
  const visa = lines[0]?.startsWith('V') ?? false;
  const longest = Math.max(0, ...lines.map((l) => l.replace(/ /g, '').length));
  if (lines.length === 3 && Math.abs(longest - 30) <= 4) return LAYOUTS.TD1;
  if (lines.length !== 2) return null;
  if (Math.abs(longest - 44) <= 4) return visa ? LAYOUTS.MRVA : LAYOUTS.TD3;
  if (Math.abs(longest - 36) <= 4) return visa ? LAYOUTS.MRVB : LAYOUTS.TD2;
  return null;
}

/** Spaces (a filler OCR read as a gap, or a gap OCR inserted) and lost or extra trailing fillers. */
function fixSpaces(line: string, li: number, length: number, ctx: Ctx): string {
  let out = line;
  if (out.includes(' ')) {
    const asFillers = out.replace(/ /g, '<');
    const removed = out.replace(/ /g, '');
    const useFillers = asFillers.length === length || removed.length !== length;
    for (let i = 0; i < out.length; i++) {
      if (out[i] === ' ') ctx.repairs.push({ line: li + 1, position: i + 1, from: ' ', to: useFillers ? '<' : '' });
    }
    out = useFillers ? asFillers : removed;
  }
  return out;
}

const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/**
 * OCR drops or doubles characters. When one line that check digits cover is one character short or
 * long, every single insertion or deletion is tried; one is taken only if it is the only reading
 * under which every check digit of the zone passes.
 */
function realignByCheckDigits(layout: Layout, lines: string[], ctx: Ctx): string[] | null {
  const L = layout.lineLength;
  const off = lines.map((l, li) => ({ li, d: l.length - L })).filter((x) => x.d !== 0);
  if (off.length !== 1 || Math.abs(off[0]!.d) !== 1) return null;
  const li = off[0]!.li;
  const checkedLines = new Set(layout.fields.filter((f) => f.check).map((f) => f.check!.line));
  if (!checkedLines.has(li)) return null;
  const line = lines[li]!;
  const candidates = new Map<string, MrzRepair>();
  for (const { text, p, c } of realignments(line, off[0]!.d, MRZ_ALPHABET)) {
    const fixed = fitsZone(layout, lines, li, text);
    if (fixed === null || candidates.has(fixed)) continue;
    candidates.set(fixed, c === undefined ? { line: li + 1, position: p + 1, from: line[p]!, to: '' } : { line: li + 1, position: p + 1, from: '', to: c });
  }
  if (candidates.size !== 1) return null;
  const [text, repair] = [...candidates][0]!;
  if (nearMiss(layout, lines, li, off[0]!.d, text)) return null;
  ctx.repairs.push(repair.to === '' ? repair : { ...repair, to: text[repair.position - 1]! });
  ctx.warnings.push({
    field: 'structure',
    code: 'repaired_length',
    message: `Line ${li + 1} was one character ${repair.to === '' ? 'too long' : 'too short'}; the only reading every check digit accepts was taken. Compare the zone with the document.`,
    line: li + 1,
    position: repair.position,
    params: { variant: repair.to === '' ? 'too_long' : 'too_short' },
  });
  const out = [...lines];
  // The class fixes are applied again (and reported) by the main pass; keep the realigned text as read.
  out[li] = repair.to === '' ? line.slice(0, repair.position - 1) + line.slice(repair.position) : line.slice(0, repair.position - 1) + text[repair.position - 1]! + line.slice(repair.position - 1);
  return out;
}

/**
 * A check digit passes by chance one time in ten, so a single passing deletion or insertion is proof
 * only if no other one passes with the likeliest misread (O for 0 or 0 for O, which the main pass
 * would then repair) somewhere in the line. Measured: a doubled 0 in "K02ZRO23Y" read "KO2ZRO023Y" was
 * realigned to a valid "K2ZRO023Y" by deleting the O.
 */
function nearMiss(layout: Layout, lines: string[], li: number, d: number, taken: string): boolean {
  // only where letters and digits may both stand (document number, optional data): elsewhere the
  // class decides, or no check digit sees the change
  const classes = positionClasses(layout)[li]!;
  const flips = (text: string) =>
    [...text].flatMap((c, i) => ((c === 'O' || c === '0') && classes[i] === 'X' ? [text.slice(0, i) + (c === 'O' ? '0' : 'O') + text.slice(i + 1)] : []));
  const passesElsewise = (text: string) => {
    const fixed = fitsZone(layout, lines, li, text);
    return fixed !== null && fixed !== taken;
  };
  // every other deletion, or for a lost character the digit 0 or the letter O put back, with one O/0 flipped
  for (const { text } of realignments(lines[li]!, d, '0O')) if (flips(text).some(passesElsewise)) return true;
  return false;
}

/** Every single deletion from `line` (d = 1, one too long), or insertion of a character of `alphabet` (d = -1). */
function* realignments(line: string, d: number, alphabet: string): Generator<{ text: string; p: number; c?: string }> {
  if (d === 1) {
    for (let p = 0; p < line.length; p++) yield { text: line.slice(0, p) + line.slice(p + 1), p };
    return;
  }
  for (let p = 0; p <= line.length; p++) for (const c of alphabet) yield { text: line.slice(0, p) + c + line.slice(p), p, c };
}

/** `text` in place of line `li`, with the class fixes, when every check digit of the zone then passes; else null. */
function fitsZone(layout: Layout, lines: string[], li: number, text: string): string | null {
  const fixed = classFixLine(layout, li, text);
  const zone = [...lines];
  zone[li] = fixed;
  return allChecksPass(layout, zone) ? fixed : null;
}

/** A line with letters forced to digits where only digits may stand (cheap form of fixByClass). */
function classFixLine(layout: Layout, li: number, text: string): string {
  const classes = positionClasses(layout)[li]!;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    out += classes[i] === '9' && DIGIT_FOR[ch] ? DIGIT_FOR[ch] : ch;
  }
  return out;
}

/** Every check digit of the zone passes (a TD1/TD2 long number is left to the composite). */
function allChecksPass(layout: Layout, lines: string[], withComposite = true): boolean {
  const text = (f: { line: number; start: number; length: number }) => lines[f.line]!.slice(f.start, f.start + f.length);
  for (const f of layout.fields) {
    if (!f.check) continue;
    const ch = lines[f.check.line]![f.check.pos]!;
    if (f.kind === 'number' && ch === '<' && (layout.format === 'TD1' || layout.format === 'TD2')) continue;
    const unit = { field: f.name, cells: [], check: f.check, fillerOkWhenEmpty: f.kind !== 'number' };
    if (!unitPasses(unit, text(f), ch)) return false;
  }
  if (!layout.composite || !withComposite) return true;
  const c = layout.composite;
  const covered = c.ranges.map(([li, s, e]) => lines[li]!.slice(s, e)).join('');
  const ch = lines[c.line]![c.pos]!;
  return ch >= '0' && ch <= '9' && checkDigit(covered) === Number(ch);
}

function fitLength(line: string, li: number, length: number, ctx: Ctx): string {
  let out = line;
  const before = out.length;
  if (out.length < length && out.endsWith('<')) {
    for (let i = out.length; i < length; i++) ctx.repairs.push({ line: li + 1, position: i + 1, from: '', to: '<' });
    out = out.padEnd(length, '<');
  } else if (out.length > length && /^<+$/.test(out.slice(length))) {
    for (let i = length; i < out.length; i++) ctx.repairs.push({ line: li + 1, position: i + 1, from: '<', to: '' });
    out = out.slice(0, length);
  }
  if (out.length !== before) {
    // Usually OCR lost or added fillers at the end; a character lost mid-line would shift the rest.
    ctx.warnings.push({
      field: 'structure',
      code: 'repaired_length',
      message: `Line ${li + 1} had ${before} characters; fillers were ${out.length > before ? 'added at' : 'removed from'} its end. Compare the zone with the document.`,
      line: li + 1,
      position: Math.min(before, out.length) + 1,
      params: { variant: out.length > before ? 'fillers_added' : 'fillers_removed', count: before },
    });
  }
  return out;
}

function fixByClass(layout: Layout, ctx: Ctx): void {
  const classes = positionClasses(layout);
  const numberCheck = fieldOf(layout, 'documentNumber').check!;
  const longNumberPossible = layout.format === 'TD1' || layout.format === 'TD2';
  for (let li = 0; li < layout.lineCount; li++) {
    const line = ctx.lines[li]!;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      const cls = classes[li]![i]!;
      if (cls === '9' && DIGIT_FOR[ch]) {
        // In TD1/TD2 the number's check position holds a filler when the number continues in the
        // optional data; a filler misread as L there is not the digit 1 (the search decides).
        if (longNumberPossible && li === numberCheck.line && i === numberCheck.pos && FILLER_MISREADS.has(ch)) continue;
        line[i] = DIGIT_FOR[ch]!;
      } else if (cls === 'A' && LETTER_FOR[ch]) {
        line[i] = LETTER_FOR[ch]!;
      }
    }
  }
  const sex = fieldOf(layout, 'sex');
  const s = ctx.lines[sex.line]![sex.start]!;
  if (FILLER_MISREADS.has(s) || s === ' ') ctx.lines[sex.line]![sex.start] = '<';
}

function fieldText(ctx: Ctx, f: { line: number; start: number; length: number }): string {
  return ctx.lines[f.line]!.slice(f.start, f.start + f.length).join('');
}

function setField(ctx: Ctx, f: { line: number; start: number }, value: string): void {
  for (let i = 0; i < value.length; i++) ctx.lines[f.line]![f.start + i] = value[i]!;
}

/** `DKK` → `D<<`: a state code becomes known when its misread fillers are restored. */
function fixStates(layout: Layout, ctx: Ctx): void {
  for (const name of ['issuingState', 'nationality'] as const) {
    const f = fieldOf(layout, name);
    const raw = fieldText(ctx, f);
    if (isKnownState(raw)) continue;
    for (let keep = 2; keep >= 1; keep--) {
      const tail = raw.slice(keep);
      if ([...tail].every((c) => c === '<' || FILLER_MISREADS.has(c))) {
        const candidate = raw.slice(0, keep) + '<'.repeat(3 - keep);
        if (isKnownState(candidate) && candidate !== raw) {
          setField(ctx, f, candidate);
          break;
        }
      }
    }
  }
}

/**
 * The trailing filler run of a field with fillers misread as K, L or C restored. Characters before
 * the first genuine `<` of the run may end the name (MICHAEL<<<), so they stay; a run with no `<`
 * at all loses its first character only when it looks like the rest (KKKK is fillers; LKKK keeps L).
 */
export function restoreTrailingFillers(s: string, wholeField = true): string {
  let start = s.length;
  while (start > 0 && (s[start - 1] === '<' || FILLER_MISREADS.has(s[start - 1]!))) start--;
  const run = s.slice(start);
  if (run.length < 3 || /^<*$/.test(run)) return s;
  const firstFiller = run.indexOf('<');
  let keep: number;
  // A field made only of filler-like characters keeps none (optional data read as C<<<<<).
  if (start === 0 && wholeField) keep = 0;
  else if (firstFiller >= 0) keep = firstFiller;
  else keep = start > 0 && run[0] !== run[1] ? 1 : 0;
  return s.slice(0, start + keep) + '<'.repeat(run.length - keep);
}

function fixNameFillers(layout: Layout, ctx: Ctx): void {
  const f = fieldOf(layout, 'name');
  const raw = fieldText(ctx, f);
  let fixed = restoreTrailingFillers(raw);
  // An MRZ-trained reader (likelySwaps) seldom reads a filler as a letter, and never two side by side:
  // a group of two or more letters standing between fillers is a short name part (CC, LL), kept.
  if (ctx.likelySwaps && fixed !== raw) fixed = keepNameGroups(raw, fixed);
  if (fixed !== raw) setField(ctx, f, fixed);
}

/** `fixed` with every group of 2+ letters of `raw` that lies between fillers put back. */
function keepNameGroups(raw: string, fixed: string): string {
  const out = fixed.split('');
  for (const m of raw.matchAll(/<([A-Z]{2,})(?=<)/g)) {
    const at = m.index! + 1;
    for (let i = 0; i < m[1]!.length; i++) out[at + i] = raw[at + i]!;
  }
  return out.join('');
}

const LABEL: Record<string, string> = {
  documentCode: 'document code', issuingState: 'issuing state', name: 'name', documentNumber: 'document number',
  nationality: 'nationality', birthDate: 'date of birth', sex: 'sex', expiryDate: 'date of expiry',
  optionalData: 'optional data', optionalData2: 'optional data (line 2)',
};

const mod10 = (ch: string) => (ch === '<' ? 0 : ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55) % 10;

/** Fields that repair changed where no check digit now confirms the result (names, states, sex…). */
function unconfirmedChanges(layout: Layout, fitted: string[], ctx: Ctx): string[] {
  const out: string[] = [];
  const composite = layout.composite ? compositePasses(layout, ctx) : false;
  const inComposite = (f: FieldSpec) =>
    layout.composite?.ranges.some(([li, s, e]) => li === f.line && f.start >= s && f.start + f.length <= e) ?? false;
  for (const f of layout.fields) {
    const before = fitted[f.line]!.slice(f.start, f.start + f.length);
    const after = fieldText(ctx, f);
    const checkBefore = f.check ? fitted[f.check.line]![f.check.pos] : '';
    const checkAfter = f.check ? ctx.lines[f.check.line]![f.check.pos] : '';
    if (before === after && checkBefore === checkAfter) continue;
    const ownCheck = f.check ? unitPasses({ field: f.name, cells: [], check: f.check, fillerOkWhenEmpty: f.kind !== 'number' }, after, checkAfter!) : false;
    // K→< (20 and 0) or L→1 (21, 1) leave every check digit unchanged: no check digit confirms them.
    let blind = false;
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== after[i] && mod10(before[i]!) === mod10(after[i]!)) blind = true;
    }
    if (!blind && (ownCheck || (composite && inComposite(f)))) continue;
    out.push(f.name);
  }
  return out;
}

/** A field covered by its own check digit: value positions and the check digit position. */
interface Unit {
  field: string;
  cells: { line: number; pos: number; cls: 'X' | '9' | 'T' }[]; // T: trailing-filler capable
  check: { line: number; pos: number };
  fillerOkWhenEmpty: boolean;
}

function unitsOf(layout: Layout, ctx: Ctx): Unit[] {
  const units: Unit[] = [];
  const cellsOf = (f: FieldSpec, cls: 'X' | '9') =>
    Array.from({ length: f.length }, (_, i) => ({ line: f.line, pos: f.start + i, cls: cls as 'X' | '9' | 'T' }));
  const num = fieldOf(layout, 'documentNumber');
  const opt = fieldOf(layout, 'optionalData');
  const numCheckChar = ctx.lines[num.check!.line]![num.check!.pos]!;
  const optText = fieldText(ctx, opt);
  const long =
    (layout.format === 'TD1' || layout.format === 'TD2') &&
    (numCheckChar === '<' || FILLER_MISREADS.has(numCheckChar)) &&
    /^[A-Z0-9]{9}$/.test(fieldText(ctx, num)) &&
    /^[A-Z0-9]{2}/.test(optText);
  if (long) {
    ctx.lines[num.check!.line]![num.check!.pos] = '<';
    const end = optText.indexOf('<');
    const ext = end < 0 ? optText.length : end;
    units.push({
      field: 'documentNumber',
      cells: [...cellsOf(num, 'X'), ...Array.from({ length: ext - 1 }, (_, i) => ({ line: opt.line, pos: opt.start + i, cls: 'X' as const }))],
      check: { line: opt.line, pos: opt.start + ext - 1 },
      fillerOkWhenEmpty: false,
    });
  } else {
    units.push({ field: 'documentNumber', cells: cellsOf(num, 'X'), check: num.check!, fillerOkWhenEmpty: false });
  }
  for (const name of ['birthDate', 'expiryDate'] as const) {
    const f = fieldOf(layout, name);
    units.push({ field: name, cells: cellsOf(f, '9'), check: f.check!, fillerOkWhenEmpty: true });
  }
  if (opt.check) units.push({ field: 'optionalData', cells: cellsOf(opt, 'X'), check: opt.check, fillerOkWhenEmpty: true });
  return units;
}

function unitPasses(u: Unit, value: string, checkChar: string): boolean {
  if (checkChar === '<') return u.fillerOkWhenEmpty && /^<*$/.test(value);
  if (!(checkChar >= '0' && checkChar <= '9')) return false;
  return checkDigit(value) === Number(checkChar);
}

interface Option {
  value: string;
  check: string;
  /** Changes made, a rare swap counting RARE_SWAP_COST (only with likelySwaps). */
  changes: number;
  /** How many of them are rare swaps. */
  rare: number;
}

/**
 * Candidate readings of a unit that its check digit accepts, fewest changes first: the reading as
 * it stands, its misread filler run restored, and each combination of up to three confusions.
 */
function optionsFor(u: Unit, ctx: Ctx): { options: Option[]; passesAsIs: boolean } {
  const value = u.cells.map((c) => ctx.lines[c.line]![c.pos]!).join('');
  const check = ctx.lines[u.check.line]![u.check.pos]!;
  if (unitPasses(u, value, check)) {
    // A run of K/L/C can pass a check digit by coincidence (KKKKK adds a multiple of 10); fillers
    // that pass too are the likelier reading.
    const restored = u.cells[0]!.cls === 'X' ? restoreTrailingFillers(value) : value;
    const best = restored !== value && unitPasses(u, restored, check) ? restored : value;
    return { options: [{ value: best, check, changes: best === value ? 0 : 1, rare: 0 }], passesAsIs: true };
  }
  const checks = [check];
  if (u.fillerOkWhenEmpty && FILLER_MISREADS.has(check)) checks.push('<');
  const bases: { value: string; changes: number }[] = [{ value, changes: 0 }];
  if (u.cells[0]!.cls === 'X') {
    const restored = restoreTrailingFillers(value);
    // A misread filler inside a filler run is the likeliest single error: it ranks before any swap,
    // when a filler read as one stands before the letters turned (the field had ended). Where none
    // does, each letter turned costs more: three misread fillers (CCL) are less likely than one swap,
    // and C C at check-digit weights 7 and 3 add 120, so such a run can fit every check digit exactly
    // as the true field does. K and < weigh the same in a check digit, so a run that only lost K's is
    // restored outright.
    const turned = [...value].filter((ch, i) => ch !== restored[i] && ch !== 'K').length;
    const genuine = /<.*[LC]/.test(value.match(/[<KLC]*$/)![0]);
    if (restored !== value && turned === 0) bases[0] = { value: restored, changes: 0 };
    else if (restored !== value) bases.push({ value: restored, changes: genuine ? 0.5 : FILLER_RESTORE_COST * turned });
  }
  const found: Option[] = [];
  let budget = MAX_CANDIDATES;
  for (const base of bases) {
    for (const c of checks) {
      const extra = base.changes + (c === check ? 0 : 1);
      if (unitPasses(u, base.value, c)) found.push({ value: base.value, check: c, changes: extra, rare: 0 });
      if (u.cells[0]!.cls !== 'X') continue;
      // Positions holding a confusable character, and what each could have been.
      const slots: { i: number; alts: string[] }[] = [];
      // Fillers only pad the end of a field: K, L or C there may be a misread filler.
      let tail = base.value.length;
      while (tail > 0 && (base.value[tail - 1] === '<' || FILLER_MISREADS.has(base.value[tail - 1]!))) tail--;
      for (let i = 0; i < base.value.length; i++) {
        const ch = base.value[i]!;
        const alts = [...(ALTERNATIVES[ch] ?? []), ...(i >= tail && FILLER_MISREADS.has(ch) ? ['<'] : [])];
        if (alts.length) slots.push({ i, alts });
      }
      const chars = base.value.split('');
      // Every swap costs one change, a filler included: ranking a filler first would let a chance
      // check digit match beat the true repair (measured: it produced silent errors).
      const walk = (from: number, depth: number, cost: number, rare: number): void => {
        for (let s = from; s < slots.length && budget > 0; s++) {
          const slot = slots[s]!;
          const orig = chars[slot.i]!;
          for (const alt of slot.alts) {
            if (--budget <= 0) break;
            chars[slot.i] = alt;
            const rareSwap = ctx.likelySwaps && RARE_SWAPS.has(orig + alt);
            const step = rareSwap ? RARE_SWAP_COST : 1;
            const v = chars.join('');
            if (unitPasses(u, v, c)) found.push({ value: v, check: c, changes: extra + cost + step, rare: rare + (rareSwap ? 1 : 0) });
            if (depth + 1 < MAX_CHANGES) walk(s + 1, depth + 1, cost + step, rare + (rareSwap ? 1 : 0));
          }
          chars[slot.i] = orig;
        }
      };
      walk(0, 0, 0, 0);
    }
  }
  // The same reading can be reached two ways (a restored filler run, or one swap); count it once.
  found.sort((a, b) => a.changes - b.changes);
  const seen = new Set<string>();
  const options = found.filter((o) => !seen.has(o.value + o.check) && seen.add(o.value + o.check));
  return { options, passesAsIs: false };
}

/** Check-digit-guided repair; the composite check digit, where there is one, breaks ties. Returns ambiguous fields. */
function searchCheckedFields(layout: Layout, ctx: Ctx): string[] {
  const units = unitsOf(layout, ctx);
  const apply = (u: Unit, o: Option) => {
    u.cells.forEach((c, i) => (ctx.lines[c.line]![c.pos] = o.value[i]!));
    ctx.lines[u.check.line]![u.check.pos] = o.check;
  };
  const per = units.map((u) => ({ u, ...optionsFor(u, ctx) }));
  for (const p of per) if (p.passesAsIs && p.options[0]!.changes > 0) apply(p.u, p.options[0]!);
  const ambiguous: string[] = [];
  const failing = per.filter((p) => !p.passesAsIs && p.options.length > 0);
  if (failing.length === 0) {
    fixCompositeOnlyFillers(layout, ctx);
    return ambiguous;
  }

  // Prefer a combination the composite check digit confirms, fewest changes first.
  if (layout.composite) {
    const saved = ctx.lines.map((l) => [...l]);
    const lists = failing.map((p) => p.options.slice(0, 12));
    const combos: { picks: Option[]; changes: number }[] = [];
    const rec = (k: number, picks: Option[], changes: number): void => {
      if (combos.length > 2000) return;
      if (k === lists.length) {
        failing.forEach((p, i) => apply(p.u, picks[i]!));
        if (compositePasses(layout, ctx)) combos.push({ picks: [...picks], changes });
        return;
      }
      for (const o of lists[k]!) rec(k + 1, [...picks, o], changes + o.changes);
    };
    rec(0, [], 0);
    ctx.lines = saved.map((l) => [...l]);
    combos.sort((a, b) => a.changes - b.changes);
    if (combos.length > 0 && (combos.length === 1 || combos[0]!.changes < combos[1]!.changes)) {
      failing.forEach((p, i) => apply(p.u, combos[0]!.picks[i]!));
      const plainSum = (c: { picks: Option[] }) => c.picks.reduce((a, o) => a + plain(o), 0);
      // Taken only because its confusions are likelier than a rival's: say so.
      if (combos.length > 1 && closeCall(combos[0]!.changes, plainSum(combos[0]!), combos[1]!.changes, plainSum(combos[1]!))) warnLikeliest(ctx, failing.map((p) => p.u.field));
      fixCompositeOnlyFillers(layout, ctx);
      return ambiguous;
    }
  }
  // Otherwise each field on its own check digit: one check digit passes a wrong guess one time in
  // ten, so only a single change that no other single change matches is taken.
  for (const p of failing) {
    const best = p.options[0]!;
    const tied = p.options.filter((o) => o.changes === best.changes);
    if (tied.length === 1 && best.changes < 2) {
      apply(p.u, best); // one change, rare or not
      if (p.options.some((o) => o !== best && closeCall(best.changes, plain(best), o.changes, plain(o)))) warnLikeliest(ctx, [p.u.field]);
    }
    else ambiguous.push(p.u.field);
  }
  fixCompositeOnlyFillers(layout, ctx);
  return ambiguous;
}

function compositePasses(layout: Layout, ctx: Ctx): boolean {
  const c = layout.composite;
  if (!c) return true;
  const covered = c.ranges.map(([li, s, e]) => ctx.lines[li]!.slice(s, e).join('')).join('');
  const ch = ctx.lines[c.line]![c.pos]!;
  return ch >= '0' && ch <= '9' && checkDigit(covered) === Number(ch);
}

/**
 * Optional data with no check digit of its own (TD1, TD2, visas): misread filler runs are restored.
 * The composite check digit confirms it where there is one; a filler run of K/L/C is what the
 * officer sees as <<< on the page either way.
 */
function fixCompositeOnlyFillers(layout: Layout, ctx: Ctx): void {
  restoreCompositeOnlyRuns(layout, ctx);
  if (!layout.composite || compositePasses(layout, ctx)) return;
  // Still failing: try each single confusion in the optional data the composite alone covers, and
  // take it only when exactly one makes the composite pass. Not while a field's own check digit
  // fails: the composite then covers a misread field too, and a change here would only mask it.
  if (!allChecksPass(layout, ctx.lines.map((l) => l.join('')), false)) return;
  const fields = layout.fields.filter((f) => f.kind === 'optional' && !f.check);
  const fits: { f: FieldSpec; i: number; to: string }[] = [];
  for (const f of fields) {
    const raw = fieldText(ctx, f);
    for (let i = 0; i < raw.length; i++) {
      const from = raw[i]!;
      const tailFrom = /^[<KLC]*$/.test(raw.slice(i));
      for (const to of [...(ALTERNATIVES[from] ?? []), ...(tailFrom && FILLER_MISREADS.has(from) ? ['<'] : [])]) {
        ctx.lines[f.line]![f.start + i] = to;
        if (compositePasses(layout, ctx)) fits.push({ f, i, to });
        ctx.lines[f.line]![f.start + i] = from;
      }
    }
  }
  if (fits.length === 1) ctx.lines[fits[0]!.f.line]![fits[0]!.f.start + fits[0]!.i] = fits[0]!.to;
}

function restoreCompositeOnlyRuns(layout: Layout, ctx: Ctx): void {
  const checked: { f: FieldSpec; raw: string; fixed: string }[] = [];
  for (const name of ['optionalData', 'optionalData2'] as const) {
    if (layout.format !== 'TD1' && name === 'optionalData2') continue;
    const f = fieldOf(layout, name);
    if (f.check) continue;
    const raw = fieldText(ctx, f);
    // Without a composite check digit nothing could undo a wrong guess: keep a leading K/L/C then.
    const fixed = restoreTrailingFillers(raw, !!layout.composite);
    if (fixed === raw) continue;
    // K weighs like < and cannot be checked: restored outright. An L or C turned filler must be
    // what makes the composite pass, and the only such restoration.
    const onlyK = [...raw].every((ch, i) => ch === fixed[i] || ch === 'K');
    if (onlyK || !layout.composite) setField(ctx, f, fixed);
    else checked.push({ f, raw, fixed });
  }
  if (checked.length === 0 || compositePasses(layout, ctx)) return;
  const fits = checked.filter((c) => {
    setField(ctx, c.f, c.fixed);
    const ok = compositePasses(layout, ctx);
    setField(ctx, c.f, c.raw);
    return ok;
  });
  if (fits.length === 1) setField(ctx, fits[0]!.f, fits[0]!.fixed);
}

