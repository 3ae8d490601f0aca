import { CR, LF, SOH, STX, type DecoderOutput, type FrameDecoder } from './decoder';
import { LineDecoder } from './line';
import { RteDecoder } from './rte';
import { StxEtxDecoder, type StxEtxOptions } from './stxEtx';

/**
 * Framing detection for profiles set to `auto`: each document's first significant byte picks the
 * decoder (SOH = rte, STX or a start-of-document code = stx-etx, printable text = line).
 */
export class AutoDecoder implements FrameDecoder {
  private readonly line = new LineDecoder();
  private readonly stx: StxEtxDecoder;
  private readonly rte = new RteDecoder();
  private active: FrameDecoder | null = null;
  private readonly startBytes: Set<number>;
  private readonly one = Buffer.alloc(1);

  constructor(opts: StxEtxOptions = {}) {
    this.stx = new StxEtxDecoder(opts);
    this.startBytes = new Set([STX, 0x1c, ...(opts.startCode ?? [])]);
  }

  get pending(): boolean {
    return this.active?.pending ?? false;
  }

  reset(): void {
    this.line.reset();
    this.stx.reset();
    this.rte.reset();
    this.active = null;
  }

  push(chunk: Buffer): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    for (const byte of chunk) {
      // A framing's start byte in the middle of another framing's document: the reader (or the
      // profile) changed framing; end what was pending and follow the new start.
      if (this.active?.pending) {
        const restart = (byte === SOH && this.active !== this.rte) || (this.startBytes.has(byte) && this.active === this.line);
        if (restart) for (const o of this.active.idle()) out.push(o);
      }
      if (!this.active || !this.active.pending) {
        if (byte === SOH) this.active = this.rte;
        else if (this.startBytes.has(byte)) this.active = this.stx;
        else if (byte >= 0x20 && byte < 0x7f) this.active = this.line;
        else if (byte === CR || byte === LF || byte === 0) continue;
        // Anything else goes to whichever decoder is current (it reports it as garbage).
        this.active ??= this.stx;
      }
      this.one[0] = byte;
      for (const o of this.active.push(this.one)) out.push(o);
    }
    return out;
  }

  idle(): DecoderOutput[] {
    return this.active ? this.active.idle() : [];
  }
}
