/**
 * Thin adapter over `serialport`: open a port, read bytes, write bytes, learn when it goes away.
 * The package is loaded on first use so that a broken native build only affects serial readers.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space';

export interface SerialOpenOptions {
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: Parity;
  stopBits: 1 | 1.5 | 2;
}

export interface SerialPortInfo {
  path: string;
  /** Lower-case hex, four digits, as the OS reports it; absent for ports that are not USB. */
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
}

/**
 * An open port. Events: `data` (Buffer), `closed` ({ unplugged: boolean, message }) once, when the port
 * stops working for any reason other than our own close().
 */
export interface SerialConnection extends EventEmitter {
  readonly path: string;
  write(bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

type SerialPortModule = typeof import('serialport');
let serialModule: SerialPortModule | undefined;
function serialport(): SerialPortModule {
  serialModule ??= require('serialport') as SerialPortModule;
  return serialModule;
}

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await serialport().SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    vendorId: p.vendorId?.toLowerCase(),
    productId: p.productId?.toLowerCase(),
    manufacturer: p.manufacturer,
    serialNumber: p.serialNumber,
  }));
}

class SerialPortConnection extends EventEmitter implements SerialConnection {
  private closingByUs = false;
  private ended = false;
  constructor(private readonly port: import('serialport').SerialPort, readonly path: string) {
    super();
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('close', (err?: Error & { disconnected?: boolean }) => this.end(Boolean(err?.disconnected), err?.message ?? 'port closed'));
    // After open, an error means the port no longer works (unplugged, driver reset): treat as an end.
    port.on('error', (err: Error) => this.end(false, err.message));
  }

  private end(unplugged: boolean, message: string) {
    if (this.ended) return;
    this.ended = true;
    if (!this.closingByUs) this.emit('closed', { unplugged, message });
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(bytes, (err) => (err ? reject(err) : this.port.drain((e) => (e ? reject(e) : resolve()))));
    });
  }

  close(): Promise<void> {
    this.closingByUs = true;
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }
}

/** Opens a port; rejects with the OS error (its `code`, e.g. ENOENT, EACCES, is kept). */
export function openSerialPort(opts: SerialOpenOptions): Promise<SerialConnection> {
  const { SerialPort } = serialport();
  return new Promise((resolve, reject) => {
    const port = new SerialPort(
      { path: opts.path, baudRate: opts.baudRate, dataBits: opts.dataBits, parity: opts.parity, stopBits: opts.stopBits, autoOpen: false, lock: true },
    );
    port.open((err) => {
      if (err) {
        reject(err);
        return;
      }
      resolve(new SerialPortConnection(port, opts.path));
    });
  });
}
