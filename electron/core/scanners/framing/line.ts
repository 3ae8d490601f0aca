import { CR, LF, MAX_FRAME_LINES, MAX_LINE_CHARS, problem, type DecoderOutput, type FrameDecoder } from './decoder';

/** Complete zone shapes (line count x length): TD1 3x30, TD2/MRV-B 2x36, TD3/MRV-A 2x44. */
const COMPLETE_SHAPES: ReadonlyArray<readonly number[]> = [
  [30, 30, 30],
  [36, 36],
  [44, 44],
];
const MAX_LINES = MAX_FRAME_LINES;

export interface LineDecoderOptions {
  /**
   * End the document as soon as the lines form a complete zone shape instead of waiting for the
   * empty line or the gap: saves the gap time (100 ms) on readers that send no trailing empty line.
   */
  endOnCompleteZone?: boolean;
}

/**
 * `line` framing: zone lines ended by CR, LF or CR LF; a document ends on an empty line, on an
 * inter-byte gap (`idle()`), or (optionally) when the lines form a complete zone.
 */
export class LineDecoder implements FrameDecoder {
  private lines: string[] = [];
  private current: number[] = [];
  private lastWasCr = false;
  private overflowing = false;
  private readonly endOnCompleteZone: boolean;

  constructor(opts: LineDecoderOptions = {}) {
    this.endOnCompleteZone = opts.endOnCompleteZone ?? true;
  }

  get pending(): boolean {
    return this.lines.length > 0 || this.current.length > 0 || this.overflowing;
  }

  reset(): void {
    this.lines = [];
    this.current = [];
    this.lastWasCr = false;
    this.overflowing = false;
  }

  push(chunk: Buffer): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    for (const byte of chunk) {
      if (byte === LF && this.lastWasCr) {
        this.lastWasCr = false; // CR LF is one line end
        continue;
      }
      this.lastWasCr = byte === CR;
      if (byte === CR || byte === LF) {
        this.endLine(out);
        continue;
      }
      if (this.overflowing) continue;
      if (this.current.length >= MAX_LINE_CHARS) {
        this.overflowing = true;
        this.current = [];
        out.push(problem('overflow', `Reader sent a line longer than ${MAX_LINE_CHARS} characters; it was discarded. Check the reader's serial settings (baud rate, framing).`, 'line_too_long', { max: MAX_LINE_CHARS }));
        continue;
      }
      this.current.push(byte);
    }
    return out;
  }

  idle(): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    if (this.current.length > 0 && !this.overflowing) {
      const text = this.takeLine();
      if (text !== '') this.addLine(text, out);
    }
    this.current = [];
    this.overflowing = false;
    this.lastWasCr = false;
    this.endDocument(out);
    return out;
  }

  private takeLine(): string {
    const text = Buffer.from(this.current).toString('latin1').trim();
    this.current = [];
    return text;
  }

  private endLine(out: DecoderOutput[]): void {
    if (this.overflowing) {
      this.overflowing = false;
      this.current = [];
      return;
    }
    const text = this.takeLine();
    if (text === '') {
      this.endDocument(out); // empty line: end of document
      return;
    }
    this.addLine(text, out);
    if (this.endOnCompleteZone && isCompleteShape(this.lines)) this.endDocument(out);
  }

  private addLine(text: string, out: DecoderOutput[]): void {
    if (this.lines.length >= MAX_LINES) {
      this.lines = [];
      out.push(problem('overflow', `Reader sent more than ${MAX_LINES} lines without a document break; they were discarded.`, 'too_many_lines', { max: MAX_LINES }));
    }
    this.lines.push(text);
  }

  private endDocument(out: DecoderOutput[]): void {
    if (this.lines.length === 0) return;
    out.push({ kind: 'zone', lines: this.lines });
    this.lines = [];
  }
}

function isCompleteShape(lines: string[]): boolean {
  return COMPLETE_SHAPES.some((shape) => shape.length === lines.length && shape.every((len, i) => lines[i]!.length === len));
}
