/**
 * A reader without hardware: specimens or any zone, encoded in a real framing and pushed through the
 * same decoders as a real reader, so demos, the browser harness and tests exercise the real path.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../app/errors';
import { parseMrz, SPECIMENS } from '../mrz';
import { BaseDriver } from './driver';
import { createFrameDecoder, defaultGapMs, encodeFrame, LineDecoder, StxEtxDecoder, type FrameDecoder } from './framing';
import { ACCESS_FRAME_END, ACCESS_FRAME_START, accessHidPayload, encodeAccessHidReports } from './hid/accessHid';
import { encodeKeyboardReports, KeyboardReportDecoder } from './hid/keyboard';
import { ByteStreamAssembler } from './pipeline';
import type { ParseZone, ScannedDocument } from './types';

export type SimulatedFraming = 'line' | 'stx-etx' | 'rte' | 'keyboard' | 'access-hid';

export interface SimulatorOptions {
  /** Reader id on emitted documents (default `simulator`). `id` is accepted too, as in a profile. */
  readerId?: string;
  id?: string;
  framing?: SimulatedFraming;
  parse?: ParseZone;
}

export class SimulatorDriver extends BaseDriver {
  private opened = false;
  readonly framing: SimulatedFraming;

  constructor(opts: SimulatorOptions = {}) {
    super(opts.readerId ?? opts.id ?? 'simulator', 'simulator', opts.parse ?? ((lines) => parseMrz(lines)));
    this.framing = opts.framing ?? 'stx-etx';
  }

  static specimenNames(): string[] {
    return Object.keys(SPECIMENS);
  }

  async open(): Promise<void> {
    this.opened = true;
    this.setStatus('connected', 'Simulated reader ready.', 'simulator_ready');
  }

  async close(): Promise<void> {
    this.opened = false;
    this.setStatus('disconnected', 'Simulated reader closed.', 'simulator_closed');
  }

  /** Emits an ICAO specimen (`td3`, `td1`, `td2`, `mrva`, `mrvb`, ...). Resolves with the document, or null. */
  emitSpecimen(name: string, opts: { framing?: SimulatedFraming } = {}): Promise<ScannedDocument | null> {
    const lines = SPECIMENS[name];
    if (!lines) throw new UserError('unknown_specimen', `No specimen named "${name}". Available: ${Object.keys(SPECIMENS).join(', ')}.`);
    return this.emitZone(lines, opts);
  }

  /** Emits the zone in a text file (one line per zone line). */
  async emitFile(path: string, opts: { framing?: SimulatedFraming } = {}): Promise<ScannedDocument | null> {
    const text = await readFile(path, 'latin1');
    return this.emitZone(text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== ''), opts);
  }

  /**
   * Frames the lines as the chosen reader would, then decodes those bytes with the real decoders.
   * Resolves with the emitted document, or null when the bytes did not make one (a problem was reported).
   */
  async emitZone(lines: string[], opts: { framing?: SimulatedFraming } = {}): Promise<ScannedDocument | null> {
    if (!this.opened) throw new UserError('reader_closed', 'The simulated reader is not open.');
    const framing = opts.framing ?? this.framing;
    const chunks = this.encode(framing, lines);
    let doc: ScannedDocument | null = null;
    const decoder = this.decoderFor(framing);
    const assembler = new ByteStreamAssembler(decoder.frames, framing === 'line' || framing === 'keyboard' ? defaultGapMs('line') : defaultGapMs('rte'), {
      zone: (zl, at) => {
        doc = this.deliverZone(zl, at) ?? doc;
      },
      problem: (p) => this.reportProblem(p.code, p.message, p.reason, p.params),
    });
    for (const chunk of chunks) {
      const at = Date.now();
      this.emitRaw('in', chunk, at);
      const bytes = decoder.toBytes(chunk);
      if (bytes) assembler.push(bytes, at);
    }
    // A simulated read is complete when its bytes are: end it now rather than waiting for a gap.
    assembler.end();
    return doc;
  }

  private encode(framing: SimulatedFraming, lines: string[]): Buffer[] {
    if (framing === 'keyboard') return encodeKeyboardReports(lines.map((l) => l + '\r').join('') + '\r');
    if (framing === 'access-hid') return encodeAccessHidReports(lines);
    return [encodeFrame(framing, lines)];
  }

  private decoderFor(framing: SimulatedFraming): { frames: FrameDecoder; toBytes: (chunk: Buffer) => Buffer | null } {
    if (framing === 'keyboard') {
      const kb = new KeyboardReportDecoder();
      return { frames: new LineDecoder(), toBytes: (r) => Buffer.from(kb.decode(r), 'latin1') };
    }
    if (framing === 'access-hid') {
      return {
        frames: new StxEtxDecoder({ startCode: ACCESS_FRAME_START, endCode: ACCESS_FRAME_END }),
        toBytes: (r) => {
          const p = accessHidPayload(r);
          return p.ok ? p.bytes : null;
        },
      };
    }
    return { frames: createFrameDecoder(framing), toBytes: (b) => b };
  }
}
