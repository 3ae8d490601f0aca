/**
 * A real serial pair from socat: the driver opens `readerSide`, the test plays the reader on `hostSide`
 * through the real serialport package. Killing socat is pulling the cable; starting it again is plugging back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export const socatAvailable = spawnSync('socat', ['-V']).status === 0;

export class PtyPair {
  readonly dir = mkdtempSync(join(tmpdir(), 'checkpoint-pty-'));
  readonly driverSide = join(this.dir, 'reader');
  readonly deviceSide = join(this.dir, 'device');
  private proc: ChildProcess | null = null;
  private device: SerialPort | null = null;

  async start(): Promise<void> {
    this.proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.driverSide}`, `pty,raw,echo=0,link=${this.deviceSide}`], { stdio: 'ignore' });
    const t0 = Date.now();
    while (!(existsSync(this.driverSide) && existsSync(this.deviceSide))) {
      if (Date.now() - t0 > 5000) throw new Error('socat did not create the pty pair within 5 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The reader's end, opened with the real serialport. */
  async openDevice(): Promise<SerialPort> {
    const port = new SerialPort({ path: this.deviceSide, baudRate: 9600, autoOpen: false });
    await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
    port.on('error', () => undefined);
    this.device = port;
    return port;
  }

  async write(bytes: Buffer): Promise<void> {
    const port = this.device ?? (await this.openDevice());
    await new Promise<void>((res, rej) => port.write(bytes, (e) => (e ? rej(e) : port.drain((e2) => (e2 ? rej(e2) : res())))));
  }

  /** Writes in pieces with a pause after each (a slow or chunking USB-serial bridge). */
  async writeChunked(bytes: Buffer, chunk: number, pauseMs: number): Promise<void> {
    for (let i = 0; i < bytes.length; i += chunk) {
      await this.write(bytes.subarray(i, i + chunk));
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
  }

  /** Pull the cable: socat exits, both pty ends go away. */
  async kill(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (this.device?.isOpen) await new Promise<void>((r) => this.device!.close(() => r()));
    this.device = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((r) => {
      proc.once('exit', () => r());
      proc.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
