/**
 * A reader on a serial port (USB virtual COM or RS-232). Finds the port by path or by USB ids, reads
 * frames, and keeps coming back after the cable is pulled.
 */
import { existsSync } from 'node:fs';
import { listSerialPorts, openSerialPort, type SerialConnection, type SerialOpenOptions, type SerialPortInfo } from '../../../native/serial';
import { BaseDriver } from './driver';
import { createFrameDecoder, defaultGapMs } from './framing';
import { ByteStreamAssembler } from './pipeline';
import { hexToBytes, type SerialProfile } from './profiles';
import type { ParseZone } from './types';

export interface SerialDriverDeps {
  parse: ParseZone;
  openPort?: (opts: SerialOpenOptions) => Promise<SerialConnection>;
  listPorts?: () => Promise<SerialPortInfo[]>;
  /** Retry period while the reader is absent (ms). Path lookups are cheap; USB-id lookups list all ports. */
  retryMs?: number;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class SerialDriver extends BaseDriver {
  private conn: SerialConnection | null = null;
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private attempting: Promise<void> | null = null;
  private assembler: ByteStreamAssembler | null = null;
  private readonly openPort;
  private readonly listPorts;
  private readonly retryMs: number;

  constructor(
    readonly profile: SerialProfile,
    deps: SerialDriverDeps,
  ) {
    super(profile.id, 'serial', deps.parse);
    this.openPort = deps.openPort ?? openSerialPort;
    this.listPorts = deps.listPorts ?? listSerialPorts;
    this.retryMs = deps.retryMs ?? ('path' in profile.port ? 250 : 500);
  }

  /** Where the profile points, for messages. */
  get target(): string {
    const p = this.profile.port;
    return 'path' in p ? p.path : `USB ${hex4(p.vendorId)}:${hex4(p.productId)}`;
  }

  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus('connecting', `Looking for the reader on ${this.target}.`, 'looking', { target: this.target });
    await this.attempt();
  }

  async close(): Promise<void> {
    this.running = false;
    this.clearTimers();
    await this.attempting;
    const conn = this.conn;
    this.conn = null;
    this.assembler?.stop();
    await conn?.close();
    this.setStatus('disconnected', `Reader on ${this.target} closed.`, 'closed', { target: this.target });
  }

  /** Sends the profile's `trigger` writes (a manual read on readers that need one). */
  async trigger(): Promise<void> {
    await this.sendWrites('trigger');
  }

  private attempt(): Promise<void> {
    this.attempting ??= this.connect().finally(() => {
      this.attempting = null;
    });
    return this.attempting;
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt();
    }, this.retryMs);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
  }

  private async resolvePath(): Promise<string | null> {
    const p = this.profile.port;
    if ('path' in p) {
      // On Windows COM ports are not files; just try to open.
      return process.platform === 'win32' || existsSync(p.path) ? p.path : null;
    }
    try {
      const ports = await this.listPorts();
      const match = ports.find(
        (x) => x.vendorId === hex4(p.vendorId) && x.productId === hex4(p.productId) && (!p.serialNumber || x.serialNumber === p.serialNumber),
      );
      return match?.path ?? null;
    } catch {
      return null;
    }
  }

  private async connect(): Promise<void> {
    if (!this.running || this.conn) return;
    const path = await this.resolvePath();
    if (!this.running) return;
    if (!path) {
      this.setStatus('disconnected', `No reader found on ${this.target}: plug it in, or check the port in the reader profile.`, 'not_found_serial', { target: this.target });
      this.scheduleRetry();
      return;
    }
    const s = this.profile.serial;
    let conn: SerialConnection;
    try {
      conn = await this.openPort({ path, baudRate: s.baudRate, dataBits: s.dataBits, parity: s.parity, stopBits: s.stopBits });
    } catch (e) {
      this.explainOpenFailure(path, e as NodeJS.ErrnoException);
      this.scheduleRetry();
      return;
    }
    if (!this.running) {
      await conn.close();
      return;
    }
    this.conn = conn;
    const framing = this.profile.framing;
    const assembler = new ByteStreamAssembler(
      createFrameDecoder(framing, { startCode: hexToBytes(this.profile.startCode), endCode: hexToBytes(this.profile.endCode) }),
      this.profile.gapMs ?? defaultGapMs(framing),
      {
        zone: (lines, at) => {
          this.deliverZone(lines, at);
          void this.sendWrites('document');
        },
        problem: (p) => this.reportProblem(p.code, p.message, p.reason, p.params),
      },
    );
    this.assembler = assembler;
    conn.on('data', (chunk: Buffer) => {
      const at = Date.now();
      this.emitRaw('in', chunk, at);
      assembler.push(chunk, at);
    });
    conn.once('closed', () => this.lost(conn, path));
    this.setStatus('connected', `Reader on ${path} connected.`, 'connected', { target: path });
    this.startWatchdog(conn, path);
    await this.sendWrites('open');
  }

  /** Some USB serial drivers vanish without an error on the open handle: notice the device node going away. */
  private startWatchdog(conn: SerialConnection, path: string): void {
    if (process.platform === 'win32' || !path.startsWith('/')) return;
    this.watchdog = setInterval(() => {
      if (!existsSync(path)) {
        void conn.close();
        this.lost(conn, path);
      }
    }, 300);
  }

  private lost(conn: SerialConnection, path: string): void {
    if (this.conn !== conn) return;
    this.conn = null;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.assembler?.end();
    this.assembler = null;
    if (!this.running) return;
    this.setStatus('disconnected', `Reader on ${path} disconnected: check the cable. Reconnecting when it comes back.`, 'unplugged', { target: path });
    this.scheduleRetry();
  }

  private explainOpenFailure(path: string, e: NodeJS.ErrnoException): void {
    const msg = e.message ?? '';
    if (e.code === 'EACCES' || /permission denied/i.test(msg)) {
      this.setStatus(
        'error',
        process.platform === 'linux'
          ? `No permission to open ${path}: run \`sudo usermod -aG dialout $USER\` and log in again, or install the reader udev rules (see \`checkpoint doctor\`).`
          : `No permission to open ${path}: ask the administrator to grant access to the port.`,
        process.platform === 'linux' ? 'no_permission' : 'no_permission_admin',
        { target: path },
      );
    } else if (e.code === 'EBUSY' || /lock|busy/i.test(msg)) {
      this.setStatus('error', `${path} is in use by another program: close it (on Linux, ModemManager grabs new serial ports: install the reader udev rules).`, 'port_busy', { target: path });
    } else if (e.code === 'ENOENT' || /no such file|cannot find|not found/i.test(msg)) {
      this.setStatus('disconnected', `No reader on ${path}: plug it in, or check the port in the reader profile.`, 'not_found_serial', { target: path });
    } else {
      this.setStatus('error', `Cannot open ${path} (${msg.split('\n')[0]}): check the reader and its serial settings.`, 'open_failed', { target: path, detail: msg.split('\n')[0]! });
    }
  }

  private async sendWrites(when: 'open' | 'document' | 'trigger'): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    for (const w of this.profile.writes.filter((x) => x.when === when)) {
      const bytes = hexToBytes(w.hex)!;
      try {
        await conn.write(bytes);
        this.emitRaw('out', bytes);
      } catch (e) {
        this.reportProblem('device', `Could not send "${w.label ?? w.hex}" to the reader: ${(e as Error).message}.`, 'send_failed', { label: w.label ?? w.hex, error: (e as Error).message });
      }
    }
  }
}
