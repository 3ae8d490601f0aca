import { describe, expect, it } from 'vitest';
import { profileProblems, setAt } from '../../../renderer/src/screens/technician/profileForm';
import { defaultProfiles, saveProfiles } from '../../../electron/core/scanners';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The technician's profile form checks fields with the core's own schema: what it passes, the core saves. */
describe('profile form validation', () => {
  const serial = () => defaultProfiles('/data', 'linux').find((p) => p.id === 'serial-line')! as unknown as Record<string, unknown>;
  const keys = (m: Map<string, { key: string }>) => Object.fromEntries([...m].map(([k, v]) => [k, v.key]));

  it('passes every template, and the core saves what it passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-form-'));
    try {
      const all = defaultProfiles(dir, 'linux') as unknown as Array<Record<string, unknown>>;
      for (const p of all) expect(profileProblems(p).size).toBe(0);
      expect(saveProfiles(dir, all as never)).toHaveLength(all.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names each bad field with a translatable problem', () => {
    let p = serial();
    p = setAt(p, ['id'], 'Counter 3');
    p = setAt(p, ['port', 'path'], '');
    p = setAt(p, ['gapMs'], 5);
    p = setAt(p, ['startCode'], 'zz');
    p = setAt(p, ['framing'], 'smoke-signals');
    p = setAt(p, ['serial', 'baudRate'], 'fast');
    expect(keys(profileProblems(p))).toEqual({
      id: 'profiles.err.id',
      'port.path': 'profiles.err.required',
      gapMs: 'profiles.err.min',
      startCode: 'profiles.err.hex',
      framing: 'profiles.err.oneOf',
      'serial.baudRate': 'profiles.err.number',
    });
    expect(profileProblems(p).get('gapMs')!.vars).toEqual({ n: 10 });
  });

  it('reports the port branch being filled in, and duplicate ids', () => {
    const usb = setAt(serial(), ['port'], { vendorId: 0x0403 });
    expect(keys(profileProblems(usb))).toEqual({ 'port.productId': 'profiles.err.required' });
    const other = serial();
    expect(keys(profileProblems(serial(), [other]))).toEqual({ id: 'profiles.err.duplicateId' });
  });

  it('checks the commands sent to the reader', () => {
    const p = setAt(serial(), ['writes'], [{ when: 'open', hex: '16 54 0D' }, { when: 'later', hex: '1' }]);
    expect(keys(profileProblems(p))).toEqual({ 'writes.1.when': 'profiles.err.oneOf', 'writes.1.hex': 'profiles.err.hex' });
  });
});
