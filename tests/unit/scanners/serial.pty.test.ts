import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDriver, encodeFrame, type ScannerDriver, type Framing } from '../../../electron/core/scanners';
import { PtyPair, socatAvailable } from './ptyPair';
import { TD1, TD2, TD3, TD3_BAD_CHECK, parse, record, sleep, waitFor } from './helpers';

if (!socatAvailable) throw new Error('socat is required for the serial adapter tests (apt-get install socat)');

let pty: PtyPair;
let driver: ScannerDriver | null = null;
const cleanup: Array<() => Promise<void>> = [];

beforeEach(async () => {
  pty = new PtyPair();
  await pty.start();
});
afterEach(async () => {
  await driver?.close();
  driver = null;
  await pty.dispose();
  for (const c of cleanup.splice(0)) await c();
});

function serialDriver(framing: Framing | 'auto', extra: Record<string, unknown> = {}) {
  driver = createDriver({ id: 'pty', name: 'pty', driver: 'serial', port: { path: pty.driverSide }, framing, ...extra }, { parse });
  return driver;
}

describe.each(['line', 'stx-etx', 'rte'] as const)('serial %s framing through a real pty', (framing) => {
  it('reads back-to-back documents in one write', async () => {
    const d = serialDriver(framing);
    const seen = record(d);
    await d.open();
    expect(d.status.state).toBe('connected');
    await pty.write(Buffer.concat([TD3, TD1, TD2].map((z) => encodeFrame(framing, z))));
    await waitFor('three documents', () => seen.docs.length === 3);
    expect(seen.docs.map((x) => x.lines)).toEqual([TD3, TD1, TD2]);
    expect(seen.docs.every((x) => x.source === 'serial' && x.readerId === 'pty' && x.mrz.valid)).toBe(true);
    expect(seen.problems).toEqual([]);
  });

  it('reads a frame delivered in odd-sized chunks and a frame written slowly, byte by byte', async () => {
    // Chunking, not the end-of-document gap, is under test: a wide gap keeps a loaded test machine's
    // scheduling pauses between writes from ending a line-framed document early.
    const d = serialDriver(framing, { gapMs: 1000 });
    const seen = record(d);
    await d.open();
    await pty.writeChunked(encodeFrame(framing, TD1), 7, 3);
    await waitFor('chunked document', () => seen.docs.length === 1);
    await pty.writeChunked(encodeFrame(framing, TD3), 1, 2);
    await waitFor('slow document', () => seen.docs.length === 2);
    expect(seen.docs.map((x) => x.lines)).toEqual([TD1, TD3]);
  });

  it('emits a zone with a bad check digit as an invalid document, unchanged', async () => {
    const d = serialDriver(framing);
    const seen = record(d);
    await d.open();
    await pty.write(encodeFrame(framing, TD3_BAD_CHECK));
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.mrz.valid).toBe(false);
    expect(seen.docs[0]!.lines).toEqual(TD3_BAD_CHECK);
  });
});

describe('serial garbage and writes', () => {
  it('line framing: a document without an empty line ends on the 100 ms gap', async () => {
    const d = serialDriver('line');
    const seen = record(d);
    await d.open();
    // A partial TD1 (two lines of 30) cannot end early: only the gap ends it, and it is not a zone.
    await pty.write(Buffer.from(TD1.slice(0, 2).join('\r') + '\r'));
    await waitFor('problem after the gap', () => seen.problems[0]);
    expect(seen.problems[0]!.code).toBe('not_a_zone');
    expect(seen.docs).toEqual([]);
  });

  it('rte: a wrong BCC gives a problem event and no document; the next block still reads', async () => {
    const d = serialDriver('rte');
    const seen = record(d);
    await d.open();
    const bad = Buffer.from(encodeFrame('rte', TD3));
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 1;
    await pty.write(Buffer.concat([bad, Buffer.from('\x00\xff random'), encodeFrame('rte', TD1)]));
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs.map((x) => x.lines)).toEqual([TD1]);
    expect(seen.problems.map((p) => p.code)).toContain('bad_block_check');
  });

  it('sends the profile writes on open and after each document, and shows them as raw traffic', async () => {
    const d = serialDriver('stx-etx', {
      writes: [
        { when: 'open', hex: '16 4d 0d', label: 'enable' },
        { when: 'document', hex: '16 54 0d', label: 're-arm' },
      ],
    });
    const device = await pty.openDevice();
    const received: Buffer[] = [];
    device.on('data', (b: Buffer) => received.push(b));
    const raw: Array<{ direction: string; bytes: Buffer }> = [];
    d.on('raw', (r) => raw.push(r));
    const seen = record(d);
    await d.open();
    await waitFor('enable command', () => Buffer.concat(received).equals(Buffer.from('164d0d', 'hex')));
    await pty.write(encodeFrame('stx-etx', TD3));
    await waitFor('document', () => seen.docs[0]);
    await waitFor('re-arm command', () => Buffer.concat(received).equals(Buffer.from('164d0d16540d', 'hex')));
    expect(raw.filter((r) => r.direction === 'out').map((r) => r.bytes.toString('hex'))).toEqual(['164d0d', '16540d']);
    expect(Buffer.concat(raw.filter((r) => r.direction === 'in').map((r) => r.bytes)).equals(encodeFrame('stx-etx', TD3))).toBe(true);
  });
});

describe('serial noise flood', () => {
  // 10 MB once through the whole serial path; the fuzz run floods every decoder with 10 MB too.
  it.each([
    ['line', 10],
    ['stx-etx', 1],
    ['rte', 1],
  ] as const)('%s: %i MB of noise, then a real frame: no invented document, few error events, the frame reads', async (framing, mb) => {
    const d = serialDriver(framing);
    const seen = record(d);
    let rawBytes = 0;
    d.on('raw', (r) => (rawBytes += r.bytes.length));
    await d.open();
    const noise = Buffer.alloc(mb * 1024 * 1024);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = x >>> 24;
    }
    await pty.write(noise);
    await waitFor('all noise received', () => rawBytes >= noise.length, 20_000);
    await sleep(1100); // quiet line: any half frame is dropped
    await pty.write(encodeFrame(framing, TD1));
    await waitFor('document after the noise', () => seen.docs.length > 0, 5000);
    expect(seen.docs.map((doc) => doc.lines)).toEqual([TD1]);
    expect(seen.problems.length).toBeGreaterThan(0);
    // Flood control: at most one report per kind per second, the rest counted.
    expect(seen.problems.length).toBeLessThan(60);
  }, 40_000);
});

describe('serial unplug and replug', () => {
  it('reports disconnected within 1 s of the cable going, reconnects within 2 s of it coming back', async () => {
    const d = serialDriver('stx-etx');
    const seen = record(d);
    await d.open();
    await pty.write(encodeFrame('stx-etx', TD3));
    await waitFor('first document', () => seen.docs.length === 1);

    const pulledAt = Date.now();
    await pty.kill();
    await waitFor('disconnected', () => d.status.state === 'disconnected', 1000);
    expect(Date.now() - pulledAt).toBeLessThan(1000);
    expect(d.status.message).toContain(`Reader on ${pty.driverSide} disconnected: check the cable`);

    await sleep(300); // stays disconnected while the port is gone
    expect(d.status.state).toBe('disconnected');

    const pluggedAt = Date.now();
    await pty.start();
    await waitFor('connected again', () => d.status.state === 'connected', 2000);
    expect(Date.now() - pluggedAt).toBeLessThan(2000);
    await pty.write(encodeFrame('stx-etx', TD1));
    await waitFor('document after replug', () => seen.docs.length === 2);
    expect(seen.docs[1]!.lines).toEqual(TD1);
    const states = seen.statuses.map((s) => s.state).filter((s, i, a) => i === 0 || s !== a[i - 1]);
    expect(states).toEqual(['connecting', 'connected', 'disconnected', 'connected']);
  });

  it('a cable pulled mid-frame drops the half frame (no document) and reports it', async () => {
    const d = serialDriver('stx-etx');
    const seen = record(d);
    await d.open();
    await pty.write(encodeFrame('stx-etx', TD3).subarray(0, 30));
    await sleep(50);
    await pty.kill();
    await waitFor('disconnected', () => d.status.state === 'disconnected', 1000);
    await waitFor('problem', () => seen.problems.find((p) => p.code === 'truncated_frame'));
    expect(seen.docs).toEqual([]);
  });

  it('waits for a port that is not there yet, saying so', async () => {
    await pty.kill();
    const d = serialDriver('line');
    await d.open();
    expect(d.status.state).toBe('disconnected');
    expect(d.status.message).toMatch(/No reader found on .*: plug it in/);
    await pty.start();
    await waitFor('connected', () => d.status.state === 'connected', 2000);
  });
});

describe('serial reader found by USB ids', () => {
  it('finds the port by vendor/product id, and again under a new path after replug', async () => {
    let plugged: { path: string } | null = { path: pty.driverSide };
    const { SerialDriver } = await import('../../../electron/core/scanners');
    const d = new SerialDriver(
      { id: 'usb', name: 'usb', driver: 'serial', port: { vendorId: 0x0403, productId: 0x6001 }, serial: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }, framing: 'stx-etx', writes: [] },
      {
        parse,
        retryMs: 200,
        // The OS port list (ptys never appear in the real one): the reader's USB ids at whatever path it got.
        listPorts: async () => [
          { path: '/dev/ttyS0' },
          ...(plugged ? [{ path: plugged.path, vendorId: '0403', productId: '6001', manufacturer: 'FTDI' }] : []),
        ],
      },
    );
    driver = d;
    const seen = record(d);
    await d.open();
    expect(d.status.message).toContain(`Reader on ${pty.driverSide} connected`);
    await pty.kill();
    plugged = null;
    await waitFor('disconnected', () => d.status.state === 'disconnected', 1000);
    // Plugged back into another USB port: a new device path, same ids.
    const moved = new PtyPair();
    cleanup.push(() => moved.dispose());
    await moved.start();
    plugged = { path: moved.driverSide };
    await waitFor('connected on the new path', () => d.status.state === 'connected', 2000);
    expect(d.status.message).toContain(moved.driverSide);
    await moved.write(encodeFrame('stx-etx', TD2));
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.lines).toEqual(TD2);
  });
});

describe('technician test read', () => {
  it('shows what came over the wire (hex and text) and the parsed result; a wrong framing shows as bytes and problems', async () => {
    const { testRead, READER_PROBLEM_CODES } = await import('../../../electron/core/scanners');
    const good = testRead({ id: 't', name: 't', driver: 'serial', port: { path: pty.driverSide }, framing: 'rte' }, { timeoutMs: 3000 });
    await sleep(300);
    await pty.write(encodeFrame('rte', TD3));
    const r = await good;
    expect(r.document?.lines).toEqual(TD3);
    expect(r.raw.map((x) => x.text).join('')).toContain('<SOH>d<00>OU<STX>0<CR>P<UTO');
    expect(r.raw[0]!.hex.startsWith('01 64 00 4f 55 02')).toBe(true);

    // The same reader with the profile set to line framing: no document, the bytes show why.
    const wrong = testRead({ id: 't', name: 't', driver: 'serial', port: { path: pty.driverSide }, framing: 'line', gapMs: 50 }, { timeoutMs: 1500 });
    await sleep(300);
    await pty.write(encodeFrame('rte', TD3));
    const w = await wrong;
    expect(w.document).toBeNull();
    expect(w.raw.length).toBeGreaterThan(0);
    expect(w.problems.length).toBeGreaterThan(0);
    // Each problem also as a code with its values, for the translated technician screen.
    expect(w.coded.length).toBe(w.problems.length);
    for (const c of w.coded) expect(READER_PROBLEM_CODES).toContain(c.code);
    expect(w.status.state).toBe('connected'); // the port was fine: the framing is what is wrong
  });
});
