import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDriver, defaultProfiles, loadProfiles, PROFILES_FILE, saveProfiles, SimulatorDriver } from '../../../electron/core/scanners';
import { UserError } from '../../../electron/core/app/errors';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'checkpoint-prof-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('reader profiles', () => {
  it('offers prefilled profiles for each reader family when none are saved', () => {
    const dir = tmp();
    const ids = loadProfiles(dir).map((p) => p.id);
    expect(ids).toEqual(['serial-line', 'desko-serial', 'rte-serial', 'access-is-hid', 'keyboard-hid', 'hot-folder', 'simulator']);
    const rte = loadProfiles(dir).find((p) => p.id === 'rte-serial')!;
    expect(rte.driver === 'serial' && rte.serial).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
  });

  it('saves edited profiles and loads them back', () => {
    const dir = tmp();
    const edited = defaultProfiles(dir).map((p) => (p.id === 'desko-serial' && p.driver === 'serial' ? { ...p, port: { vendorId: 0x0403, productId: 0x6001 }, startCode: '1b 4f' } : p));
    saveProfiles(dir, edited);
    const back = loadProfiles(dir).find((p) => p.id === 'desko-serial')!;
    expect(back.driver === 'serial' && back.port).toEqual({ vendorId: 0x0403, productId: 0x6001 });
  });

  it('refuses invalid profiles with a message naming the field, and leaves the saved file alone', () => {
    const dir = tmp();
    saveProfiles(dir, defaultProfiles(dir));
    const before = readFileSync(join(dir, PROFILES_FILE), 'utf8');
    expect(() => saveProfiles(dir, [{ id: 'x', name: 'x', driver: 'serial', port: { path: '/dev/ttyUSB0' }, serial: { baudRate: -5 } } as never])).toThrow(/serial\.baudRate/);
    expect(() => saveProfiles(dir, [...defaultProfiles(dir), defaultProfiles(dir)[0]!])).toThrow(/share the id/);
    expect(readFileSync(join(dir, PROFILES_FILE), 'utf8')).toBe(before);
  });

  it('a damaged profiles file is an error to fix, not silently replaced by defaults', () => {
    const dir = tmp();
    writeFileSync(join(dir, PROFILES_FILE), '{"version":1,"profiles":[{"id":"a"}]}');
    expect(() => loadProfiles(dir)).toThrow(UserError);
    writeFileSync(join(dir, PROFILES_FILE), 'not json');
    expect(() => loadProfiles(dir)).toThrow(/not valid JSON/);
  });

  it('createDriver builds the driver for each profile kind', () => {
    const dir = tmp();
    const kinds = defaultProfiles(dir).map((p) => createDriver(p).source);
    expect(kinds).toEqual(['serial', 'serial', 'serial', 'hid', 'hid', 'folder', 'simulator']);
    expect(() => createDriver({ id: 'bad id!', name: 'x', driver: 'simulator' })).toThrow(/id/);
  });
});

describe('simulator', () => {
  it('pushes real framed bytes through the decoders for every framing and specimen', async () => {
    const sim = new SimulatorDriver({ readerId: 'sim' });
    const raw: Buffer[] = [];
    sim.on('raw', (r) => raw.push(r.bytes));
    await sim.open();
    for (const framing of ['line', 'stx-etx', 'rte', 'keyboard', 'access-hid'] as const) {
      for (const name of ['td3', 'td1', 'td2', 'mrva', 'mrvb']) {
        const doc = await sim.emitSpecimen(name, { framing });
        expect(doc?.mrz.valid, `${framing} ${name}`).toBe(true);
        expect(doc?.readerId).toBe('sim');
      }
    }
    raw.length = 0;
    await sim.emitSpecimen('td3', { framing: 'rte' });
    expect(raw[0]![0]).toBe(0x01); // an actual RTE block went through
  });

  it('garbage lines make a problem, not a document', async () => {
    const sim = new SimulatorDriver();
    const problems: string[] = [];
    sim.on('error', (e) => problems.push(e.code));
    await sim.open();
    expect(await sim.emitZone(['HELLO', 'WORLD'])).toBeNull();
    expect(problems).toEqual(['not_a_zone']);
    await expect(async () => sim.emitSpecimen('nope')).rejects.toThrow(/Available: td3/);
  });
});
