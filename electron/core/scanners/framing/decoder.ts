import type { ReaderProblemReason, ScannerProblemCode } from '../types';

/** What a framing decoder finds in the byte stream: a zone's lines, or a problem for the technician. */
export type DecoderOutput =
  | { kind: 'zone'; lines: string[] }
  | { kind: 'problem'; code: ScannerProblemCode; message: string; reason: ReaderProblemReason; params: Record<string, string | number> };

/**
 * Byte stream in, zones out. Decoders are pure state machines with capped buffers; the caller calls
 * `idle()` when no byte has arrived for the profile's gap time (a line document ends, a half frame is dropped).
 */
export interface FrameDecoder {
  push(chunk: Buffer): DecoderOutput[];
  idle(): DecoderOutput[];
  /** True while part of a frame or document is buffered (so the caller knows a gap matters). */
  readonly pending: boolean;
  reset(): void;
}

export type Framing = 'line' | 'stx-etx' | 'rte';

export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const CR = 0x0d;
export const LF = 0x0a;
export const FS = 0x1c;
export const GS = 0x1d;

/** Longest frame any supported reader sends for a zone is well under 200 bytes; more is noise. */
export const MAX_FRAME_BYTES = 1024;
export const MAX_LINE_CHARS = 256;
/** More lines than any zone has, with room for readers that add a status line. */
export const MAX_FRAME_LINES = 8;

export const problem = (code: ScannerProblemCode, message: string, reason: ReaderProblemReason, params: Record<string, string | number> = {}): DecoderOutput => ({ kind: 'problem', code, message, reason, params });

/** Splits frame text into zone lines: CR and/or LF separated, surrounding blanks removed, empty lines dropped. */
export function splitFrameLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
