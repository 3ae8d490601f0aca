import { describe, expect, it } from 'vitest';
import { MRZ_ISSUE_MESSAGES, SPECIMENS, issueMessageId, parseMrz } from '../../../electron/core/mrz';

const today = new Date('2026-11-28T12:00:00Z');

describe('MRZ issues carry their parameters', () => {
  it('gives a check-digit error its code, the digit found and the digit expected', () => {
    const lines = [...SPECIMENS.td3!];
    lines[1] = lines[1]!.replace('L898902C36', 'L898902C37');
    const r = parseMrz(lines, { today });
    const e = r.errors[0]!;
    expect([e.field, e.code, e.line, e.position]).toEqual(['documentNumber', 'check_digit', 2, 10]);
    expect(e.params).toEqual({ found: '7', expected: 6 });
    expect(issueMessageId(e)).toBe('check_digit');
    // The English sentence is unchanged for the CLI.
    expect(e.message).toMatch(/check digit is 7 but the document number gives 6/);
  });

  it('marks a check digit that is not a digit as its own message', () => {
    const lines = [...SPECIMENS.td3!];
    lines[1] = lines[1]!.replace('L898902C36', 'L898902C3<');
    const e = parseMrz(lines, { today }).errors.find((i) => i.field === 'documentNumber')!;
    expect(issueMessageId(e)).toBe('check_digit.not_digit');
    expect(e.params).toMatchObject({ found: '<' });
  });

  it('gives dates as ISO dates and bad characters by code point', () => {
    const expired = parseMrz(SPECIMENS.td3!, { today });
    expect(expired.warnings.find((w) => w.code === 'expired')?.params).toEqual({ date: expired.expiryDate });
    const lower = [...SPECIMENS.td3!];
    lower[0] = lower[0]!.replace('ERIKSSON', 'ERIkSSON');
    const bad = parseMrz(lower, { today }).errors.find((e) => e.code === 'charset')!;
    expect(issueMessageId(bad)).toBe('charset.lowercase');
    expect(bad.params).toMatchObject({ char: 'k', hex: 'U+006B' });
  });

  it('only emits message ids from the exported list', () => {
    const td3 = SPECIMENS.td3!;
    const inputs: Array<string | string[]> = [
      td3,
      [td3[0]!.replace('P<', '1<'), td3[1]!],
      [td3[0]!.replace('UTO', 'U1O'), td3[1]!.replace('740812', '741312')],
      [td3[0]!.replace('ERIKSSON', 'ERIK SSON'), td3[1]!.replace('F1204159', 'Q1204159')],
      [td3[0]!, td3[1]!.slice(0, 40)],
      'x'.repeat(2000),
      '',
      SPECIMENS.td1!,
      SPECIMENS.td2!,
    ];
    const seen = new Set<string>();
    for (const input of inputs) {
      for (const correct of [false, true]) {
        const r = parseMrz(input, { today, correct });
        for (const i of [...r.errors, ...r.warnings]) {
          seen.add(issueMessageId(i));
          expect(MRZ_ISSUE_MESSAGES as readonly string[]).toContain(issueMessageId(i));
          expect(i.params).toBeDefined();
        }
      }
    }
    expect(seen.size).toBeGreaterThan(6);
  });
});
