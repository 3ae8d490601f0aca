import { describe, expect, it } from 'vitest';
import { PAIR_KINDS, WATCHLIST_REASON_CODES } from '../../../electron/core/watchlist';
import { MRZ_ISSUE_MESSAGES } from '../../../electron/core/mrz';
import { READER_PROBLEM_CODES, SCANNER_STATUS_CODES } from '../../../electron/core/scanners/types';
import { SYNC_PULL_ERROR_CODES } from '../../../electron/core/sync';
import { DOCTOR_CHECK_CODES, DOCTOR_FIX_CODES } from '../../../electron/core/app/doctor';
import { en } from '../../../renderer/src/i18n/en';
import { th } from '../../../renderer/src/i18n/th';
import { vi } from '../../../renderer/src/i18n/vi';
import { id } from '../../../renderer/src/i18n/id';

/**
 * Every code the core can put on a message the screens show has a sentence in each language: the
 * codes come from each domain's exported list (the lists the core's types are checked against).
 */
const catalogs: Record<string, Record<string, string>> = { en, th, vi, id };

const keys = [
  ...WATCHLIST_REASON_CODES.map((c) => `watchlist.reason.${c}`),
  ...PAIR_KINDS.map((k) => `watchlist.reason.kind.${k}`),
  ...MRZ_ISSUE_MESSAGES.map((c) => `mrz.${c}`),
  ...SCANNER_STATUS_CODES.map((c) => `readerStatus.${c}`),
  ...READER_PROBLEM_CODES.map((c) => `readerProblem.${c}`),
  ...SYNC_PULL_ERROR_CODES.map((c) => `error.${c}`),
  ...DOCTOR_CHECK_CODES.map((c) => `doctor.check.${c}`),
  ...DOCTOR_FIX_CODES.map((c) => `doctor.fixFor.${c}`),
];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('core message codes in the catalogs', () => {
  it('collects codes from every domain', () => {
    expect(WATCHLIST_REASON_CODES.length).toBeGreaterThan(10);
    expect(MRZ_ISSUE_MESSAGES.length).toBeGreaterThan(30);
    expect(SCANNER_STATUS_CODES.length).toBeGreaterThan(10);
    expect(READER_PROBLEM_CODES.length).toBeGreaterThan(25);
    expect(SYNC_PULL_ERROR_CODES.length).toBeGreaterThan(10);
    expect(DOCTOR_CHECK_CODES.length).toBeGreaterThan(20);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`has a sentence for every code in ${locale}, naming the same values as the English one`, () => {
      const missing = keys.filter((k) => typeof catalog[k] !== 'string' || catalog[k] === '');
      expect(missing).toEqual([]);
      const wrongValues = keys.filter((k) => JSON.stringify(placeholders(catalog[k]!)) !== JSON.stringify(placeholders(en[k as keyof typeof en])));
      expect(wrongValues).toEqual([]);
    });
  }

  it('translates the sentences rather than copying the English', () => {
    for (const locale of ['th', 'vi', 'id']) {
      const copied = keys.filter((k) => /[a-z]{4}/.test(en[k as keyof typeof en].replace(/\{\w+\}|`[^`]*`|Node|Electron|SQLite/g, '')) && catalogs[locale]![k] === en[k as keyof typeof en]);
      expect({ locale, copied }).toEqual({ locale, copied: [] });
    }
  });
});
