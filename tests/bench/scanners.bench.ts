/**
 * Reader latency: from the last byte of a frame entering the serial port (a real socat pty pair, the
 * real serialport package) to the parsed document event, per framing. Plus decoder throughput on noise.
 */
import { SPECIMENS } from '../../electron/core/mrz';
import { createDriver, encodeFrame, type ScannerDriver } from '../../electron/core/scanners';
import { PtyPair, socatAvailable } from '../unit/scanners/ptyPair';
import { noiseFlood } from '../fuzz/scannerDecoders';
import type { BenchReporter } from './reporter';

const ROUNDS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `tail`: how many bytes end the frame (the line end(s) that complete a line document; 1 for ETX/BCC). */
async function latency(pty: PtyPair, framing: 'line' | 'stx-etx' | 'rte', frameOf: (lines: string[]) => Buffer, tail = 1): Promise<number[]> {
  const driver: ScannerDriver = createDriver({ id: 'bench', name: 'bench', driver: 'serial', port: { path: pty.driverSide }, framing });
  await driver.open();
  if (driver.status.state !== 'connected') throw new Error(`reader did not connect: ${driver.status.message}`);
  const zones = [SPECIMENS.td3!, SPECIMENS.td1!, SPECIMENS.td2!];
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const frame = frameOf(zones[i % zones.length]!);
    const got = new Promise<number>((resolve) => driver.once('document', () => resolve(performance.now())));
    await pty.write(frame.subarray(0, frame.length - tail));
    await sleep(5);
    const t0 = performance.now();
    await pty.write(frame.subarray(frame.length - tail));
    samples.push((await got) - t0);
  }
  await driver.close();
  return samples;
}

export default async function (report: BenchReporter) {
  if (!socatAvailable) throw new Error('socat is required for the scanners benchmark (apt-get install socat)');
  const pty = new PtyPair();
  await pty.start();
  try {
    report.note(`last byte in -> parsed document out, through a socat pty and serialport, ${ROUNDS} documents each (TD3/TD1/TD2)`);
    report.timings('line (CR, last line end + empty line)', await latency(pty, 'line', (z) => encodeFrame('line', z), 2));
    report.timings('line (CR LF, last line end + empty line)', await latency(pty, 'line', (z) => encodeFrame('line', z, { lineEnd: '\r\n' }), 4));
    report.timings('stx-etx', await latency(pty, 'stx-etx', (z) => encodeFrame('stx-etx', z)));
    report.timings('rte', await latency(pty, 'rte', (z) => encodeFrame('rte', z)));
  } finally {
    await pty.dispose();
  }
  const flood = noiseFlood(10 * 1024 * 1024);
  for (const [target, f] of Object.entries(flood)) report.figure(`10 MB noise through ${target} decoder`, Math.round(10_000 / f.ms), 'MB/s');
  report.memory('after noise');
}
