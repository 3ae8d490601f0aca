/**
 * Builds the bytes a reader would send for a zone, per framing. Used by the simulator (demos and the
 * browser harness go through the real decoders), by tests, the fuzzer and the benchmark.
 */
import { ETX, SOH, STX, type Framing } from './decoder';
import { rteBlockCheck } from './rte';

export interface EncodeOptions {
  /** line: `\r` (default) or `\r\n` after each line. */
  lineEnd?: '\r' | '\r\n';
  /** line: send the empty line that ends the document (default true). */
  endWithEmptyLine?: boolean;
  /** stx-etx: start/end-of-document codes around the frame. */
  startCode?: Buffer;
  endCode?: Buffer;
  /** rte: the flag byte (default `0`). */
  rteFlag?: number;
}

export function encodeLineFrame(lines: string[], opts: EncodeOptions = {}): Buffer {
  const end = opts.lineEnd ?? '\r';
  const text = lines.map((l) => l + end).join('') + (opts.endWithEmptyLine === false ? '' : end);
  return Buffer.from(text, 'latin1');
}

export function encodeStxEtxFrame(lines: string[], opts: EncodeOptions = {}): Buffer {
  return Buffer.concat([
    opts.startCode ?? Buffer.alloc(0),
    Buffer.from([STX]),
    Buffer.from(lines.map((l) => l + '\r').join(''), 'latin1'),
    Buffer.from([ETX]),
    opts.endCode ?? Buffer.alloc(0),
  ]);
}

/** RTE block: three `_`-padded slots, bottom line third; 3-line zones pad to 30, others to 44. */
export function encodeRteFrame(lines: string[], opts: EncodeOptions = {}): Buffer {
  const slots = ['', '', '', ...lines].slice(-3);
  const width = lines.length >= 3 ? 30 : 44;
  const data = slots.map((l) => (l === '' ? '' : l.padEnd(width, '_')) + '\r').join('');
  const body = Buffer.from(data, 'latin1');
  const total = 1 + 2 + 2 + 1 + 1 + body.length + 1 + 1;
  const block = Buffer.alloc(total);
  block[0] = SOH;
  block.writeUInt16LE(total & 0x3fff, 1);
  block.write('OU', 3, 'latin1');
  block[5] = STX;
  block[6] = opts.rteFlag ?? 0x30;
  body.copy(block, 7);
  block[total - 2] = ETX;
  block[total - 1] = rteBlockCheck(block, total - 1);
  return block;
}

export function encodeFrame(framing: Framing, lines: string[], opts: EncodeOptions = {}): Buffer {
  switch (framing) {
    case 'line':
      return encodeLineFrame(lines, opts);
    case 'stx-etx':
      return encodeStxEtxFrame(lines, opts);
    case 'rte':
      return encodeRteFrame(lines, opts);
  }
}

