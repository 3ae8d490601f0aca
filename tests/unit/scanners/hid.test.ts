import { describe, expect, it } from 'vitest';
import { FakeHidBackend } from '../../../native/fakes';
import { createDriver, encodeAccessHidReports, encodeKeyboardReports, type HidProfile } from '../../../electron/core/scanners';
import { accessHidPayload } from '../../../electron/core/scanners/hid/accessHid';
import { KeyboardReportDecoder } from '../../../electron/core/scanners/hid/keyboard';
import { TD1, TD3, TD3_BAD_CHECK, parse, record, waitFor } from './helpers';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('keyboard report decoding (US layout)', () => {
  it('types Shift+comma as <, letters with Shift as capitals, keypad digits as digits, Enter as CR', () => {
    const d = new KeyboardReportDecoder();
    const reports = [
      '02 00 13 00 00 00 00 00', // Shift+p -> P
      '02 00 00 00 00 00 00 00', // Shift still held, key released
      '02 00 36 00 00 00 00 00', // Shift+, -> <
      '00 00 00 00 00 00 00 00',
      '00 00 59 00 00 00 00 00', // keypad 1
      '00 00 00 00 00 00 00 00',
      '00 00 62 00 00 00 00 00', // keypad 0
      '00 00 28 00 00 00 00 00', // Enter (keypad 0 released in the same report)
    ];
    expect(reports.map((r) => d.decode(hex(r))).join('')).toBe('P<10\r');
  });

  it('counts only newly pressed keys: a held key types once, an overlapping press types the new key', () => {
    const d = new KeyboardReportDecoder();
    const typed = ['02 00 04 00 00 00 00 00', '02 00 04 00 00 00 00 00', '02 00 04 05 00 00 00 00', '02 00 05 00 00 00 00 00', '00 00 00 00 00 00 00 00']
      .map((r) => d.decode(hex(r)))
      .join('');
    expect(typed).toBe('AB');
  });

  it('ignores rollover (phantom) reports without forgetting which keys were down', () => {
    const d = new KeyboardReportDecoder();
    const typed = ['00 00 1e 00 00 00 00 00', '00 00 01 01 01 01 01 01', '00 00 1e 00 00 00 00 00', '00 00 1f 00 00 00 00 00']
      .map((r) => d.decode(hex(r)))
      .join('');
    expect(typed).toBe('12');
  });

  it('handles a leading report ID and ignores reports with another ID', () => {
    const d = new KeyboardReportDecoder({ reportId: 1 });
    expect(d.decode(hex('01 02 00 36 00 00 00 00 00'))).toBe('<');
    expect(d.decode(hex('03 00 00 1e 00 00 00 00 00'))).toBe('');
  });

  it('does not type shortcuts (Ctrl held)', () => {
    expect(new KeyboardReportDecoder().decode(hex('01 00 06 00 00 00 00 00'))).toBe('');
  });
});

describe('access-hid reports', () => {
  it('takes the payload length from the first byte, ignoring the bit-7 flag', () => {
    const p = accessHidPayload(hex('83 1c 02 41 00 00 00'));
    expect(p).toEqual({ ok: true, bytes: hex('1c 02 41') });
  });
  it('reports a length longer than the report', () => {
    expect(accessHidPayload(hex('05 41 42')).ok).toBe(false);
  });
});

function hidProfile(mode: 'keyboard' | 'access-hid', extra: Partial<HidProfile> = {}) {
  return { id: `test-${mode}`, name: 'test', driver: 'hid' as const, mode, device: { vendorId: 0x0db5, productId: 0x0160 }, ...extra };
}

function bus() {
  const backend = new FakeHidBackend();
  backend.attach({ vendorId: 0x1234, productId: 1, path: '/dev/hidraw0', usagePage: 1, usage: 6 }); // an ordinary keyboard
  backend.attach({ vendorId: 0x0db5, productId: 0x0160, path: '/dev/hidraw3', usagePage: 0xff00, usage: 1 });
  backend.attach({ vendorId: 0x0db5, productId: 0x0160, path: '/dev/hidraw4', usagePage: 1, usage: 6 });
  return backend;
}

describe('HID driver through a fake device', () => {
  it('keyboard mode: reads a zone from recorded reports on the keyboard interface', async () => {
    const backend = bus();
    const driver = createDriver(hidProfile('keyboard'), { parse, hid: backend });
    const seen = record(driver);
    await driver.open();
    const dev = backend.current()!;
    expect(dev.info.path).toBe('/dev/hidraw4');
    await dev.play(encodeKeyboardReports(TD3.join('\r') + '\r\r'));
    await waitFor('document', () => seen.docs[0]);
    expect(seen.docs[0]!.lines).toEqual(TD3);
    expect(seen.docs[0]!.mrz.valid).toBe(true);
    expect(seen.docs[0]!.source).toBe('hid');
    await driver.close();
  });

  it('access-hid mode: reassembles 64-byte reports on the vendor interface, with a report ID', async () => {
    const backend = bus();
    const driver = createDriver(hidProfile('access-hid', { reportId: 0 }), { parse, hid: backend });
    const seen = record(driver);
    await driver.open();
    const dev = backend.current()!;
    expect(dev.info.path).toBe('/dev/hidraw3');
    await dev.play([...encodeAccessHidReports(TD1, 64, { reportId: 0 }), ...encodeAccessHidReports(TD3_BAD_CHECK, 64, { reportId: 0 })]);
    await waitFor('two documents', () => seen.docs.length === 2);
    expect(seen.docs.map((d) => d.lines)).toEqual([TD1, TD3_BAD_CHECK]);
    // A bad check digit is shown as a bad read, never fixed.
    expect(seen.docs[1]!.mrz.valid).toBe(false);
    expect(seen.docs[1]!.lines).toEqual(TD3_BAD_CHECK);
    await driver.close();
  });

  it('garbage reports make problem events, no document', async () => {
    const backend = bus();
    const driver = createDriver(hidProfile('access-hid'), { parse, hid: backend });
    const seen = record(driver);
    await driver.open();
    const dev = backend.current()!;
    dev.report(hex('7f 41 42'));
    dev.report(Buffer.concat([hex('3f 1c 02'), Buffer.alloc(61, 0x41)]));
    for (let i = 0; i < 40; i++) dev.report(Buffer.concat([hex('3f'), Buffer.alloc(63, 0x42)]));
    dev.report(hex('02 03 1d'));
    await waitFor('problems', () => seen.problems.length >= 2);
    expect(seen.docs).toEqual([]);
    expect(seen.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['bad_length', 'overflow']));
    await driver.close();
  });

  it('unplug: disconnected within 1 s; plug back: reading again within 2 s without restarting', async () => {
    const backend = bus();
    const driver = createDriver(hidProfile('keyboard'), { parse, hid: backend });
    const seen = record(driver);
    await driver.open();
    expect(driver.status.state).toBe('connected');
    const unpluggedAt = Date.now();
    backend.detach('/dev/hidraw4');
    await waitFor('disconnected', () => driver.status.state === 'disconnected', 1000);
    expect(Date.now() - unpluggedAt).toBeLessThan(1000);
    expect(driver.status.message).toMatch(/disconnected: check the cable/);
    expect(driver.status.code).toBe('unplugged');
    const pluggedAt = Date.now();
    backend.attach({ vendorId: 0x0db5, productId: 0x0160, path: '/dev/hidraw5', usagePage: 1, usage: 6 });
    await waitFor('connected', () => driver.status.state === 'connected', 2000);
    expect(Date.now() - pluggedAt).toBeLessThan(2000);
    await backend.current()!.play(encodeKeyboardReports(TD1.join('\r') + '\r\r'));
    await waitFor('document after replug', () => seen.docs[0]);
    expect(seen.docs[0]!.lines).toEqual(TD1);
    await driver.close();
    expect(driver.status.state).toBe('disconnected');
  });

  it('says what to do when the reader is absent or cannot be opened', async () => {
    const backend = new FakeHidBackend();
    const driver = createDriver(hidProfile('access-hid'), { parse, hid: backend });
    await driver.open();
    expect(driver.status.state).toBe('disconnected');
    expect(driver.status.message).toMatch(/No reader found on USB 0db5:0160: plug it in/);
    expect([driver.status.code, driver.status.params]).toEqual(['not_found_hid', { target: 'USB 0db5:0160' }]);
    backend.openFailures = 1;
    backend.attach({ vendorId: 0x0db5, productId: 0x0160, path: '/dev/hidraw9', usagePage: 0xff00 });
    await waitFor('error status', () => driver.status.state === 'error', 2000);
    expect(driver.status.message).toMatch(/udev rules|vendor HID/);
    expect(driver.status.code).toMatch(/^hid_open_failed/);
    expect(driver.status.params).toMatchObject({ device: '0db5:0160' });
    await waitFor('connected after the retry', () => driver.status.state === 'connected', 2000);
    await driver.close();
  });
});
