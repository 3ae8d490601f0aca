import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreServices, type CoreServices } from '../../../electron/core/app/services';
import { DEFAULT_POLICY, IDLE_LOCK_SETTING, idleLockMinutesFrom } from '../../../electron/core/auth';
import { openInspectionLog } from '../../../electron/core/inspections';

describe('idle lock minutes from the workstation settings', () => {
  let services: CoreServices | null = null;
  let dir = '';
  afterEach(async () => {
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (value: string | null) => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-idle-'));
    if (value !== null) {
      const log = openInspectionLog(dir);
      log.setSetting(IDLE_LOCK_SETTING, value, 'admin');
      log.close();
    }
    services = await createCoreServices({ dataDir: dir });
    return services;
  };

  it('accepts 0.1 to 240 minutes and falls back to the default otherwise', () => {
    expect(idleLockMinutesFrom('2')).toBe(2);
    expect(idleLockMinutesFrom('0.1')).toBe(0.1);
    for (const bad of [null, '', '0', '-3', 'soon', '241', 'Infinity']) expect(idleLockMinutesFrom(bad)).toBeUndefined();
  });

  it('applies the stored setting when the core starts, and tells the screen', async () => {
    const s = await start('2');
    expect(s.auth.policy.idleLockMinutes).toBe(2);
    await s.auth.addUser({ username: 'anna', role: 'officer', password: 'first-password-1' }, 'test');
    const caller = { sessionId: null };
    const login = await s.dispatch('auth.login', { username: 'anna', password: 'first-password-1' }, caller);
    expect(login).toMatchObject({ ok: true, value: { idleLockMinutes: 2 } });
    // The change itself is audited like any setting.
    expect(s.log.recentAudit(20).some((a) => a.action === 'config.change' && (a.details as { key?: string }).key === IDLE_LOCK_SETTING)).toBe(true);
  });

  it('keeps the default without a usable setting', async () => {
    expect((await start('0')).auth.policy.idleLockMinutes).toBe(DEFAULT_POLICY.idleLockMinutes);
  });
});
