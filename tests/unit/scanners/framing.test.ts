import { describe, expect, it } from 'vitest';
import {
  AutoDecoder,
  encodeFrame,
  LineDecoder,
  RteDecoder,
  StxEtxDecoder,
  type DecoderOutput,
  type FrameDecoder,
} from '../../../electron/core/scanners/framing';
import { TD1, TD2, TD3 } from './helpers';

const zones = (out: DecoderOutput[]) => out.filter((o) => o.kind === 'zone').map((o) => (o as { lines: string[] }).lines);
const problems = (out: DecoderOutput[]) => out.filter((o) => o.kind === 'problem').map((o) => (o as { code: string }).code);

/** Feeds bytes one at a time (worst case chunking), then the gap. */
function feedBytewise(d: FrameDecoder, bytes: Buffer): DecoderOutput[] {
  const out: DecoderOutput[] = [];
  for (const b of bytes) out.push(...d.push(Buffer.of(b)));
  return out;
}

describe('line framing', () => {
  it('reads CR and CR LF line ends; an empty line ends the document', () => {
    for (const lineEnd of ['\r', '\r\n'] as const) {
      const d = new LineDecoder({ endOnCompleteZone: false });
      const out = feedBytewise(d, encodeFrame('line', TD1, { lineEnd }));
      expect(zones(out)).toEqual([TD1]);
      expect(d.pending).toBe(false);
    }
  });

  it('ends a document on the inter-byte gap when the reader sends no empty line', () => {
    const d = new LineDecoder({ endOnCompleteZone: false });
    const out = d.push(encodeFrame('line', TD3, { endWithEmptyLine: false }));
    expect(zones(out)).toEqual([]);
    expect(d.pending).toBe(true);
    expect(zones(d.idle())).toEqual([TD3]);
  });

  it('ends early on a complete zone shape (saves the gap), then ignores the trailing empty line', () => {
    const d = new LineDecoder();
    const out = d.push(encodeFrame('line', TD3, { endWithEmptyLine: false }));
    expect(zones(out)).toEqual([TD3]);
    expect(zones(d.push(Buffer.from('\r')))).toEqual([]);
  });

  it('separates back-to-back documents', () => {
    const d = new LineDecoder();
    const out = d.push(Buffer.concat([encodeFrame('line', TD3), encodeFrame('line', TD1), encodeFrame('line', TD2)]));
    expect(zones(out)).toEqual([TD3, TD1, TD2]);
  });

  it('discards an endless line with an overflow report and recovers', () => {
    const d = new LineDecoder();
    const out = d.push(Buffer.concat([Buffer.alloc(5000, 0x41), Buffer.from('\r'), encodeFrame('line', TD3)]));
    expect(problems(out)).toEqual(['overflow']);
    expect(zones(out)).toEqual([TD3]);
  });
});

describe('stx-etx framing', () => {
  const sod = Buffer.from([0x1b, 0x4f]);
  const eod = Buffer.from([0x1b, 0x45]);

  it('reads frames with and without start/end-of-document codes, byte by byte', () => {
    const d = new StxEtxDecoder({ startCode: sod, endCode: eod });
    const out = feedBytewise(d, Buffer.concat([encodeFrame('stx-etx', TD3), encodeFrame('stx-etx', TD1, { startCode: sod, endCode: eod })]));
    expect(zones(out)).toEqual([TD3, TD1]);
    expect(problems(out)).toEqual([]);
  });

  it('drops a frame that never ends when the line goes quiet, and a frame cut by a new STX', () => {
    const d = new StxEtxDecoder();
    const half = encodeFrame('stx-etx', TD3).subarray(0, 40);
    expect(zones(d.push(half))).toEqual([]);
    expect(problems(d.idle())).toEqual(['truncated_frame']);
    const out = d.push(Buffer.concat([half, encodeFrame('stx-etx', TD1)]));
    expect(problems(out)).toEqual(['truncated_frame']);
    expect(zones(out)).toEqual([TD1]);
  });

  it('reports bytes outside frames as garbage, caps an endless frame', () => {
    const d = new StxEtxDecoder();
    const out = d.push(Buffer.concat([Buffer.from('noise'), encodeFrame('stx-etx', TD3), Buffer.from([0x02]), Buffer.alloc(3000, 0x41)]));
    expect(zones(out)).toEqual([TD3]);
    expect(problems(out)).toEqual(['garbage', 'overflow']);
  });
});

describe('rte framing', () => {
  it('reads blocks: padding removed, bottom line third, missing top line skipped', () => {
    const block = encodeFrame('rte', TD3);
    expect(block[0]).toBe(0x01);
    expect(block.readUInt16LE(1)).toBe(block.length);
    expect(block.subarray(3, 5).toString()).toBe('OU');
    // Two-line zone: first slot empty, lines padded to 44 with '_'.
    expect(block.subarray(7, 8).toString()).toBe('\r');
    const d = new RteDecoder();
    expect(zones(feedBytewise(d, Buffer.concat([block, encodeFrame('rte', TD1), encodeFrame('rte', TD2)])))).toEqual([TD3, TD1, TD2]);
  });

  it('rejects a block with a wrong BCC (no document) and reads the next one', () => {
    const bad = Buffer.from(encodeFrame('rte', TD3));
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x5a;
    const d = new RteDecoder();
    const out = d.push(Buffer.concat([bad, encodeFrame('rte', TD1)]));
    expect(problems(out)).toEqual(['bad_block_check']);
    expect(zones(out)).toEqual([TD1]);
  });

  it('rejects a flipped data byte through the BCC', () => {
    const bad = Buffer.from(encodeFrame('rte', TD3));
    bad[20] = bad[20] === 0x3c ? 0x41 : 0x3c;
    expect(zones(new RteDecoder().push(bad))).toEqual([]);
  });

  it('resynchronises after a bad length and after a truncated block', () => {
    const d = new RteDecoder();
    const bogus = Buffer.from([0x01, 0xff, 0x3f]);
    const cut = encodeFrame('rte', TD3).subarray(0, 30);
    let out = d.push(Buffer.concat([bogus, cut]));
    expect(problems(out)).toContain('bad_length');
    out = d.idle();
    expect(problems(out)).toEqual(['truncated_frame']);
    expect(zones(d.push(encodeFrame('rte', TD1)))).toEqual([TD1]);
  });
});

describe('auto framing', () => {
  it('detects each framing from the first byte of each document', () => {
    const d = new AutoDecoder();
    const out = d.push(Buffer.concat([encodeFrame('rte', TD3), encodeFrame('stx-etx', TD1), encodeFrame('line', TD2)]));
    expect(zones(out)).toEqual([TD3, TD1, TD2]);
  });
});
