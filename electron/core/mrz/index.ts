/**
 * Machine readable zones (ICAO Doc 9303, 8th edition): read, validate, repair OCR confusions, write.
 *
 * - `parseMrz(zone, { correct, today })` never throws; a bad zone is `valid: false` with errors
 *   that name the field, line and position. Warnings (unknown state, expired, specimen, national
 *   variants such as the French 1988 identity card or the US C1 card code) never make a zone invalid.
 * - With `correct: true` every change is listed in `repairs`; a change no check digit can confirm
 *   (names, state codes, K read for <) adds a `repaired_unchecked` warning, a field several readings
 *   would fit is left as read with `repair_ambiguous`.
 * - ICAO's check digit cannot tell characters whose values are equal modulo 10 apart (1/B/L/V,
 *   6/G/Q, 0/</A/K/U…): a misread between those leaves a valid zone. No reader can detect it.
 */
export { parseMrz, detectFormat, type ParseOptions } from './parse';
export { splitZones } from './split';
export { formatMrz, type MrzFields } from './format';
export { checkDigit } from './checkDigit';
export { stateName, isKnownState, KNOWN_STATE_CODES } from './states';
export { SPECIMENS } from './specimens';
export type { MrzFormat, MrzIssue, MrzIssueMessageId, MrzRepair, MrzResult } from './types';
export { MRZ_ISSUE_MESSAGES, issueMessageId } from './types';
