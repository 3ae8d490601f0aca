/**
 * ICAO 9303 Part 3 check digit: weights 7, 3, 1 repeating; digits count as themselves, A–Z as 10–35,
 * the filler `<` as 0; the sum modulo 10.
 */
const VALUE = new Int8Array(128).fill(-1);
for (let c = 48; c <= 57; c++) VALUE[c] = c - 48;
for (let c = 65; c <= 90; c++) VALUE[c] = c - 55;
VALUE[60] = 0; // '<'
const WEIGHTS = [7, 3, 1];

/** The check digit (0–9) over `s`, or -1 when `s` holds a character an MRZ cannot carry. */
export function checkDigit(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const v = code < 128 ? VALUE[code]! : -1;
    if (v < 0) return -1;
    sum += v * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/** True for the 37 characters an MRZ may contain: A–Z, 0–9 and the filler `<`. */
export function isMrzChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code < 128 && VALUE[code]! >= 0;
}
