import { ETX, MAX_FRAME_BYTES, MAX_FRAME_LINES, STX, problem, splitFrameLines, type DecoderOutput, type FrameDecoder } from './decoder';

export interface StxEtxOptions {
  /** Start/end-of-document codes some readers send around the frame (DESKO `SODn`/`EODn`); tolerated, not required. */
  startCode?: Buffer;
  endCode?: Buffer;
}

/**
 * `stx-etx` framing: `[SOD] STX line CR line CR [line CR] ETX [EOD]`. Bytes outside a frame other than
 * the document codes and blanks are reported as garbage; a frame that never ends is dropped on `idle()`.
 */
export class StxEtxDecoder implements FrameDecoder {
  private frame: number[] | null = null;
  private strayBytes = 0;
  private readonly tolerated: Set<number>;

  constructor(opts: StxEtxOptions = {}) {
    // Document codes are single bytes or short sequences of control bytes; tolerating their bytes
    // outside a frame is enough (they carry no zone data).
    this.tolerated = new Set([...(opts.startCode ?? []), ...(opts.endCode ?? []), 0x0d, 0x0a, 0x20, 0x00]);
  }

  get pending(): boolean {
    return this.frame !== null || this.strayBytes > 0;
  }

  reset(): void {
    this.frame = null;
    this.strayBytes = 0;
  }

  push(chunk: Buffer): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    for (const byte of chunk) {
      if (byte === STX) {
        this.flushStray(out);
        if (this.frame !== null) out.push(problem('truncated_frame', 'Reader started a new frame before ending the previous one; the unfinished frame was discarded.', 'frame_restarted'));
        this.frame = [];
        continue;
      }
      if (this.frame === null) {
        if (!this.tolerated.has(byte) && byte !== ETX) this.strayBytes++;
        continue;
      }
      if (byte === ETX) {
        const lines = splitFrameLines(Buffer.from(this.frame).toString('latin1'));
        this.frame = null;
        if (lines.length > MAX_FRAME_LINES) out.push(problem('overflow', `Reader sent a frame of ${lines.length} lines (a zone has 2 or 3); it was discarded.`, 'frame_too_many_lines', { lines: lines.length }));
        else if (lines.length > 0) out.push({ kind: 'zone', lines });
        else out.push(problem('not_a_zone', 'Reader sent an empty frame (no lines were read: reposition the document).', 'frame_empty'));
        continue;
      }
      if (this.frame.length >= MAX_FRAME_BYTES) {
        this.frame = null;
        out.push(problem('overflow', `Reader sent a frame longer than ${MAX_FRAME_BYTES} bytes without ETX; it was discarded. Check the framing in the reader profile.`, 'frame_no_etx', { max: MAX_FRAME_BYTES }));
        continue;
      }
      this.frame.push(byte);
    }
    return out;
  }

  idle(): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    this.flushStray(out);
    if (this.frame !== null) {
      out.push(problem('truncated_frame', 'Reader stopped sending in the middle of a frame; the partial frame was discarded.', 'frame_cut'));
      this.frame = null;
    }
    return out;
  }

  private flushStray(out: DecoderOutput[]): void {
    if (this.strayBytes === 0) return;
    out.push(problem('garbage', `Reader sent ${this.strayBytes} bytes outside any STX/ETX frame; they were ignored. Check the framing in the reader profile.`, 'stray_bytes_frame', { bytes: this.strayBytes }));
    this.strayBytes = 0;
  }
}
