import type { ReaderProblemReason } from '../types';
import { CR, ETX, LF, MAX_FRAME_BYTES, SOH, STX, problem, type DecoderOutput, type FrameDecoder } from './decoder';

/** Fixed part of a block: SOH, length word (2), "OU", STX, flag, ETX, BCC. */
const MIN_BLOCK = 9;
const O = 0x4f;
const U = 0x55;

/**
 * Block check character: XOR of every byte after SOH up to and including ETX (the usual convention for
 * SOH/STX/ETX blocks; the integration manuals of the RTE family describe the block layout, this project
 * assumes this BCC span and verifies it on every block).
 */
export function rteBlockCheck(block: Uint8Array, endExclusive: number): number {
  let bcc = 0;
  for (let i = 1; i < endExclusive; i++) bcc ^= block[i]!;
  return bcc;
}

/**
 * `rte` framing (3M/Thales RTE Native): `SOH len(lo,hi) "OU" STX flag data ETX BCC`, where the length
 * word (14 significant bits) counts every byte of the block and the data holds three CR-ended lines
 * padded with `_`, the bottom line of the document always third (missing top lines are empty).
 * A block that fails any check is reported and the decoder resynchronises on the next SOH.
 */
export class RteDecoder implements FrameDecoder {
  private block: number[] | null = null;
  private expected = 0;
  private strayBytes = 0;

  get pending(): boolean {
    return this.block !== null || this.strayBytes > 0;
  }

  reset(): void {
    this.block = null;
    this.expected = 0;
    this.strayBytes = 0;
  }

  push(chunk: Buffer): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    for (let i = 0; i < chunk.length; i++) this.feed(chunk[i]!, out);
    return out;
  }

  /** Feeds one byte; when a block turns out bad, its bytes after the SOH are fed again (bounded by the block cap). */
  private feed(first: number, out: DecoderOutput[]): void {
    let todo: number[] = [first];
    let i = 0;
    while (i < todo.length) {
      const rescan = this.take(todo[i++]!, out);
      if (rescan) {
        todo = rescan.concat(todo.slice(i));
        i = 0;
      }
    }
  }

  idle(): DecoderOutput[] {
    const out: DecoderOutput[] = [];
    this.flushStray(out);
    if (this.block !== null) {
      out.push(problem('truncated_frame', 'Reader stopped sending in the middle of a block; the partial block was discarded.', 'block_cut'));
      const rest = this.block.slice(1);
      this.block = null;
      // A complete block may hide behind a false start (a stray SOH before it): look for one in the
      // dropped bytes. After a gap nothing more of a half block will come, so nothing stays pending.
      if (rest.includes(SOH)) out.push(...this.push(Buffer.from(rest)).filter((o) => o.kind === 'zone'));
      this.block = null;
      this.strayBytes = 0;
    }
    return out;
  }

  /** Feeds one byte; returns bytes to rescan when the current block turned out to be bad. */
  private take(byte: number, out: DecoderOutput[]): number[] | null {
    if (this.block === null) {
      if (byte === SOH) {
        this.flushStray(out);
        this.block = [byte];
        this.expected = 0; // known once the length word is in
      } else if (byte !== CR && byte !== LF && byte !== 0) {
        this.strayBytes++;
      }
      return null;
    }
    const b = this.block;
    b.push(byte);
    const n = b.length;
    if (n === 3) {
      this.expected = (b[1]! | (b[2]! << 8)) & 0x3fff;
      if (this.expected < MIN_BLOCK || this.expected > MAX_FRAME_BYTES) return this.fail(out, 'bad_length', `Reader sent a block with an impossible length (${this.expected} bytes); it was discarded.`, 'block_bad_length', { bytes: this.expected });
    } else if ((n === 4 && byte !== O) || (n === 5 && byte !== U) || (n === 6 && byte !== STX)) {
      return this.fail(out, 'garbage', 'Reader sent a block that is not optical data ("OU"); it was ignored.', 'block_not_optical');
    } else if (n > 6 && n === this.expected) {
      if (b[n - 2] !== ETX) return this.fail(out, 'bad_length', 'Reader sent a block whose length does not match its end (no ETX where expected); it was discarded.', 'block_no_etx');
      if (rteBlockCheck(Uint8Array.from(b), n - 1) !== b[n - 1]) {
        this.block = null;
        out.push(problem('bad_block_check', 'Reader sent a block with a wrong block check (BCC): transmission error, the read was discarded. Scan the document again.', 'block_bad_bcc'));
        return null;
      }
      this.block = null;
      const data = Buffer.from(b.slice(7, n - 2)).toString('latin1');
      const lines = data
        .split('\r')
        .map((l) => l.replace(/_+$/, '').trim())
        .filter((l) => l.length > 0);
      out.push(lines.length > 0 ? { kind: 'zone', lines } : problem('not_a_zone', 'Reader sent a block with no lines (nothing was read: reposition the document).', 'block_empty'));
    }
    return null;
  }

  private fail(out: DecoderOutput[], code: 'bad_length' | 'garbage', message: string, reason: ReaderProblemReason, params: Record<string, string | number> = {}): number[] {
    out.push(problem(code, message, reason, params));
    const rest = this.block!.slice(1);
    this.block = null;
    return rest;
  }

  private flushStray(out: DecoderOutput[]): void {
    if (this.strayBytes === 0) return;
    out.push(problem('garbage', `Reader sent ${this.strayBytes} bytes outside any block; they were ignored. Check the framing in the reader profile.`, 'stray_bytes_block', { bytes: this.strayBytes }));
    this.strayBytes = 0;
  }
}
