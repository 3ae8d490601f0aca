import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreServices, type CoreServices } from '../../../electron/core/app/services';
import type { CallerContext } from '../../../electron/core/app/dispatch';

const PASSWORD = 'correct horse battery';

describe('first run through the IPC contract', () => {
  let services: CoreServices;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-first-run-'));
    services = await createCoreServices({ dataDir: dir });
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the screen that set-up is needed, creates the admin, signs them in, then refuses', async () => {
    const caller: CallerContext = { sessionId: null };
    const info = await services.dispatch('app.info', {}, caller);
    expect(info.ok && info.value).toMatchObject({ setupNeeded: true });
    const created = await services.dispatch('setup.firstAdmin', { username: 'chief', password: PASSWORD }, caller);
    expect(created).toMatchObject({ ok: true, value: { username: 'chief', role: 'admin', mustChangePassword: false, locked: false } });
    expect(caller.sessionId).not.toBeNull();
    const current = await services.dispatch('session.current', {}, caller);
    expect(current.ok && current.value).toMatchObject({ username: 'chief', role: 'admin' });
    const users = await services.dispatch('users.list', {}, caller);
    expect(users).toMatchObject({ ok: true, value: [{ username: 'chief', role: 'admin' }] });
    const after = await services.dispatch('app.info', {}, { sessionId: null });
    expect(after.ok && after.value).toMatchObject({ setupNeeded: false });

    const stranger: CallerContext = { sessionId: null };
    const again = await services.dispatch('setup.firstAdmin', { username: 'mallory', password: 'another-long-password' }, stranger);
    expect(again).toMatchObject({ ok: false, error: { code: 'setup_done' } });
    expect(stranger.sessionId).toBeNull();
  });

  it('lets exactly one of two concurrent set-up requests through', async () => {
    const a: CallerContext = { sessionId: null };
    const b: CallerContext = { sessionId: null };
    const [ra, rb] = await Promise.all([
      services.dispatch('setup.firstAdmin', { username: 'first', password: PASSWORD }, a),
      services.dispatch('setup.firstAdmin', { username: 'second', password: PASSWORD }, b),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    expect([a.sessionId, b.sessionId].filter(Boolean)).toHaveLength(1);
    expect(services.auth.listUsers()).toHaveLength(1);
    expect(services.log.recentAudit(50).filter((e) => e.action === 'users.add')).toHaveLength(1);
  });

  it('applies the password rules of every other account', async () => {
    const r = await services.dispatch('setup.firstAdmin', { username: 'chief', password: 'chief-chief-1' }, { sessionId: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'weak_password' } });
    expect(services.auth.needsSetup()).toBe(true);
  });
});
