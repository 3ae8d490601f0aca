import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, type ChannelName } from '../../../electron/contract';
import { createCoreServices, type CoreServices } from '../../../electron/core/app/services';
import type { CallerContext } from '../../../electron/core/app/dispatch';

/**
 * The role matrix: every IPC channel called as every role (and signed out), through the real core's
 * dispatch. Allowed calls may still fail for other reasons (no such record); denied calls must be
 * refused before anything runs. The expected table is the rule, written out by hand.
 */
type Who = 'anonymous' | 'officer' | 'supervisor' | 'technician' | 'admin';
const ALL = ['officer', 'supervisor', 'technician', 'admin'] as const satisfies Who[];
const expected: Record<ChannelName, readonly Who[] | 'public'> = {
  'app.info': 'public',
  'session.current': 'public',
  'auth.login': 'public',
  // Public but refused once any account exists (here: always, the matrix's accounts exist).
  'setup.firstAdmin': [],
  'session.touch': 'public',
  'auth.logout': ALL,
  'auth.changePassword': ALL,
  'auth.lock': ALL,
  'auth.unlock': ALL,
  'scanner.status': ALL,
  'watchlist.status': ['officer', 'supervisor', 'technician'],
  'mrz.parse': ['officer'],
  'traveller.manualEntry': ['officer'],
  'traveller.readImage': ['officer'],
  'traveller.current': ['officer'],
  'traveller.discard': ['officer'],
  'inspection.decide': ['officer'],
  'inspection.myShift': ['officer'],
  'inspection.dashboard': ['supervisor'],
  'inspection.search': ['supervisor'],
  'inspection.get': ['supervisor'],
  'log.verify': ['supervisor', 'admin'],
  'export.shift': ['supervisor'],
  'scanner.devices': ['technician'],
  'scanner.profiles.get': ['technician'],
  'scanner.profiles.save': ['technician'],
  'scanner.simulate': ['technician'],
  'scanner.testRead': ['technician'],
  'sync.status': ['officer', 'supervisor', 'technician'],
  'sync.pullNow': ['technician'],
  'sync.config.get': ['technician'],
  'sync.config.set': ['technician'],
  'doctor.run': ['technician', 'admin'],
  'users.list': ['admin'],
  'users.add': ['admin'],
  'policy.get': ['admin'],
  'policy.set': ['admin'],
};

const from = new Date(Date.now() - 3_600_000).toISOString();
const to = new Date(Date.now() + 60_000).toISOString();
const payloads: Record<ChannelName, unknown> = {
  'app.info': {},
  'session.current': {},
  'auth.login': { username: 'nobody', password: 'wrong-password' },
  'setup.firstAdmin': { username: 'intruder', password: 'another-long-password' },
  'session.touch': {},
  'auth.logout': {},
  'auth.changePassword': { currentPassword: 'wrong-password', newPassword: 'another-long-password' },
  'auth.lock': {},
  'auth.unlock': { password: 'wrong-password' },
  'scanner.status': {},
  'watchlist.status': {},
  'mrz.parse': { text: 'P<UTO' },
  'traveller.manualEntry': { text: 'garbage' },
  'traveller.readImage': { name: 'x.png', dataBase64: 'AAAA' },
  'traveller.current': {},
  'traveller.discard': { readId: 'gone' },
  'inspection.decide': { readId: 'gone', decision: 'admit' },
  'inspection.myShift': {},
  'inspection.dashboard': { from, to },
  'inspection.search': { from, to },
  'inspection.get': { id: 'missing' },
  'log.verify': {},
  'export.shift': { from, to, format: 'csv' },
  'scanner.devices': {},
  'scanner.profiles.get': {},
  'scanner.profiles.save': { profiles: [], active: null },
  'scanner.simulate': { specimen: 'nonexistent' },
  'scanner.testRead': { profile: { id: 'bad profile' }, seconds: 1 },
  'sync.status': {},
  'sync.pullNow': {},
  'sync.config.get': {},
  'sync.config.set': { intervalMinutes: 30 },
  'doctor.run': {},
  'users.list': {},
  'users.add': { username: 'x', role: 'officer', password: 'short' },
  'policy.get': {},
  'policy.set': { idleLockMinutes: 5 },
};

const REFUSED = new Set(['forbidden', 'not_signed_in', 'setup_done']);
const PASSWORD = 'correct horse battery';

describe('role matrix over every IPC channel', () => {
  let services: CoreServices;
  let dir: string;
  const callers = new Map<Who, CallerContext>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-roles-'));
    services = await createCoreServices({ dataDir: dir, simulator: true });
    callers.set('anonymous', { sessionId: null });
    for (const role of ALL) {
      await services.auth.addUser({ username: role, role, password: 'first-password-1' }, 'test');
      const caller: CallerContext = { sessionId: null };
      const login = await services.dispatch('auth.login', { username: role, password: 'first-password-1' }, caller);
      expect(login.ok).toBe(true);
      const changed = await services.dispatch('auth.changePassword', { currentPassword: 'first-password-1', newPassword: PASSWORD }, caller);
      expect(changed.ok).toBe(true);
      callers.set(role, caller);
    }
  });

  afterAll(async () => {
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has an expectation for every channel in the contract', () => {
    expect(Object.keys(expected).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses bad payloads on every channel before any handler runs', async () => {
    for (const channel of CHANNELS) {
      const result = await services.dispatch(channel, { unexpected: 'field', text: 12 }, callers.get('officer')!);
      expect({ channel, ok: result.ok }).toEqual({ channel, ok: false });
    }
  });

  it('delivers traveller data only to officers, raw reader bytes and reader problems only to technicians', () => {
    const receives = (who: Who, e: 'traveller.read' | 'scanner.raw' | 'scanner.problem' | 'scanner.status') => services.mayReceive(e, callers.get(who)!);
    expect(ALL.filter((w) => receives(w, 'traveller.read'))).toEqual(['officer']);
    expect(ALL.filter((w) => receives(w, 'scanner.raw'))).toEqual(['technician']);
    expect(ALL.filter((w) => receives(w, 'scanner.problem'))).toEqual(['technician']);
    expect(receives('anonymous', 'traveller.read')).toBe(false);
    expect(receives('anonymous', 'scanner.status')).toBe(false);
  });

  // Session-ending calls run last so they do not sign the matrix's callers out.
  const rank = (c: ChannelName) => (c === 'auth.logout' ? 2 : c === 'auth.lock' ? 1 : 0);
  const order = [...CHANNELS].sort((a, b) => rank(a) - rank(b));
  for (const channel of order) {
    it(`${channel}: allowed exactly for ${expected[channel] === 'public' ? 'everyone' : (expected[channel] as readonly Who[]).join(', ')}`, async () => {
      for (const who of ['anonymous', ...ALL] as Who[]) {
        const rule = expected[channel];
        const allowed = rule === 'public' || rule.includes(who);
        const result = await services.dispatch(channel, payloads[channel], callers.get(who)!);
        const refused = !result.ok && REFUSED.has(result.error.code);
        expect({ who, refused }).toEqual({ who, refused: !allowed });
      }
    });
  }

});
