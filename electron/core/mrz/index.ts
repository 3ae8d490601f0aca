/** Machine readable zones (ICAO 9303): read, validate, repair OCR confusions, write. */
export { parseMrz, detectFormat, type ParseOptions } from './parse';
export { splitZones } from './split';
export { formatMrz, type MrzFields } from './format';
export { checkDigit } from './checkDigit';
export { stateName, isKnownState, KNOWN_STATE_CODES } from './states';
export { SPECIMENS } from './specimens';
export type { MrzFormat, MrzIssue, MrzRepair, MrzResult } from './types';
