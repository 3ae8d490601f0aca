import type { FrameDecoder } from './decoder';
import { AutoDecoder } from './auto';
import { LineDecoder } from './line';
import { RteDecoder } from './rte';
import { StxEtxDecoder, type StxEtxOptions } from './stxEtx';

export * from './decoder';
export { LineDecoder } from './line';
export { StxEtxDecoder } from './stxEtx';
export { RteDecoder, rteBlockCheck } from './rte';
export { AutoDecoder } from './auto';
export * from './encode';

export type SerialFraming = 'line' | 'stx-etx' | 'rte' | 'auto';

export function createFrameDecoder(framing: SerialFraming, opts: StxEtxOptions = {}): FrameDecoder {
  switch (framing) {
    case 'line':
      return new LineDecoder();
    case 'stx-etx':
      return new StxEtxDecoder(opts);
    case 'rte':
      return new RteDecoder();
    case 'auto':
      return new AutoDecoder(opts);
  }
}

/** Line documents end on a short gap; framed protocols only drop a half frame after a long silence. */
export function defaultGapMs(framing: SerialFraming): number {
  return framing === 'line' ? 100 : 1000;
}
