/**
 * Travel document keys. A number read from an MRZ or typed by an officer must meet the list's number
 * even when fillers, spaces or OCR confusions (O/0, I/1) differ; the issuing state must agree exactly.
 */
import { countryCode } from './countries';

/** Upper case, no fillers or separators, O->0 and I->1 (and Q->0, L->1 is too risky: real letters). */
export function documentNumberKey(raw: string | undefined | null): string {
  if (!raw) return '';
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/I/g, '1')
    .slice(0, 40);
}

/** Issuing state as ICAO code ('' when unknown). */
export function issuingStateKey(raw: string | undefined | null): string {
  return countryCode(raw);
}
