import { describe, expect, it } from 'vitest';
import { SPECIMENS, parseMrz } from '../../../electron/core/mrz/index';

const today = new Date('2026-11-28T12:00:00Z');

describe('ICAO 9303 example zones', () => {
  it('reads the Part 4 passport (TD3) field by field', () => {
    const r = parseMrz(SPECIMENS.td3!, { today });
    expect(r).toMatchObject({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
      sex: 'F',
      optionalData: 'ZE184226B',
      valid: true,
      errors: [],
    });
    expect(r.warnings.map((w) => w.code)).toEqual(['specimen', 'specimen', 'expired']);
  });

  it.each(Object.keys(SPECIMENS))('%s is valid', (key) => {
    const r = parseMrz(SPECIMENS[key]!, { today });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });
});
