/**
 * Fuzzing every reader decoder: random streams and mutated real frames, fed in random chunks.
 * Properties: never throws; buffers stay capped (no line over 256 characters, no document over 8 lines);
 * a document only comes out of bytes that held that zone; a clean frame after any garbage is still read;
 * a block with a single flipped byte is never accepted (rte BCC).
 */
import { SPECIMENS } from '../../electron/core/mrz';
import { parseMrz } from '../../electron/core/mrz';
import {
  AutoDecoder,
  encodeFrame,
  LineDecoder,
  RteDecoder,
  StxEtxDecoder,
  type DecoderOutput,
  type FrameDecoder,
} from '../../electron/core/scanners/framing';
import { ACCESS_FRAME_END, ACCESS_FRAME_START, accessHidPayload, encodeAccessHidReports } from '../../electron/core/scanners/hid/accessHid';
import { encodeKeyboardReports, KeyboardReportDecoder } from '../../electron/core/scanners/hid/keyboard';
import { interpretZone } from '../../electron/core/scanners/zone';

export type FuzzTarget = 'line' | 'stx-etx' | 'rte' | 'auto' | 'keyboard' | 'access-hid';
export const FUZZ_TARGETS: FuzzTarget[] = ['line', 'stx-etx', 'rte', 'auto', 'keyboard', 'access-hid'];

export interface FuzzStats {
  cases: number;
  zones: number;
  documents: number;
  problems: number;
  failures: string[];
}

/** Small, seedable PRNG (mulberry32) so a failing case can be replayed from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof rng>;

const ZONES = Object.values(SPECIMENS);
const zoneKey = (lines: string[]) => lines.join('\n');
const KNOWN = new Set(ZONES.map(zoneKey));

/** A decoder under test: stream units (bytes, or HID reports) in, decoder outputs out. */
interface Harness {
  feed(unit: Buffer): DecoderOutput[];
  idle(): DecoderOutput[];
  encode(lines: string[]): Buffer[];
  /** What to send after garbage so that the next clean frame starts fresh. */
  separator: Buffer[];
}

function harness(target: FuzzTarget): Harness {
  const bytesHarness = (d: FrameDecoder, framing: 'line' | 'stx-etx' | 'rte', separator: Buffer[] = []): Harness => ({
    feed: (b) => d.push(b),
    idle: () => d.idle(),
    encode: (lines) => [encodeFrame(framing, lines)],
    separator,
  });
  switch (target) {
    case 'line':
      return bytesHarness(new LineDecoder(), 'line', [Buffer.from('\r\r')]);
    case 'stx-etx':
      return bytesHarness(new StxEtxDecoder(), 'stx-etx');
    case 'rte':
      return bytesHarness(new RteDecoder(), 'rte');
    case 'auto': {
      const d = new AutoDecoder();
      return { feed: (b) => d.push(b), idle: () => d.idle(), encode: (lines) => [encodeFrame('stx-etx', lines)], separator: [] };
    }
    case 'keyboard': {
      const kb = new KeyboardReportDecoder();
      const d = new LineDecoder();
      return {
        feed: (r) => d.push(Buffer.from(kb.decode(r), 'latin1')),
        idle: () => d.idle(),
        encode: (lines) => encodeKeyboardReports(lines.join('\r') + '\r\r'),
        separator: [Buffer.alloc(8), ...encodeKeyboardReports('\r\r')],
      };
    }
    case 'access-hid': {
      const d = new StxEtxDecoder({ startCode: ACCESS_FRAME_START, endCode: ACCESS_FRAME_END });
      return {
        feed: (r) => {
          const p = accessHidPayload(r);
          return p.ok ? d.push(p.bytes) : [{ kind: 'problem', code: 'bad_length', message: p.message, reason: 'hid_report_length', params: p.params }];
        },
        idle: () => d.idle(),
        encode: (lines) => encodeAccessHidReports(lines),
        separator: [],
      };
    }
  }
}

function randomBytes(r: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  // Bias towards the bytes framings care about, so state machines get exercised, not just skipped.
  const special = [0x00, 0x01, 0x02, 0x03, 0x0a, 0x0d, 0x1c, 0x1d, 0x3c, 0x4f, 0x55, 0x5f, 0x80, 0xff];
  for (let i = 0; i < n; i++) b[i] = r.next() < 0.3 ? r.pick(special) : r.int(256);
  return b;
}

function mutate(r: Rng, units: Buffer[]): Buffer[] {
  const out = units.map((u) => Buffer.from(u));
  const n = 1 + r.int(4);
  for (let k = 0; k < n; k++) {
    const i = r.int(out.length);
    const u = out[i]!;
    const op = r.int(5);
    if (u.length === 0) continue;
    const at = r.int(u.length);
    if (op === 0) u[at] = r.int(256);
    else if (op === 1) out[i] = Buffer.concat([u.subarray(0, at), u.subarray(at + 1)]);
    else if (op === 2) out[i] = Buffer.concat([u.subarray(0, at), Buffer.of(r.int(256)), u.subarray(at)]);
    else if (op === 3) out[i] = u.subarray(0, at); // truncated
    else out.splice(i, 0, Buffer.from(u)); // duplicated unit
  }
  return out;
}

/** Splits byte units into random chunks (HID reports stay whole: a report is one unit on the wire). */
function chunk(r: Rng, units: Buffer[], target: FuzzTarget): Buffer[] {
  if (target === 'keyboard' || target === 'access-hid') return units;
  const all = Buffer.concat(units);
  const out: Buffer[] = [];
  for (let i = 0; i < all.length; ) {
    const n = 1 + r.int(r.next() < 0.5 ? 8 : 256);
    out.push(all.subarray(i, i + n));
    i += n;
  }
  return out;
}

function check(outputs: DecoderOutput[], stats: FuzzStats, allowed: Set<string>, where: string): string[] {
  const zones: string[] = [];
  for (const o of outputs) {
    if (o.kind === 'problem') {
      stats.problems++;
      continue;
    }
    stats.zones++;
    if (o.lines.length > 8 || o.lines.some((l) => l.length > 256)) stats.failures.push(`${where}: uncapped output (${o.lines.length} lines)`);
    const z = interpretZone(o.lines, parseMrz);
    if (z.ok) {
      stats.documents++;
      // A document must be a zone that was really sent (possibly cut or damaged by the mutation only
      // when the framing has no block check); from pure noise, never.
      if (!allowed.has(zoneKey(z.lines)) && allowed.size === 0) stats.failures.push(`${where}: invented a document from noise`);
      if (!z.mrz.format) stats.failures.push(`${where}: document without a format`);
    }
    zones.push(zoneKey(o.lines));
  }
  return zones;
}

/** Runs `cases` fuzz cases spread over every decoder. Deterministic for a given seed. */
export function runScannerFuzz(cases: number, seed = 1): FuzzStats {
  const stats: FuzzStats = { cases: 0, zones: 0, documents: 0, problems: 0, failures: [] };
  const r = rng(seed);
  for (let c = 0; c < cases && stats.failures.length < 20; c++) {
    const target = FUZZ_TARGETS[c % FUZZ_TARGETS.length]!;
    const where = `seed ${seed} case ${c} (${target})`;
    const h = harness(target);
    const outputs: DecoderOutput[] = [];
    const sent: Buffer[] = [];
    const run = (units: Buffer[]) => {
      for (const u of units) {
        sent.push(u);
        outputs.push(...h.feed(u));
      }
    };
    try {
      const kind = r.int(3);
      const zone = r.pick(ZONES);
      let allowed = new Set<string>();
      if (kind === 0) {
        // Pure noise (for HID: random reports of random lengths).
        const units = target === 'keyboard' || target === 'access-hid'
          ? Array.from({ length: 1 + r.int(40) }, () => randomBytes(r, r.int(70)))
          : [randomBytes(r, r.int(3000))];
        run(chunk(r, units, target));
      } else {
        // A real frame, mutated; flips only for rte so the BCC property is exact.
        const frame = h.encode(zone);
        const flipOnly = target === 'rte' && kind === 1;
        const units = flipOnly ? flipOneByte(r, frame) : mutate(r, frame);
        allowed = new Set(KNOWN);
        run(chunk(r, units, target));
        if (flipOnly) {
          const accepted = check(outputs.splice(0), stats, allowed, where);
          if (accepted.length > 0) stats.failures.push(`${where}: accepted a block with a flipped byte`);
        }
      }
      outputs.push(...h.idle());
      check(outputs.splice(0), stats, allowed, where);
      // Resynchronisation: after whatever came before, a clean frame is read.
      const clean = r.pick(ZONES);
      run(chunk(r, [...h.separator, ...h.encode(clean)], target));
      outputs.push(...h.idle());
      const zones = check(outputs.splice(0), stats, new Set(KNOWN), where);
      if (zones[zones.length - 1] !== zoneKey(clean)) {
        stats.failures.push(`${where}: did not read a clean frame after garbage${process.env.FUZZ_TRACE ? ` ${Buffer.concat(sent).toString('hex')}` : ''}`);
      }
    } catch (e) {
      stats.failures.push(`${where}: threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
    stats.cases++;
  }
  return stats;
}

function flipOneByte(r: Rng, frame: Buffer[]): Buffer[] {
  const b = Buffer.from(frame[0]!);
  const at = r.int(b.length);
  b[at] = b[at]! ^ (1 + r.int(255));
  return [b];
}

/** Ten megabytes (or `bytes`) of noise through each byte decoder; returns ms per decoder. */
export function noiseFlood(bytes = 10 * 1024 * 1024, seed = 7): Record<string, { ms: number; zones: number; documents: number }> {
  const r = rng(seed);
  const noise = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) noise[i] = r.int(256);
  const result: Record<string, { ms: number; zones: number; documents: number }> = {};
  for (const target of ['line', 'stx-etx', 'rte', 'auto'] as const) {
    const h = harness(target);
    const t0 = performance.now();
    let zones = 0;
    let documents = 0;
    for (let i = 0; i < noise.length; i += 4096) {
      for (const o of h.feed(noise.subarray(i, i + 4096))) {
        if (o.kind !== 'zone') continue;
        zones++;
        if (interpretZone(o.lines, parseMrz).ok) documents++;
      }
    }
    h.idle();
    result[target] = { ms: performance.now() - t0, zones, documents };
  }
  return result;
}
