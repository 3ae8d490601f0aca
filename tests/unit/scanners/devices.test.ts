import { describe, expect, it, vi } from 'vitest';

// The machine's edge: the OS enumeration of serial ports fails (udevadm missing), HID lists nothing.
vi.mock('../../../native/serial', () => ({
  listSerialPorts: async () => {
    throw new Error('spawn udevadm ENOENT\n    at ChildProcess');
  },
}));
vi.mock('../../../native/hid', () => ({ listHidDevices: async () => [] }));

const { listDevices } = await import('../../../electron/core/scanners/devices');

describe('device list problems', () => {
  it('say which transport could not be listed, as a code the screens translate and an English sentence', async () => {
    const d = await listDevices();
    expect(d.serial).toEqual([]);
    expect(d.hid).toEqual([]);
    expect(d.problems).toHaveLength(1);
    const [p] = d.problems;
    expect(p!.code).toBe('serial_list_failed');
    expect(p!.params).toEqual({ detail: 'spawn udevadm ENOENT' });
    expect(p!.message).toMatch(/^Serial ports could not be listed \(spawn udevadm ENOENT\)/);
  });
});
