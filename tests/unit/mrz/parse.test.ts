import { describe, expect, it } from 'vitest';
import {
  SPECIMENS,
  checkDigit,
  detectFormat,
  formatMrz,
  isKnownState,
  parseMrz,
  splitZones,
  stateName,
  type MrzFields,
} from '../../../electron/core/mrz/index';

const today = new Date('2026-11-28T12:00:00Z');
const base: MrzFields = {
  documentCode: 'P',
  issuingState: 'NLD',
  nationality: 'NLD',
  surname: 'DE VRIES',
  givenNames: 'JAN PIETER',
  documentNumber: 'XN01BC3D5',
  birthDate: '1980-03-14',
  expiryDate: '2030-06-01',
  sex: 'M',
  optionalData: '',
};
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('check digits and states', () => {
  it('computes ICAO check digits (weights 7 3 1, A=10, < = 0)', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('ZE184226B<<<<<')).toBe(1);
    expect(checkDigit('')).toBe(0);
    expect(checkDigit('ab')).toBe(-1);
  });

  it('knows ISO codes and every ICAO special code, with names', () => {
    for (const code of ['D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'XOM', 'XPO', 'XCC', 'XES', 'XMP', 'XIM', 'XDC', 'XBA', 'RKS', 'FRA', 'NLD']) {
      expect(isKnownState(code), code).toBe(true);
    }
    expect(stateName('D<<')).toBe('Germany');
    expect(stateName('XXB')).toMatch(/Refugee/);
    expect(stateName('QQQ')).toBeUndefined();
    expect(isKnownState('ZZZ')).toBe(false);
  });
});

describe('fields', () => {
  it('removes fillers from codes, so Germany is D', () => {
    const r = parseMrz(formatMrz({ ...base, documentCode: 'ID', issuingState: 'D', nationality: 'D' }, 'TD1'), { today });
    expect(r).toMatchObject({ valid: true, documentCode: 'ID', issuingState: 'D', nationality: 'D' });
    expect(r.lines[0]!.startsWith('IDD<<')).toBe(true);
    expect(codes(r.warnings)).toEqual([]);
  });

  it('splits names at the first << and turns fillers into single spaces', () => {
    const r = parseMrz(formatMrz(base, 'TD3'), { today });
    expect(r.surname).toBe('DE VRIES');
    expect(r.givenNames).toBe('JAN PIETER');
  });

  it('takes a name without << as all surname', () => {
    const lines = formatMrz({ ...base, surname: 'MADONNA', givenNames: '' }, 'TD3');
    const r = parseMrz(lines, { today });
    expect(r).toMatchObject({ surname: 'MADONNA', givenNames: '', valid: true });
  });

  it('warns when a name fills its whole field (it may be truncated)', () => {
    const r = parseMrz(formatMrz({ ...base, surname: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', givenNames: 'ABCDEFGHIJKLMNOP' }, 'TD3'), { today });
    expect(r.valid).toBe(true);
    expect(codes(r.warnings)).toContain('name_truncated');
  });

  it('maps sex < and X to X', () => {
    expect(parseMrz(formatMrz({ ...base, sex: 'X' }, 'TD3'), { today }).sex).toBe('X');
    const lines = formatMrz(base, 'TD3');
    expect(lines[1]![20]).toBe('M');
  });

  it('rejects a sex other than M, F, X or <', () => {
    const lines = formatMrz(base, 'TD3');
    const bad = [lines[0]!, lines[1]!.slice(0, 20) + 'Q' + lines[1]!.slice(21)];
    const r = parseMrz(bad, { today });
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ field: 'sex', code: 'sex', line: 2, position: 21 });
  });
});

describe('dates and centuries', () => {
  const zoneWith = (birth: string, expiry: string) => formatMrz({ ...base, birthDate: birth, expiryDate: expiry }, 'TD3');

  it('birth year: the latest year not after this year', () => {
    expect(parseMrz(zoneWith('2026-01-01', '2030-01-01'), { today }).birthDate).toBe('2026-01-01');
    expect(parseMrz(zoneWith('1927-05-05', '2030-01-01'), { today }).birthDate).toBe('1927-05-05');
    // 27 cannot be 2027 yet: it is 1927.
    const r = parseMrz(zoneWith('1927-05-05', '2030-01-01'), { today: new Date('2026-12-31T00:00:00Z') });
    expect(r.birthDate).toBe('1927-05-05');
  });

  it('a birth date later this year is in the future: a warning, not invalidity', () => {
    const r = parseMrz(zoneWith('2026-12-24', '2031-12-24'), { today });
    expect(r.birthDate).toBe('2026-12-24');
    expect(r.valid).toBe(true);
    expect(codes(r.warnings)).toContain('birth_in_future');
  });

  it('expiry: 20YY unless more than 50 years ahead, then 19YY', () => {
    expect(parseMrz(zoneWith('1970-01-01', '2076-06-30'), { today }).expiryDate).toBe('2076-06-30');
    expect(parseMrz(zoneWith('1950-01-01', '1977-06-30'), { today }).expiryDate).toBe('1977-06-30');
    // 50 years ahead, counted by date: 2076-11-28 is exactly 50 years ahead, 2076-11-29 is more
    expect(parseMrz(zoneWith('1970-01-01', '2076-11-28'), { today }).expiryDate).toBe('2076-11-28');
    expect(parseMrz(zoneWith('1950-01-01', '1976-11-29'), { today }).expiryDate).toBe('1976-11-29');
    expect(parseMrz(zoneWith('1950-01-01', '1976-12-15'), { today }).expiryDate).toBe('1976-12-15');
  });

  it('warns about an expired document', () => {
    const r = parseMrz(zoneWith('1970-01-01', '2025-11-27'), { today });
    expect(r.valid).toBe(true);
    expect(r.warnings.find((w) => w.code === 'expired')?.message).toContain('2025-11-27');
    expect(codes(parseMrz(zoneWith('1970-01-01', '2026-11-28'), { today }).warnings)).not.toContain('expired');
  });

  it('rejects impossible dates even when the check digit matches', () => {
    const lines = zoneWith('1970-01-01', '2030-01-01');
    const mangled = lines[1]!.slice(0, 13) + '701301' + String(checkDigit('701301')) + lines[1]!.slice(20, 43);
    const withComposite = mangled + String(checkDigit(mangled.slice(0, 10) + mangled.slice(13, 20) + mangled.slice(21, 43)));
    const r = parseMrz([lines[0]!, withComposite], { today });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['birthDate:date']);
    expect(r.birthDate).toBe('');
  });

  it('accepts an unknown birth day or month written as fillers, with a warning', () => {
    const lines = zoneWith('1970-01-01', '2030-01-01');
    const l2 = lines[1]!.slice(0, 13) + '70<<<<' + String(checkDigit('70<<<<')) + lines[1]!.slice(20, 43);
    const r = parseMrz([lines[0]!, l2 + String(checkDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43)))], { today });
    expect(r.valid).toBe(true);
    expect(r.birthDate).toBe('');
    expect(codes(r.warnings)).toContain('birth_date_unknown');
  });

  it('accepts a card without expiry date (fillers), with a warning', () => {
    const r = parseMrz(formatMrz({ ...base, documentCode: 'ID', expiryDate: '' }, 'TD1'), { today });
    expect(r.valid).toBe(true);
    expect(r.expiryDate).toBe('');
    expect(codes(r.warnings)).toContain('no_expiry');
  });
});

describe('formats', () => {
  it('detects each format from its shape and visa letter', () => {
    expect(detectFormat(SPECIMENS.td1!)).toBe('TD1');
    expect(detectFormat(SPECIMENS.td2!)).toBe('TD2');
    expect(detectFormat(SPECIMENS.td3!)).toBe('TD3');
    expect(detectFormat(SPECIMENS.mrva!)).toBe('MRVA');
    expect(detectFormat(SPECIMENS.mrvb!)).toBe('MRVB');
    expect(detectFormat(['P<UTO', 'L89'])).toBeNull();
    expect(detectFormat([])).toBeNull();
  });

  it('reads a TD1 document number longer than nine characters from the optional data', () => {
    const r = parseMrz(SPECIMENS.td1long!, { today });
    expect(r).toMatchObject({ valid: true, documentNumber: 'D23145890734', optionalData: '' });
    const lines = formatMrz({ ...base, documentCode: 'ID', documentNumber: 'AB1234567890', optionalData: 'XYZ' }, 'TD1');
    expect(lines[0]).toBe(`IDNLDAB1234567<890${checkDigit('AB1234567890')}<XYZ`.padEnd(30, '<'));
    expect(parseMrz(lines, { today })).toMatchObject({ valid: true, documentNumber: 'AB1234567890', optionalData: 'XYZ' });
  });

  it('reads the TD2 long document number variant', () => {
    expect(parseMrz(SPECIMENS.td2long!, { today })).toMatchObject({ valid: true, format: 'TD2', documentNumber: 'D23145890734' });
  });

  it('detects a wrong check digit in the long number continuation', () => {
    const lines = [...SPECIMENS.td1long!];
    lines[0] = lines[0]!.replace('7349', '7348');
    const r = parseMrz(lines, { today });
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ field: 'documentNumber', code: 'check_digit', line: 1, position: 19 });
  });

  it('accepts a filler as the check digit of empty TD3 optional data, and 0', () => {
    const lines = formatMrz(base, 'TD3');
    expect(lines[1]![42]).toBe('<');
    expect(parseMrz(lines, { today }).valid).toBe(true);
    const zero = lines[1]!.slice(0, 42) + '0';
    const l2 = zero + String(checkDigit(zero.slice(0, 10) + zero.slice(13, 20) + zero.slice(21, 43)));
    expect(parseMrz([lines[0]!, l2], { today }).valid).toBe(true);
  });

  it('locates each failing check digit by field, line and position', () => {
    const lines = [...SPECIMENS.td3!];
    lines[1] = lines[1]!.replace('L898902C36', 'L898902C37');
    const r = parseMrz(lines, { today });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.field, e.code, e.line, e.position])).toEqual([
      ['documentNumber', 'check_digit', 2, 10],
      ['compositeCheckDigit', 'check_digit', 2, 44],
    ]);
    expect(r.errors[0]!.message).toMatch(/check digit is 7 but the document number gives 6/);
  });
});

describe('warnings that do not make a zone invalid', () => {
  it('unknown state codes', () => {
    const lines = formatMrz({ ...base, issuingState: 'QQQ', nationality: 'ZZZ' }, 'TD3');
    const r = parseMrz(lines, { today });
    expect(r.valid).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'unknown_state').map((w) => w.field)).toEqual(['issuingState', 'nationality']);
  });

  it('DEU where Germany writes D', () => {
    const r = parseMrz(formatMrz({ ...base, issuingState: 'DEU' }, 'TD3'), { today });
    expect(r.valid).toBe(true);
    expect(codes(r.warnings)).toContain('unusual_state_code');
  });

  it('the specimen state Utopia', () => {
    expect(codes(parseMrz(SPECIMENS.td2!, { today }).warnings)).toContain('specimen');
  });

  it('a document code that does not fit the format, and the US C1 card code', () => {
    expect(codes(parseMrz(formatMrz({ ...base, documentCode: 'I' }, 'TD3'), { today }).warnings)).toContain('document_code');
    const c1 = parseMrz(formatMrz({ ...base, documentCode: 'C1', issuingState: 'USA' }, 'TD1'), { today });
    expect(c1).toMatchObject({ valid: true, documentCode: 'C1' });
    expect(codes(c1.warnings)).toContain('document_code_digit');
  });

  it('birth after expiry', () => {
    const r = parseMrz(formatMrz({ ...base, birthDate: '2001-01-01', expiryDate: '2000-01-01' }, 'TD3'), { today });
    expect(codes(r.warnings)).toContain('birth_after_expiry');
  });
});

describe('the French identity card of 1988–2021 (not ICAO layout)', () => {
  // Built from the layout (PRADO FRA-BO-02) with invented data; check digits computed here.
  const l1 = 'IDFRA' + 'MARTIN'.padEnd(25, '<') + '751042';
  const number = '880675101234';
  const l2head = number + checkDigit(number) + 'CLAIRE<<ANNE'.padEnd(14, '<') + '650312' + checkDigit('650312') + 'F';
  const zone = [l1, l2head + checkDigit(l1 + l2head)];

  it('reads it as a variant, with a warning that it has no expiry or nationality in the zone', () => {
    const r = parseMrz(zone, { today });
    expect(r).toMatchObject({
      valid: true,
      format: 'TD2',
      variant: 'FRA-CNI-1988',
      documentCode: 'ID',
      issuingState: 'FRA',
      surname: 'MARTIN',
      givenNames: 'CLAIRE ANNE',
      documentNumber: number,
      birthDate: '1965-03-12',
      expiryDate: '',
      sex: 'F',
      optionalData: '751042',
    });
    expect(codes(r.warnings)).toEqual(['variant']);
  });

  it('checks its composite check digit', () => {
    const bad = [zone[0]!.replace('MARTIN', 'MARTIM'), zone[1]!];
    const r = parseMrz(bad, { today });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.field)).toEqual(['compositeCheckDigit']);
  });

  it('does not take a standard TD2 zone from France for it', () => {
    const r = parseMrz(formatMrz({ ...base, documentCode: 'ID', issuingState: 'FRA' }, 'TD2'), { today });
    expect(r.variant).toBeUndefined();
    expect(r.valid).toBe(true);
  });
});

describe('splitZones', () => {
  it('splits on blank lines, trims, and accepts CR, LF and CRLF', () => {
    const text = `  ${SPECIMENS.td3![0]}\r\n${SPECIMENS.td3![1]}  \r\n\r\n${SPECIMENS.td1!.join('\r')}\r\r\n\n${SPECIMENS.mrvb!.join('\n')}\n`;
    expect(splitZones(text)).toEqual([SPECIMENS.td3, SPECIMENS.td1, SPECIMENS.mrvb]);
  });

  it('cuts zones sent back to back without blank lines', () => {
    expect(splitZones([...SPECIMENS.td3!, ...SPECIMENS.mrva!].join('\n'))).toEqual([SPECIMENS.td3, SPECIMENS.mrva]);
    expect(splitZones([...SPECIMENS.td1!, ...SPECIMENS.td1long!].join('\n'))).toEqual([SPECIMENS.td1, SPECIMENS.td1long]);
  });

  it('keeps a block it cannot cut as it is (parse then reports it)', () => {
    expect(splitZones('hello\nworld')).toEqual([['hello', 'world']]);
    expect(splitZones('\n \n')).toEqual([]);
  });
});

describe('formatMrz', () => {
  it('writes the ICAO examples character for character', () => {
    const fields = (key: string) => {
      const r = parseMrz(SPECIMENS[key]!, { today });
      return { ...r, optionalData2: r.optionalData2 ?? '' } as MrzFields;
    };
    for (const [key, format] of [['td3', 'TD3'], ['td3bac', 'TD3'], ['td1', 'TD1'], ['td2', 'TD2'], ['mrva', 'MRVA'], ['mrvb', 'MRVB'], ['td1long', 'TD1'], ['td2long', 'TD2']] as const) {
      expect(formatMrz(fields(key), format), key).toEqual(SPECIMENS[key]);
    }
  });

  it('transliterates names the ICAO way', () => {
    const lines = formatMrz({ ...base, surname: "Müller-Lüdenscheidt", givenNames: "Zoë O'Brien" }, 'TD3');
    expect(lines[0]).toMatch(/^P<NLDMUELLER<LUEDENSCHEIDT<<ZOE<OBRIEN<+$/);
  });

  it('refuses fields a zone cannot hold', () => {
    expect(() => formatMrz({ ...base, documentNumber: 'ABCDEFGHIJ' }, 'TD3')).toThrow(RangeError);
    expect(() => formatMrz({ ...base, birthDate: '14.03.1980' }, 'TD3')).toThrow(/YYYY-MM-DD/);
    expect(() => formatMrz({ ...base, issuingState: 'NLDX' }, 'TD3')).toThrow(RangeError);
    expect(() => formatMrz({ ...base, surname: '李' }, 'TD3')).toThrow(/transliteration/);
  });
});
