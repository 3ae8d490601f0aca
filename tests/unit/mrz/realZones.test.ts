/**
 * Real zones: the two ICAO specimen data pages in ../shared/datasets/specimen-pages, and the
 * ground truth of photographed documents in ../shared/datasets/mrz-lines (fakes and templates
 * included, so not every zone there is valid). Skipped, with a message, when the datasets are absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../electron/core/mrz/index';

const datasets = join(__dirname, '../../../../shared/datasets');
const pages = join(datasets, 'specimen-pages');
const linesDir = join(datasets, 'mrz-lines/lines');
const today = new Date('2026-11-28T12:00:00Z');

describe.skipIf(!existsSync(pages))('specimen pages (skipped: ../shared/datasets/specimen-pages not found)', () => {
  // Read off the images (passport-td3.jpg, passport-td2.jpg); the files carry no text of their own.
  const transcribed: Record<string, string[]> = {
    'passport-td3.jpg': ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    'passport-td2.jpg': ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  };

  it.each(Object.keys(transcribed))('%s carries a valid zone matching its printed data', (file) => {
    expect(existsSync(join(pages, file))).toBe(true);
    const r = parseMrz(transcribed[file]!, { today });
    expect(r.errors).toEqual([]);
    // What the page prints in its visual zone.
    expect(r).toMatchObject({ valid: true, surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12', expiryDate: '2012-04-15', sex: 'F', issuingState: 'UTO' });
    expect(r.documentNumber).toBe(file.includes('td3') ? 'L898902C3' : 'D23145890');
  });
});

/** The zone of one photographed document, lines in zone order (the crops are not numbered in order). */
function zoneOf(photo: string): string[] {
  const lines = readdirSync(linesDir)
    .filter((f) => f.startsWith(`${photo}-`) && f.endsWith('.gt.txt'))
    .map((f) => readFileSync(join(linesDir, f), 'utf8').trim());
  const orders = (a: string[]): string[][] => (a.length <= 1 ? [a] : a.flatMap((x, i) => orders([...a.slice(0, i), ...a.slice(i + 1)]).map((p) => [x, ...p])));
  const best = orders(lines).map((o) => ({ o, r: parseMrz(o, { today }) })).sort((a, b) => a.r.errors.length - b.r.errors.length)[0];
  return best ? best.o : [];
}

describe.skipIf(!existsSync(linesDir))('photographed documents (skipped: ../shared/datasets/mrz-lines not found)', () => {
  it('a French identity card of the 1988 model is read as that variant', () => {
    const r = parseMrz(zoneOf('CNI.jpg'), { today });
    expect(r).toMatchObject({ valid: true, variant: 'FRA-CNI-1988', issuingState: 'FRA', expiryDate: '' });
  });

  it('a German visa writes its state as D<<', () => {
    const r = parseMrz(zoneOf('Visum_Ausfuellbeispiel_farbig.jpg'), { today });
    expect(r).toMatchObject({ valid: true, format: 'MRVB', issuingState: 'D' });
  });

  it('a US permanent resident card has the code C1', () => {
    const r = parseMrz(zoneOf('green_card_lasercard.jpg'), { today });
    expect(r).toMatchObject({ valid: true, format: 'TD1', documentCode: 'C1', issuingState: 'USA' });
    expect(r.warnings.map((w) => w.code)).toContain('document_code_digit');
  });

  it('a Czech passport (TD3) is valid', () => {
    expect(parseMrz(zoneOf('500px-Czech_passport_2006_MRZ_data.jpg'), { today })).toMatchObject({ valid: true, format: 'TD3', issuingState: 'CZE' });
  });
});
