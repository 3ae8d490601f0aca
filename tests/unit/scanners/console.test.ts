import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultProfiles, describeBytes, encodeFrame, udevRulesPath } from '../../../electron/core/scanners';

describe('technician console', () => {
  it('shows raw bytes as hex and as text with control bytes named', () => {
    const shown = describeBytes(encodeFrame('stx-etx', ['P<UTO', 'L89']));
    expect(shown.hex).toBe('02 50 3c 55 54 4f 0d 4c 38 39 0d 03');
    expect(shown.text).toBe('<STX>P<UTO<CR>L89<CR><ETX>');
    expect(describeBytes(Buffer.from([0x01, 0xff])).text).toBe('<SOH><ff>');
  });
});

describe('udev rules', () => {
  it('grant hidraw access to every HID vendor the default profiles use, and keep ModemManager off their ttys', () => {
    const rules = readFileSync(udevRulesPath(), 'utf8');
    const active = rules.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
    for (const p of defaultProfiles('/tmp')) {
      if (p.driver !== 'hid') continue;
      const vid = p.device.vendorId.toString(16).padStart(4, '0');
      expect(active.some((l) => l.includes('SUBSYSTEM=="hidraw"') && l.includes(`ATTRS{idVendor}=="${vid}"`) && l.includes('TAG+="uaccess"'))).toBe(true);
      expect(active.some((l) => l.includes('SUBSYSTEM=="tty"') && l.includes(`"${vid}"`) && l.includes('ID_MM_DEVICE_IGNORE'))).toBe(true);
    }
    // Every active rule is KEY==/=/+= "value" pairs separated by commas (a typo silently disables a rule).
    for (const l of active) expect(l).toMatch(/^(\s*[A-Z_]+(\{[A-Za-z_]+\})?(==|!=|=|\+=)"[^"]*"\s*,?)+\s*$/);
  });
});
