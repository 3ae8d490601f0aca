import { describe, expect, it } from 'vitest';
import { SPECIMENS, parseMrz, splitZones } from '../../../electron/core/mrz/index';

const today = new Date('2026-11-28T12:00:00Z');
const td3 = SPECIMENS.td3!;

/** The contract every bad input must keep: a result, invalid, with at least one readable error. */
function expectClearRefusal(input: string | string[]) {
  const r = parseMrz(input, { today });
  expect(r.valid).toBe(false);
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.message.length).toBeGreaterThan(10);
    expect(Number.isInteger(e.line) && Number.isInteger(e.position)).toBe(true);
  }
  return r;
}

describe('bad input gets clear errors, never an exception', () => {
  it('empty input and blank lines', () => {
    expect(expectClearRefusal('').errors[0]!.message).toMatch(/no zone/);
    expectClearRefusal('\n\n  \r\n');
    expectClearRefusal([]);
  });

  it('wrong line lengths say what a zone should look like', () => {
    const r = expectClearRefusal([td3[0]!, td3[1]!.slice(0, 43)]);
    expect(r.errors[0]).toMatchObject({ field: 'structure', code: 'format' });
    expect(r.errors[0]!.message).toMatch(/2 lines of 44, 43 characters.*2 of 44 \(TD3, MRV-A\)/);
    expectClearRefusal([td3[0]!]);
    expectClearRefusal([...td3, td3[1]!]);
    expectClearRefusal(['P<UTO'.repeat(9), 'x']);
  });

  it('lowercase letters are named (and repair mode is suggested)', () => {
    const r = expectClearRefusal([td3[0]!.toLowerCase(), td3[1]!]);
    expect(r.errors[0]).toMatchObject({ code: 'charset', line: 1, position: 1 });
    expect(r.errors[0]!.message).toMatch(/Lowercase "p".*repair mode/);
    expect(parseMrz([td3[0]!.toLowerCase(), td3[1]!], { today, correct: true }).valid).toBe(true);
  });

  it('mixed line endings and surrounding whitespace are accepted', () => {
    expect(parseMrz(`\t ${td3[0]}\r\n${td3[1]} \r`, { today }).valid).toBe(true);
    expect(parseMrz(`${td3[0]}\r${td3[1]}`, { today }).valid).toBe(true);
    expect(parseMrz([` ${td3[0]}`, `${td3[1]}\n`], { today }).valid).toBe(true);
    // The zone sent as one run of 88 characters.
    expect(parseMrz(td3.join(''), { today }).valid).toBe(true);
  });

  it('a megabyte of noise is refused at once', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const noise = Array.from({ length: 1 << 20 }, () => String.fromCharCode(Math.floor(rnd() * 0x3000))).join('');
    const started = performance.now();
    const r = expectClearRefusal(noise);
    expect(r.errors[0]!.message).toMatch(/characters long; a zone has at most 90/);
    expect(parseMrz(noise, { today, correct: true }).valid).toBe(false);
    const zones = splitZones(noise);
    for (const zone of zones.slice(0, 200)) expect(parseMrz(zone, { today, correct: true }).valid).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('random printable garbage of zone size never throws', () => {
    const chars = 'ABCXYZ0189<< \t\u00e9\u0410\u041e\uff21\u200b';
    let seed = 3;
    const rnd = (n: number) => (seed = (seed * 69069 + 1) >>> 0) % n;
    for (let i = 0; i < 500; i++) {
      const line = () => Array.from({ length: 28 + rnd(20) }, () => chars[rnd(chars.length)]).join('');
      const lines = Array.from({ length: 1 + rnd(3) }, line);
      for (const correct of [false, true]) {
        const r = parseMrz(lines, { today, correct });
        expect(typeof r.valid).toBe('boolean');
      }
    }
  });

  it('Unicode look-alikes (Cyrillic, Greek, full-width, «) are named, and repaired only on request', () => {
    const cyrillic = td3[0]!.replace('P', '\u0420').replace('ERIKSSON', 'ERIK\u0405\u0405\u041eN');
    const r = expectClearRefusal([cyrillic, td3[1]!]);
    expect(r.errors[0]!.message).toMatch(/U\+0420.*only looks like/);
    const fixed = parseMrz([cyrillic, td3[1]!], { today, correct: true });
    expect(fixed.valid).toBe(true);
    expect(fixed.repairs!.slice(0, 4)).toEqual([
      { line: 1, position: 1, from: '\u0420', to: 'P' },
      { line: 1, position: 10, from: '\u0405', to: 'S' },
      { line: 1, position: 11, from: '\u0405', to: 'S' },
      { line: 1, position: 12, from: '\u041e', to: 'O' },
    ]);
    const wide = parseMrz([td3[0]!.replace('UTO', '\uff35\uff34\uff2f').replace(/<$/, '\u00ab'), td3[1]!], { today, correct: true });
    expect(wide.valid).toBe(true);
    expect(expectClearRefusal([td3[0]!.replace('UTO', '\uff35\uff34\uff2f'), td3[1]!]).errors[0]!.message).toMatch(/U\+FF35/);
  });

  it('a zero-width or control character is an error, not silently dropped', () => {
    const r = expectClearRefusal([td3[0]!.slice(0, 20) + '\u200b' + td3[0]!.slice(21), td3[1]!]);
    expect(r.errors[0]!.message).toMatch(/U\+200B is not allowed/);
  });

  it('non-string input does not throw', () => {
    expectClearRefusal(undefined as unknown as string);
    expectClearRefusal(42 as unknown as string);
    expect(parseMrz([1, 2] as unknown as string[], { today }).valid).toBe(false);
    expect(parseMrz(td3, { today: new Date('not a date') }).valid).toBe(true);
  });
});
