/**
 * Thin adapter over `node-hid` (HIDAsync): list devices, open one, read reports as `data` events.
 * The same interface is implemented by the fake in `native/fakes.ts` so drivers are tested without hardware.
 */
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  usagePage?: number;
  usage?: number;
  interface?: number;
}

/** What node-hid's HIDAsync offers that the drivers use: `data` (Buffer) and `error` events, write, close. */
export interface HidDevice extends EventEmitter {
  write(values: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

/** Device access: the real node-hid, or a fake in tests. */
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDevice>;
}

type NodeHid = typeof import('node-hid');
let hidModule: NodeHid | undefined;
function nodeHid(): NodeHid {
  hidModule ??= require('node-hid') as NodeHid;
  return hidModule;
}

export const nodeHidBackend: HidBackend = {
  async devices() {
    return (await nodeHid().devicesAsync()).map((d) => ({
      vendorId: d.vendorId,
      productId: d.productId,
      path: d.path,
      serialNumber: d.serialNumber,
      manufacturer: d.manufacturer,
      product: d.product,
      usagePage: d.usagePage,
      usage: d.usage,
      interface: d.interface,
    }));
  },
  async open(path) {
    // nonExclusive: on macOS another process (or the OS) may hold the device; reading still works.
    return (await nodeHid().HIDAsync.open(path, { nonExclusive: true })) as unknown as HidDevice;
  },
};

export function listHidDevices(): Promise<HidDeviceInfo[]> {
  return nodeHidBackend.devices();
}
