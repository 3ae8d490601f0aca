/**
 * Fakes for tests and demos: a HID backend whose devices play recorded report bytes, and can be
 * unplugged and plugged back, with node-hid's event interface.
 */
import { EventEmitter } from 'node:events';
import type { HidBackend, HidDevice, HidDeviceInfo } from './hid';

export class FakeHidDevice extends EventEmitter implements HidDevice {
  readonly written: Buffer[] = [];
  closed = false;
  constructor(readonly info: HidDeviceInfo) {
    super();
  }
  async write(values: number[] | Buffer): Promise<number> {
    if (this.closed) throw new Error('Cannot write to a closed HID device');
    const b = Buffer.from(values);
    this.written.push(b);
    return b.length;
  }
  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners('data');
  }
  /** Delivers one input report, as node-hid does (a Buffer per report). */
  report(bytes: number[] | Buffer): void {
    if (!this.closed) this.emit('data', Buffer.from(bytes));
  }
  /** Delivers reports with a pause between them (0 = same tick order but separate events). */
  async play(reports: Array<number[] | Buffer>, delayMs = 0): Promise<void> {
    for (const r of reports) {
      this.report(r);
      await new Promise((res) => setTimeout(res, delayMs));
    }
  }
}

/** A HID bus: devices can be attached and detached while a driver is running. */
export class FakeHidBackend implements HidBackend {
  private attached = new Map<string, HidDeviceInfo>();
  readonly opened: FakeHidDevice[] = [];
  openFailures = 0;

  attach(info: HidDeviceInfo): void {
    this.attached.set(info.path ?? `${info.vendorId}:${info.productId}`, info);
  }

  /** Unplug: the device disappears from the list and an open handle reports a read error, as hidraw does. */
  detach(path: string): void {
    this.attached.delete(path);
    for (const d of this.opened) {
      if (d.info.path === path && !d.closed) d.emit('error', new Error('could not read from HID device'));
    }
  }

  async devices(): Promise<HidDeviceInfo[]> {
    return [...this.attached.values()];
  }

  async open(path: string): Promise<FakeHidDevice> {
    const info = this.attached.get(path);
    if (!info) throw new Error(`cannot open device with path ${path}`);
    if (this.openFailures > 0) {
      this.openFailures--;
      throw new Error('cannot open device: permission denied');
    }
    const d = new FakeHidDevice(info);
    this.opened.push(d);
    return d;
  }

  /** The most recently opened, still open device. */
  current(): FakeHidDevice | undefined {
    return [...this.opened].reverse().find((d) => !d.closed);
  }
}
