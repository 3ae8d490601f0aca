import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth, type Auth, type Session } from '../../../electron/core/auth/index';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections/index';
import { tempDir } from '../inspections/fixtures';

let t: ReturnType<typeof tempDir>;
let log: InspectionLog;
let auth: Auth;
const clock = { t: Date.parse('2026-11-28T06:00:00Z') };
const advance = (minutes: number) => (clock.t += minutes * 60_000);

const PW = 'first-password-123';
const NEW_PW = 'a much better passphrase';

beforeEach(() => {
  t = tempDir('cp-auth-');
  clock.t = Date.parse('2026-11-28T06:00:00Z');
  const now = () => new Date(clock.t);
  log = openInspectionLog(t.dir, { now });
  // Low scrypt cost keeps the suite fast; the default cost is checked once below.
  auth = createAuth(log, { now, policy: { scryptN: 1024 } });
});
afterEach(() => {
  log.close();
  t.cleanup();
});

async function signedIn(username = 'anna', role: 'officer' | 'supervisor' = 'officer', site: string | null = null): Promise<Session> {
  await auth.addUser({ username, role, password: PW, site }, 'admin');
  const r = await auth.login(username, PW);
  if (!r.ok) throw new Error(r.message);
  return auth.changePassword(r.session.id, PW, NEW_PW);
}

const actions = () => log.recentAudit(100).reverse().map((a) => `${a.action}:${a.actor}`);

describe('accounts', () => {
  it('stores scrypt hashes, never the password', async () => {
    const real = createAuth(log, { now: () => new Date(clock.t) });
    await real.addUser({ username: 'Admin.One', role: 'admin', password: PW }, 'cli');
    const row = log.db.prepare('SELECT password_hash FROM users WHERE username = ?').get('admin.one') as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(JSON.stringify(log.db.prepare('SELECT * FROM users').all())).not.toContain(PW);
    expect(JSON.stringify(log.recentAudit(10))).not.toContain(PW);
    expect((await real.login('admin.one', PW)).ok).toBe(true);
  });

  it('validates usernames, roles, duplicates and password length', async () => {
    await expect(auth.addUser({ username: 'x', role: 'officer', password: PW }, 'a')).rejects.toThrow(/2 to 32 characters/);
    await expect(auth.addUser({ username: 'bob', role: 'root' as never, password: PW }, 'a')).rejects.toThrow(/role must be one of/);
    await expect(auth.addUser({ username: 'bob', role: 'officer', password: 'short' }, 'a')).rejects.toThrow(/at least 10/);
    await expect(auth.addUser({ username: 'bob', role: 'officer', password: 'bob-bob-bob-1' }, 'a')).rejects.toThrow(/must not contain the username/);
    await auth.addUser({ username: 'bob', role: 'officer', password: PW }, 'a');
    await expect(auth.addUser({ username: 'BOB', role: 'officer', password: PW }, 'a')).rejects.toThrow(/already exists/);
    expect(auth.listUsers()).toMatchObject([{ username: 'bob', role: 'officer', mustChangePassword: true, lockedUntil: null }]);
  });
});

describe('sign-in', () => {
  it('forces a password change at first sign-in; until then the session can do nothing', async () => {
    await auth.addUser({ username: 'anna', role: 'officer', password: PW }, 'admin');
    const r = await auth.login('anna', PW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.mustChangePassword).toBe(true);
    const { can } = await import('../../../electron/core/auth/index');
    expect(can(r.session, 'inspection.record')).toBe(false);
    await expect(auth.changePassword(r.session.id, 'wrong-password-x', NEW_PW)).rejects.toThrow(/current password is wrong/);
    await expect(auth.changePassword(r.session.id, PW, PW)).rejects.toThrow(/different from the current/);
    const s = await auth.changePassword(r.session.id, PW, NEW_PW);
    expect(s.mustChangePassword).toBe(false);
    expect(can(s, 'inspection.record')).toBe(true);
    expect((await auth.login('anna', PW)).ok).toBe(false);
    const again = await auth.login('anna', NEW_PW);
    expect(again.ok && again.session.mustChangePassword).toBe(false);
    expect(actions()).toEqual(['users.add:admin', 'auth.login:anna', 'auth.passwordChanged:anna', 'auth.loginFailed:anna', 'auth.login:anna']);
  });

  it('locks the account after repeated failures, then lets it in after the lockout', async () => {
    await signedIn('anna');
    for (let i = 0; i < 4; i++) expect(await auth.login('anna', 'wrong password!')).toMatchObject({ ok: false, error: 'invalid_credentials' });
    expect(await auth.login('anna', 'wrong password!')).toMatchObject({ ok: false, error: 'locked_out', lockedUntil: '2026-11-28T06:15:00.000Z' });
    // Even the right password is refused while locked.
    expect(await auth.login('anna', NEW_PW)).toMatchObject({ ok: false, error: 'locked_out' });
    expect(auth.listUsers()[0]!.lockedUntil).toBe('2026-11-28T06:15:00.000Z');
    expect(actions().filter((a) => a.startsWith('auth.lockout'))).toEqual(['auth.lockout:anna']);
    advance(16);
    expect((await auth.login('anna', NEW_PW)).ok).toBe(true);
    expect(auth.listUsers()[0]!.lockedUntil).toBeNull();
  });

  it('an admin reset clears the lockout and forces a new password', async () => {
    await signedIn('anna');
    for (let i = 0; i < 5; i++) await auth.login('anna', 'wrong password!');
    await auth.resetPassword('anna', 'temporary-pass-42', 'root.admin');
    const r = await auth.login('anna', 'temporary-pass-42');
    expect(r.ok && r.session.mustChangePassword).toBe(true);
  });

  it('answers unknown users and wrong passwords the same way, and audits both', async () => {
    await signedIn('anna');
    const unknown = await auth.login('nobody', 'whatever-password');
    const wrong = await auth.login('anna', 'whatever-password');
    expect(unknown).toEqual({ ok: false, error: 'invalid_credentials', message: 'Wrong username or password.' });
    expect(wrong).toEqual(unknown);
    expect(log.recentAudit(2).map((a) => [a.action, a.actor, a.details.reason])).toEqual([
      ['auth.loginFailed', 'anna', 'bad_password'],
      ['auth.loginFailed', 'unknown-user', 'unknown_user'],
    ]);
    expect(JSON.stringify(log.recentAudit(2))).not.toContain('nobody');
  });

  it('refuses disabled accounts and ends their sessions', async () => {
    const s = await signedIn('anna');
    auth.setDisabled('anna', true, 'root.admin');
    expect(auth.getSession(s.id)).toBeNull();
    expect(await auth.login('anna', NEW_PW)).toMatchObject({ ok: false, error: 'disabled' });
  });
});

describe('idle screen lock', () => {
  it('locks after the idle period; activity postpones it; the password unlocks', async () => {
    const s = await signedIn('anna');
    advance(4);
    expect(auth.getSession(s.id, true)!.locked).toBe(false); // activity at minute 4
    advance(4);
    expect(auth.getSession(s.id)!.locked).toBe(false); // 4 min since activity
    advance(1);
    const locked = auth.getSession(s.id)!;
    expect(locked.locked).toBe(true);
    const { can } = await import('../../../electron/core/auth/index');
    expect(can(locked, 'inspection.record')).toBe(false);
    await expect(auth.unlock(s.id, 'wrong password!')).rejects.toThrow(/Wrong password/);
    const back = await auth.unlock(s.id, NEW_PW);
    expect(back.locked).toBe(false);
    expect(can(back, 'inspection.record')).toBe(true);
    expect(actions().slice(-3)).toEqual(['auth.idleLock:anna', 'auth.loginFailed:anna', 'auth.unlock:anna']);
  });

  it('an administrator changes the idle time: open sessions follow it, it is stored and audited', async () => {
    const s = await signedIn('anna');
    auth.setIdleLockMinutes(2, 'root.admin');
    advance(1.5);
    expect(auth.getSession(s.id)!.locked).toBe(false);
    advance(1);
    expect(auth.getSession(s.id)!.locked).toBe(true);
    expect(log.getSetting('auth.idleLockMinutes')).toBe('2');
    expect(log.recentAudit(5).some((a) => a.action === 'config.change' && a.actor === 'root.admin' && a.details.key === 'auth.idleLockMinutes')).toBe(true);
    for (const bad of [0, -1, 241, Number.NaN]) expect(() => auth.setIdleLockMinutes(bad, 'root.admin')).toThrow(/between 0.1 and 240/);
    expect(auth.policy.idleLockMinutes).toBe(2);
  });

  it('logout ends the session and is audited', async () => {
    const s = await signedIn('anna');
    auth.logout(s.id);
    expect(auth.getSession(s.id)).toBeNull();
    expect(actions().at(-1)).toBe('auth.logout:anna');
    expect(log.verifyChain().ok).toBe(true);
  });
});

describe('what each role may see of the shift', () => {
  const asked = { from: '2026-11-01T00:00:00Z', to: '2026-11-29T00:00:00Z', officer: 'someone.else' };

  it('an officer sees only their own records of the current shift', async () => {
    const s = await signedIn('anna', 'officer');
    const f = auth.scopeShiftFilter(s, asked);
    expect(f.officer).toBe('anna');
    expect(f.from).toBe(new Date(clock.t - 12 * 3_600_000).toISOString());
  });

  it("a supervisor sees their site's records", async () => {
    const s = await signedIn('sam', 'supervisor', 'NORTH');
    expect(auth.scopeShiftFilter(s, asked)).toEqual({ ...asked, site: 'NORTH' });
  });

  it('one record: officers their own of the current shift, supervisors their site', async () => {
    const anna = await signedIn('anna', 'officer');
    const sam = await signedIn('sam', 'supervisor', 'NORTH');
    const recent = new Date(clock.t - 3_600_000).toISOString();
    const old = new Date(clock.t - 13 * 3_600_000).toISOString();
    expect(auth.mayAccessRecord(anna, { officer: 'anna', site: 'NORTH', time: recent }, true)).toBe(true);
    expect(auth.mayAccessRecord(anna, { officer: 'anna', site: 'NORTH', time: old })).toBe(false);
    expect(auth.mayAccessRecord(anna, { officer: 'other', site: 'NORTH', time: recent })).toBe(false);
    expect(auth.mayAccessRecord(sam, { officer: 'other', site: 'NORTH', time: old }, true)).toBe(true);
    expect(auth.mayAccessRecord(sam, { officer: 'other', site: 'SOUTH', time: recent })).toBe(false);
  });

  it('a technician sees none', async () => {
    await auth.addUser({ username: 'tech', role: 'technician', password: PW }, 'admin');
    const r = await auth.login('tech', PW);
    if (!r.ok) throw new Error('login');
    const s = await auth.changePassword(r.session.id, PW, NEW_PW);
    expect(() => auth.scopeShiftFilter(s, asked)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(auth.mayAccessRecord(s, { officer: 'tech', site: 'NORTH', time: new Date(clock.t).toISOString() })).toBe(false);
  });
});

describe('first run', () => {
  it('creates the first admin only while no account exists, audited like users.add', async () => {
    expect(auth.needsSetup()).toBe(true);
    await expect(auth.createFirstAdmin({ username: 'root', password: 'short' })).rejects.toThrow(/at least 10/);
    await expect(auth.createFirstAdmin({ username: 'x', password: PW })).rejects.toThrow(/2 to 32 characters/);
    expect(auth.needsSetup()).toBe(true);
    const admin = await auth.createFirstAdmin({ username: 'Chief.Admin', password: PW, displayName: 'Chief' });
    expect(admin).toMatchObject({ username: 'chief.admin', role: 'admin', displayName: 'Chief', mustChangePassword: false, site: null });
    expect(auth.needsSetup()).toBe(false);
    // Typed twice on the set-up screen: no forced change at the first sign-in.
    const r = await auth.login('chief.admin', PW);
    expect(r.ok && r.session.mustChangePassword).toBe(false);
    await expect(auth.createFirstAdmin({ username: 'intruder', password: 'another-long-password' })).rejects.toThrow(/already has accounts/);
    expect(auth.listUsers().map((u) => u.username)).toEqual(['chief.admin']);
    const added = log.recentAudit(100).find((a) => a.action === 'users.add')!;
    expect(added).toMatchObject({ actor: 'chief.admin', details: { username: 'chief.admin', role: 'admin', firstRun: true } });
    expect(JSON.stringify(log.recentAudit(100))).not.toContain(PW);
    expect(log.verifyChain().ok).toBe(true);
  });

  it('refuses a second request made while the first is still running', async () => {
    const results = await Promise.allSettled([
      auth.createFirstAdmin({ username: 'chief', password: PW }),
      auth.createFirstAdmin({ username: 'deputy', password: PW }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(auth.listUsers().map((u) => u.username)).toEqual(['chief']);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe('setup_in_progress');
  });

  it('is refused once an account was added another way (CLI)', async () => {
    await auth.addUser({ username: 'bob', role: 'officer', password: PW }, 'cli');
    expect(auth.needsSetup()).toBe(false);
    await expect(auth.createFirstAdmin({ username: 'root', password: PW })).rejects.toThrow(/already has accounts/);
  });
});
