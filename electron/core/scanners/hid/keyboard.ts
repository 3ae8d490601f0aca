/**
 * Boot keyboard reports (modifier, reserved, six key usages; optionally led by a report ID) to text,
 * with a US layout: the reader "types" the zone, Enter ends a line.
 */

const LETTERS_START = 0x04; // a
const LETTERS_END = 0x1d; // z
const ERROR_ROLLOVER = 0x01;
const SHIFT = 0x02 | 0x20;
/** Ctrl, Alt, GUI (left and right): keys typed with them are shortcuts, not zone text. */
const NON_TEXT_MODIFIERS = 0x01 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80;

/** usage -> [unshifted, shifted]; keypad keys type the same with or without Shift (Num Lock assumed on). */
const KEYS: Record<number, [string, string]> = {
  0x1e: ['1', '!'], 0x1f: ['2', '@'], 0x20: ['3', '#'], 0x21: ['4', '$'], 0x22: ['5', '%'],
  0x23: ['6', '^'], 0x24: ['7', '&'], 0x25: ['8', '*'], 0x26: ['9', '('], 0x27: ['0', ')'],
  0x28: ['\r', '\r'], // Enter
  0x2c: [' ', ' '], 0x2d: ['-', '_'], 0x2e: ['=', '+'], 0x2f: ['[', '{'], 0x30: [']', '}'],
  0x31: ['\\', '|'], 0x33: [';', ':'], 0x34: ["'", '"'], 0x35: ['`', '~'],
  0x36: [',', '<'], 0x37: ['.', '>'], 0x38: ['/', '?'],
  0x54: ['/', '/'], 0x55: ['*', '*'], 0x56: ['-', '-'], 0x57: ['+', '+'], 0x58: ['\r', '\r'], // keypad, keypad Enter
  0x59: ['1', '1'], 0x5a: ['2', '2'], 0x5b: ['3', '3'], 0x5c: ['4', '4'], 0x5d: ['5', '5'],
  0x5e: ['6', '6'], 0x5f: ['7', '7'], 0x60: ['8', '8'], 0x61: ['9', '9'], 0x62: ['0', '0'], 0x63: ['.', '.'],
};

export function usageToChar(usage: number, shift: boolean): string {
  if (usage >= LETTERS_START && usage <= LETTERS_END) {
    const ch = String.fromCharCode(0x61 + usage - LETTERS_START);
    return shift ? ch.toUpperCase() : ch;
  }
  const k = KEYS[usage];
  return k ? k[shift ? 1 : 0] : '';
}

export interface KeyboardDecoderOptions {
  /** Report ID that leads each keyboard report; reports with another ID are ignored. Omit when the device has none. */
  reportId?: number;
}

export class KeyboardReportDecoder {
  private held = new Set<number>();
  constructor(private readonly opts: KeyboardDecoderOptions = {}) {}

  reset(): void {
    this.held.clear();
  }

  /** Text typed by this report: only keys newly pressed since the previous report count. */
  decode(report: Buffer): string {
    let r = report;
    if (this.opts.reportId !== undefined) {
      if (r[0] !== this.opts.reportId) return '';
      r = r.subarray(1);
    } else if (r.length === 9) {
      r = r.subarray(1); // a report ID the profile did not declare: a boot report is 8 bytes
    }
    if (r.length < 3) return '';
    const modifiers = r[0]!;
    const keys = [...r.subarray(2, 8)].filter((k) => k !== 0);
    // Phantom state (too many keys held): the report says nothing about which keys are down.
    if (keys.includes(ERROR_ROLLOVER)) return '';
    const shift = (modifiers & SHIFT) !== 0;
    const textAllowed = (modifiers & NON_TEXT_MODIFIERS) === 0;
    let text = '';
    for (const k of keys) {
      if (!this.held.has(k) && textAllowed) text += usageToChar(k, shift);
    }
    this.held = new Set(keys);
    return text;
  }
}

/** Reports a keyboard-mode reader sends to type `text` (press, release per character), for the simulator and tests. */
export function encodeKeyboardReports(text: string, opts: KeyboardDecoderOptions = {}): Buffer[] {
  const reports: Buffer[] = [];
  const withId = (b: number[]) => Buffer.from(opts.reportId === undefined ? b : [opts.reportId, ...b]);
  for (const ch of text) {
    const found = findUsage(ch);
    if (!found) continue;
    reports.push(withId([found.shift ? 0x02 : 0, 0, found.usage, 0, 0, 0, 0, 0]));
    reports.push(withId([0, 0, 0, 0, 0, 0, 0, 0]));
  }
  return reports;
}

function findUsage(ch: string): { usage: number; shift: boolean } | undefined {
  if (ch === '\r' || ch === '\n') return { usage: 0x28, shift: false };
  for (let u = LETTERS_START; u <= LETTERS_END; u++) {
    if (usageToChar(u, false) === ch) return { usage: u, shift: false };
    if (usageToChar(u, true) === ch) return { usage: u, shift: true };
  }
  for (const [u, [plain, shifted]] of Object.entries(KEYS)) {
    if (Number(u) >= 0x54) continue; // prefer main-row keys
    if (plain === ch) return { usage: Number(u), shift: false };
    if (shifted === ch) return { usage: Number(u), shift: true };
  }
  return undefined;
}
