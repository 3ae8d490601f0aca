import { describe, expect, it, vi } from 'vitest';
import { dispatch, type AccessControl, type CallerContext, type HandlerTable } from '../../../electron/core/app/dispatch';
import type { Session as AuthSession } from '../../../electron/core/auth';
import { UserError } from '../../../electron/core/app/errors';

function caller(sessionId: string | null = null): CallerContext {
  return { sessionId };
}

const officer = { id: 's1', username: 'anna', role: 'officer', displayName: 'Anna', site: null, startedAt: '', mustChangePassword: false, locked: false, lastActiveAt: 0 } as AuthSession;

/** Access control over one known session; `allow` decides permissions. */
function access(allow: (s: AuthSession, p: string) => boolean, session: AuthSession = officer): AccessControl {
  return { sessionOf: (c) => (c.sessionId === session.id ? session : null), can: allow };
}

function table(overrides: Partial<Record<string, unknown>> = {}): HandlerTable {
  const ok = { access: { kind: 'public' }, handle: vi.fn(() => 'fine') };
  return new Proxy({} as HandlerTable, { get: (_t, k: string) => overrides[k] ?? ok });
}

describe('dispatch: the one door into the core', () => {
  it('refuses a channel not in the contract', async () => {
    const r = await dispatch(table(), access(() => true), 'fs.readFile', {}, caller());
    expect(r).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.any(String) } });
  });

  it('refuses a payload that fails the schema before the handler runs', async () => {
    const handle = vi.fn();
    const t = table({ 'mrz.parse': { access: { kind: 'public' }, handle } });
    for (const bad of [{ text: 42 }, { text: 'x'.repeat(5000) }, { text: 'P<', extra: true }, 'string', [1, 2]]) {
      const r = await dispatch(t, access(() => true), 'mrz.parse', bad, caller());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_request');
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('requires a session for signed-in channels and a permission for guarded ones', async () => {
    const handle = vi.fn(() => ({ emitted: true }));
    const t = table({ 'scanner.simulate': { access: { kind: 'permission', permission: 'scanner.test' }, handle } });
    const anon = await dispatch(t, access(() => true), 'scanner.simulate', {}, caller());
    expect(anon.ok || anon.error.code).toBe('not_signed_in');
    const denied = await dispatch(t, access(() => false), 'scanner.simulate', {}, caller('s1'));
    expect(denied.ok || denied.error.code).toBe('forbidden');
    expect(handle).not.toHaveBeenCalled();
    const allowed = await dispatch(t, access((s, p) => s.role === 'officer' && p === 'scanner.test'), 'scanner.simulate', {}, caller('s1'));
    expect(allowed).toEqual({ ok: true, value: { emitted: true } });
  });

  it('refuses a locked session or one due a password change, except for session-level calls', async () => {
    const handle = vi.fn(() => 'done');
    const t = table({
      'inspection.myShift': { access: { kind: 'permission', permission: 'inspection.viewOwnShift' }, handle },
      'auth.unlock': { access: { kind: 'session' }, handle },
    });
    const locked = { ...officer, locked: true } as AuthSession;
    const r1 = await dispatch(t, access(() => true, locked), 'inspection.myShift', {}, caller('s1'));
    expect(r1.ok || r1.error.code).toBe('locked');
    const mustChange = { ...officer, mustChangePassword: true } as AuthSession;
    const r2 = await dispatch(t, access(() => true, mustChange), 'inspection.myShift', {}, caller('s1'));
    expect(r2.ok || r2.error.code).toBe('must_change_password');
    expect(handle).not.toHaveBeenCalled();
    const r3 = await dispatch(t, access(() => true, locked), 'auth.unlock', { password: 'x' }, caller('s1'));
    expect(r3).toEqual({ ok: true, value: 'done' });
  });

  it('returns a user error as written and hides internal errors', async () => {
    const t = table({
      'app.info': { access: { kind: 'public' }, handle: () => { throw new UserError('reader_gone', 'Reader on /dev/ttyUSB0 disconnected: check the cable.'); } },
      'session.current': { access: { kind: 'public' }, handle: () => { throw new TypeError('cannot read x of undefined at /src/secret.ts:10'); } },
    });
    const user = await dispatch(t, access(() => true), 'app.info', {}, caller());
    expect(user).toEqual({ ok: false, error: { code: 'reader_gone', message: 'Reader on /dev/ttyUSB0 disconnected: check the cable.' } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = await dispatch(t, access(() => true), 'session.current', {}, caller());
    spy.mockRestore();
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('internal');
      expect(internal.error.message).not.toMatch(/secret\.ts|undefined/);
    }
  });
});
