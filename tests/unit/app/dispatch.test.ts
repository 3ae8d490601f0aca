import { describe, expect, it, vi } from 'vitest';
import { dispatch, type CallerContext, type HandlerTable } from '../../../electron/core/app/dispatch';
import { UserError } from '../../../electron/core/app/errors';
import type { Session } from '../../../electron/contract';

function caller(session: Session | null = null): CallerContext {
  let s = session;
  return {
    get session() {
      return s;
    },
    setSession(x) {
      s = x;
    },
  };
}

const officer: Session = { username: 'anna', role: 'officer', displayName: 'Anna' };

function table(overrides: Partial<Record<string, unknown>> = {}): HandlerTable {
  const ok = { access: { kind: 'public' }, handle: vi.fn(() => 'fine') };
  return new Proxy({} as HandlerTable, { get: (_t, k: string) => overrides[k] ?? ok });
}

describe('dispatch: the one door into the core', () => {
  it('refuses a channel not in the contract', async () => {
    const r = await dispatch(table(), () => true, 'fs.readFile', {}, caller());
    expect(r).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.any(String) } });
  });

  it('refuses a payload that fails the schema before the handler runs', async () => {
    const handle = vi.fn();
    const t = table({ 'mrz.parse': { access: { kind: 'public' }, handle } });
    for (const bad of [{ text: 42 }, { text: 'x'.repeat(5000) }, { text: 'P<', extra: true }, 'string', [1, 2]]) {
      const r = await dispatch(t, () => true, 'mrz.parse', bad, caller());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_request');
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('requires a session for signed-in channels and a permission for guarded ones', async () => {
    const handle = vi.fn(() => ({ emitted: true }));
    const t = table({ 'scanner.simulate': { access: { kind: 'permission', permission: 'scanner.test' }, handle } });
    const anon = await dispatch(t, () => true, 'scanner.simulate', {}, caller());
    expect(anon.ok || anon.error.code).toBe('not_signed_in');
    const denied = await dispatch(t, () => false, 'scanner.simulate', {}, caller(officer));
    expect(denied.ok || denied.error.code).toBe('forbidden');
    expect(handle).not.toHaveBeenCalled();
    const allowed = await dispatch(t, (s, p) => s.role === 'officer' && p === 'scanner.test', 'scanner.simulate', {}, caller(officer));
    expect(allowed).toEqual({ ok: true, value: { emitted: true } });
  });

  it('returns a user error as written and hides internal errors', async () => {
    const t = table({
      'app.info': { access: { kind: 'public' }, handle: () => { throw new UserError('reader_gone', 'Reader on /dev/ttyUSB0 disconnected: check the cable.'); } },
      'session.current': { access: { kind: 'public' }, handle: () => { throw new TypeError('cannot read x of undefined at /src/secret.ts:10'); } },
    });
    const user = await dispatch(t, () => true, 'app.info', {}, caller());
    expect(user).toEqual({ ok: false, error: { code: 'reader_gone', message: 'Reader on /dev/ttyUSB0 disconnected: check the cable.' } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = await dispatch(t, () => true, 'session.current', {}, caller());
    spy.mockRestore();
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('internal');
      expect(internal.error.message).not.toMatch(/secret\.ts|undefined/);
    }
  });
});
