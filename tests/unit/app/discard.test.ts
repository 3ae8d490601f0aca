import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreServices, type CoreServices } from '../../../electron/core/app/services';
import type { CallerContext } from '../../../electron/core/app/dispatch';
import { SPECIMENS } from '../../../electron/core/mrz';

describe('traveller.discard (Esc on the officer screen)', () => {
  let services: CoreServices;
  let dir: string;
  const officer: CallerContext = { sessionId: null };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-discard-'));
    services = await createCoreServices({ dataDir: dir });
    await services.auth.addUser({ username: 'anna', role: 'officer', password: 'first-password-1' }, 'test');
    await services.dispatch('auth.login', { username: 'anna', password: 'first-password-1' }, officer);
    const changed = await services.dispatch('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'correct horse battery' }, officer);
    expect(changed.ok).toBe(true);
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drops the pending read, so a later decision on it is refused and nothing is recorded', async () => {
    const read = await services.dispatch('traveller.manualEntry', { text: SPECIMENS.td3!.join('\n') }, officer);
    if (!read.ok) throw new Error(read.error.message);
    const readId = (read.value as { readId: string }).readId;
    expect(await services.dispatch('traveller.current', {}, officer)).toMatchObject({ ok: true, value: { readId } });

    expect(await services.dispatch('traveller.discard', { readId }, officer)).toEqual({ ok: true, value: { discarded: true } });
    expect(await services.dispatch('traveller.current', {}, officer)).toEqual({ ok: true, value: null });
    const decide = await services.dispatch('inspection.decide', { readId, decision: 'admit' }, officer);
    expect(decide).toMatchObject({ ok: false, error: { code: 'read_gone' } });
    expect(await services.dispatch('inspection.myShift', {}, officer)).toMatchObject({ ok: true, value: { total: 0 } });
    // Discarding again is harmless.
    expect(await services.dispatch('traveller.discard', { readId }, officer)).toEqual({ ok: true, value: { discarded: false } });
  });

  it('is refused on a locked screen', async () => {
    await services.dispatch('auth.lock', {}, officer);
    expect(await services.dispatch('traveller.discard', { readId: 'x' }, officer)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
