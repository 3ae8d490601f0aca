/**
 * Bytes in, zones out, with the inter-byte gap handled: one per connection, whatever the transport.
 */
import type { DecoderOutput, FrameDecoder } from './framing/decoder';

export interface ZoneSink {
  zone(lines: string[], receivedAt: number): void;
  problem(output: Extract<DecoderOutput, { kind: 'problem' }>): void;
}

export class ByteStreamAssembler {
  private timer: NodeJS.Timeout | null = null;
  private lastByteAt = 0;

  constructor(
    private readonly decoder: FrameDecoder,
    private readonly gapMs: number,
    private readonly sink: ZoneSink,
  ) {}

  push(bytes: Buffer, at = Date.now()): void {
    if (bytes.length === 0) return;
    this.lastByteAt = at;
    this.deliver(this.decoder.push(bytes), at);
    if (this.decoder.pending) this.armGap();
    else this.clearGap();
  }

  /** The connection ended: whatever was half received is reported, not turned into a document. */
  end(): void {
    this.clearGap();
    this.deliver(this.decoder.idle().filter((o) => o.kind === 'problem'), this.lastByteAt);
    this.decoder.reset();
  }

  /** Drop state without reporting (driver closed by the user). */
  stop(): void {
    this.clearGap();
    this.decoder.reset();
  }

  private armGap(): void {
    if (this.timer) this.timer.refresh();
    else this.timer = setTimeout(() => this.onGap(), this.gapMs);
  }

  private clearGap(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private onGap(): void {
    this.timer = null;
    this.deliver(this.decoder.idle(), this.lastByteAt);
  }

  private deliver(outputs: DecoderOutput[], at: number): void {
    for (const o of outputs) {
      if (o.kind === 'zone') this.sink.zone(o.lines, at);
      else this.sink.problem(o);
    }
  }
}
