/**
 * Where each field sits in each ICAO 9303 zone (8th edition, Parts 4–7). One table drives parsing,
 * repair (character classes per position) and formatting, so the three cannot drift apart.
 * Lines and starts are 0-based here; issues reported to people are 1-based.
 */
import type { MrzFormat } from './types';

export type FieldKind = 'code' | 'state' | 'name' | 'number' | 'date' | 'sex' | 'optional';

export interface FieldSpec {
  /** Name as in MrzResult (`optionalData2` is TD1's second optional area). */
  name: 'documentCode' | 'issuingState' | 'name' | 'documentNumber' | 'nationality' | 'birthDate' | 'sex' | 'expiryDate' | 'optionalData' | 'optionalData2';
  kind: FieldKind;
  line: number;
  start: number;
  length: number;
  /** Position of this field's own check digit, if it has one. */
  check?: { line: number; pos: number };
}

export interface Layout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  fields: FieldSpec[];
  /** Composite check digit: the ranges it covers ([line, start, end) ) and where it sits. */
  composite?: { ranges: [number, number, number][]; line: number; pos: number };
}

const nameLine = (len: number): FieldSpec[] => [
  { name: 'documentCode', kind: 'code', line: 0, start: 0, length: 2 },
  { name: 'issuingState', kind: 'state', line: 0, start: 2, length: 3 },
  { name: 'name', kind: 'name', line: 0, start: 5, length: len - 5 },
];

/** Line 2 of TD2, TD3 and the visas: identical up to the optional data. */
const dataLine = (optionalLength: number, optionalChecked: boolean): FieldSpec[] => [
  { name: 'documentNumber', kind: 'number', line: 1, start: 0, length: 9, check: { line: 1, pos: 9 } },
  { name: 'nationality', kind: 'state', line: 1, start: 10, length: 3 },
  { name: 'birthDate', kind: 'date', line: 1, start: 13, length: 6, check: { line: 1, pos: 19 } },
  { name: 'sex', kind: 'sex', line: 1, start: 20, length: 1 },
  { name: 'expiryDate', kind: 'date', line: 1, start: 21, length: 6, check: { line: 1, pos: 27 } },
  {
    name: 'optionalData',
    kind: 'optional',
    line: 1,
    start: 28,
    length: optionalLength,
    ...(optionalChecked ? { check: { line: 1, pos: 28 + optionalLength } } : {}),
  },
];

export const LAYOUTS: Record<MrzFormat, Layout> = {
  TD3: {
    format: 'TD3',
    lineCount: 2,
    lineLength: 44,
    fields: [...nameLine(44), ...dataLine(14, true)],
    composite: { ranges: [[1, 0, 10], [1, 13, 20], [1, 21, 43]], line: 1, pos: 43 },
  },
  TD2: {
    format: 'TD2',
    lineCount: 2,
    lineLength: 36,
    fields: [...nameLine(36), ...dataLine(7, false)],
    composite: { ranges: [[1, 0, 10], [1, 13, 20], [1, 21, 35]], line: 1, pos: 35 },
  },
  MRVA: { format: 'MRVA', lineCount: 2, lineLength: 44, fields: [...nameLine(44), ...dataLine(16, false)] },
  MRVB: { format: 'MRVB', lineCount: 2, lineLength: 36, fields: [...nameLine(36), ...dataLine(8, false)] },
  TD1: {
    format: 'TD1',
    lineCount: 3,
    lineLength: 30,
    fields: [
      { name: 'documentCode', kind: 'code', line: 0, start: 0, length: 2 },
      { name: 'issuingState', kind: 'state', line: 0, start: 2, length: 3 },
      { name: 'documentNumber', kind: 'number', line: 0, start: 5, length: 9, check: { line: 0, pos: 14 } },
      { name: 'optionalData', kind: 'optional', line: 0, start: 15, length: 15 },
      { name: 'birthDate', kind: 'date', line: 1, start: 0, length: 6, check: { line: 1, pos: 6 } },
      { name: 'sex', kind: 'sex', line: 1, start: 7, length: 1 },
      { name: 'expiryDate', kind: 'date', line: 1, start: 8, length: 6, check: { line: 1, pos: 14 } },
      { name: 'nationality', kind: 'state', line: 1, start: 15, length: 3 },
      { name: 'optionalData2', kind: 'optional', line: 1, start: 18, length: 11 },
      { name: 'name', kind: 'name', line: 2, start: 0, length: 30 },
    ],
    composite: { ranges: [[0, 5, 30], [1, 0, 7], [1, 8, 15], [1, 18, 29]], line: 1, pos: 29 },
  },
};

const byName = new Map<Layout, Map<string, FieldSpec>>();
export function fieldOf(layout: Layout, name: FieldSpec['name']): FieldSpec {
  let m = byName.get(layout);
  if (!m) byName.set(layout, (m = new Map(layout.fields.map((f) => [f.name, f]))));
  return m.get(name)!;
}

/** Characters a position may hold: letters (`A`, with filler), digits (`9`, with filler) or both. */
export type CharClass = 'A' | '9' | 'X';

/** Per line, the class of every position: what repair may force a confusable character into. */
const classCache = new Map<Layout, CharClass[][]>();
export function positionClasses(layout: Layout): CharClass[][] {
  const cached = classCache.get(layout);
  if (cached) return cached;
  const classes: CharClass[][] = Array.from({ length: layout.lineCount }, () => Array<CharClass>(layout.lineLength).fill('X'));
  for (const f of layout.fields) {
    const cls: CharClass = f.kind === 'date' ? '9' : f.kind === 'number' || f.kind === 'optional' ? 'X' : 'A';
    for (let i = 0; i < f.length; i++) classes[f.line]![f.start + i] = cls;
    if (f.check) classes[f.check.line]![f.check.pos] = '9';
  }
  if (layout.composite) classes[layout.composite.line]![layout.composite.pos] = '9';
  // The second letter of the document code may be a digit (US permanent resident card: C1).
  classes[0]![1] = 'X';
  classCache.set(layout, classes);
  return classes;
}
