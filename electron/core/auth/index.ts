import { randomUUID } from 'node:crypto';
import { UserError } from '../app/errors';
import type { InspectionLog, ShiftFilter } from '../inspections/index';
import { checkPasswordPolicy, DEFAULT_SCRYPT_N, hashPassword, verifyPassword } from './passwords';
import { can, requirePermission, ROLES, type Role } from './permissions';

export { PERMISSIONS, ROLES, can, requirePermission, isPermission, permissionsOf, rolesFor } from './permissions';
export type { Permission, Role, Caller } from './permissions';
export { MIN_PASSWORD_LENGTH } from './passwords';

/** A signed-in person at this workstation. Held in memory only: a restart signs everyone out. */
export interface Session {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  /** Supervisors see this site's records; null = every record on this workstation. */
  site: string | null;
  startedAt: string;
  /** First login (or after an admin reset): only `changePassword` works until it is done. */
  mustChangePassword: boolean;
  /** Idle screen lock: only `unlock` works. */
  locked: boolean;
  lastActiveAt: number;
}

export interface UserSummary {
  username: string;
  role: Role;
  displayName: string;
  site: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
}

export type LoginResult =
  | { ok: true; session: Session }
  | { ok: false; error: 'invalid_credentials' | 'locked_out' | 'disabled'; message: string; lockedUntil?: string };

export interface AuthPolicy {
  /** Failed attempts in a row before the account is locked. */
  maxFailures: number;
  lockoutMinutes: number;
  /** Screen locks after this much inactivity. */
  idleLockMinutes: number;
  /** How far back an officer's "current shift" reaches. */
  shiftHours: number;
  /** scrypt cost for new hashes (existing hashes keep theirs). */
  scryptN: number;
}

/**
 * Workstation setting (the log's settings table, changes audited as config.change) for the idle lock,
 * in minutes; fractions allowed (training rooms, tests). Read when the core starts.
 */
export const IDLE_LOCK_SETTING = 'auth.idleLockMinutes';

/** The idle-lock minutes a stored setting asks for, or undefined (unset or out of range: the default applies). */
export function idleLockMinutesFrom(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0.1 && n <= 240 ? n : undefined;
}

export const DEFAULT_POLICY: AuthPolicy = { maxFailures: 5, lockoutMinutes: 15, idleLockMinutes: 5, shiftHours: 12, scryptN: DEFAULT_SCRYPT_N };

export interface NewUser {
  username: string;
  role: Role;
  password: string;
  displayName?: string;
  site?: string | null;
}

interface UserRow {
  username: string;
  role: Role;
  site: string | null;
  display_name: string;
  password_hash: string;
  must_change: number;
  failed_count: number;
  locked_until: number | null;
  created_at: string;
  disabled: number;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function normaliseUsername(u: string): string {
  return u.trim().toLowerCase();
}

export interface Auth {
  readonly policy: AuthPolicy;
  addUser(user: NewUser, actor: string): Promise<UserSummary>;
  /** True while the data folder holds no account at all: the first-run screen creates the first admin. */
  needsSetup(): boolean;
  /**
   * First run only: creates the first `admin` account (no forced change: it was typed twice). Refused
   * once any account exists, and refused while another first-run request is still being handled.
   */
  createFirstAdmin(user: { username: string; password: string; displayName?: string }): Promise<UserSummary>;
  listUsers(): UserSummary[];
  login(username: string, password: string): Promise<LoginResult>;
  changePassword(sessionId: string, currentPassword: string, newPassword: string): Promise<Session>;
  /** Admin: new temporary password, forced change at next login, lockout cleared. */
  resetPassword(username: string, temporaryPassword: string, actor: string): Promise<void>;
  setDisabled(username: string, disabled: boolean, actor: string): void;
  /** Admin: the idle-lock time for every session from now on, stored (and audited) as IDLE_LOCK_SETTING. */
  setIdleLockMinutes(minutes: number, actor: string): void;
  logout(sessionId: string): void;
  /**
   * The session for a request, after applying the idle-lock policy. Call on every request; pass
   * `activity: true` when the person did something (keys, scans), which postpones the lock.
   */
  getSession(sessionId: string, activity?: boolean): Session | null;
  lock(sessionId: string): void;
  unlock(sessionId: string, password: string): Promise<Session>;
  /** Restricts a shift query to what the caller may see (own current shift, own site). */
  scopeShiftFilter(session: Session, filter: ShiftFilter): ShiftFilter;
  /**
   * Whether the caller may open (or, with `correct`, correct) one record: officers their own records
   * of the current shift, supervisors their site's. For handlers that take a record id.
   */
  mayAccessRecord(session: Session, record: { officer: string; site: string; time: string }, correct?: boolean): boolean;
}

export function createAuth(log: InspectionLog, opts: { policy?: Partial<AuthPolicy>; now?: () => Date } = {}): Auth {
  const policy: AuthPolicy = { ...DEFAULT_POLICY, ...opts.policy };
  const now = opts.now ?? (() => new Date());
  const db = log.db;
  const sessions = new Map<string, Session>();
  const getRow = (username: string) => db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  // Unknown usernames cost the same as wrong passwords, so timing does not reveal which accounts exist.
  let dummyHash: Promise<string> | null = null;
  const dummy = () => (dummyHash ??= hashPassword('not-a-real-password-' + randomUUID(), policy.scryptN));

  const summary = (r: UserRow): UserSummary => ({
    username: r.username,
    role: r.role,
    displayName: r.display_name,
    site: r.site,
    mustChangePassword: r.must_change === 1,
    lockedUntil: r.locked_until && r.locked_until > now().getTime() ? new Date(r.locked_until).toISOString() : null,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
  });

  const sessionOrThrow = (id: string): Session => {
    const s = sessions.get(id);
    if (!s) throw new UserError('not_signed_in', 'Your session has ended. Sign in again.');
    return s;
  };

  const userCount = () => (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  const setupDone = () => new UserError('setup_done', 'This workstation already has accounts. Sign in, or ask an administrator for an account.');
  let setupInFlight = false;

  const auth: Auth = {
    policy,
    needsSetup: () => userCount() === 0,

    async createFirstAdmin(user) {
      if (userCount() > 0) throw setupDone();
      if (setupInFlight) throw new UserError('setup_in_progress', 'The first account is already being created. Wait a moment, then sign in.');
      setupInFlight = true;
      try {
        const username = normaliseUsername(user.username);
        if (!USERNAME.test(username)) {
          throw new UserError('bad_username', 'A username is 2 to 32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.');
        }
        checkPasswordPolicy(user.password, username);
        const hash = await hashPassword(user.password, policy.scryptN);
        const displayName = (user.displayName ?? username).trim().slice(0, 100) || username;
        log.writeTransaction('The first account', () => {
          // Checked again inside the write: another process on the same data folder may have won.
          if (userCount() > 0) throw setupDone();
          db.prepare(
            'INSERT INTO users (username, role, site, display_name, password_hash, must_change, created_at) VALUES (?, ?, NULL, ?, ?, 0, ?)',
          ).run(username, 'admin', displayName, hash, now().toISOString());
          log.appendAudit('users.add', username, { username, role: 'admin', site: null, firstRun: true });
        });
        return summary(getRow(username)!);
      } finally {
        setupInFlight = false;
      }
    },

    async addUser(user, actor) {
      const username = normaliseUsername(user.username);
      if (!USERNAME.test(username)) {
        throw new UserError('bad_username', 'A username is 2 to 32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.');
      }
      if (!(ROLES as readonly string[]).includes(user.role)) throw new UserError('bad_role', `The role must be one of: ${ROLES.join(', ')}.`);
      checkPasswordPolicy(user.password, username);
      if (getRow(username)) throw new UserError('user_exists', `An account named ${username} already exists.`);
      const hash = await hashPassword(user.password, policy.scryptN);
      const createdAt = now().toISOString();
      const displayName = (user.displayName ?? username).trim().slice(0, 100) || username;
      log.writeTransaction('The new account', () => {
        if (getRow(username)) throw new UserError('user_exists', `An account named ${username} already exists.`);
        db.prepare(
          'INSERT INTO users (username, role, site, display_name, password_hash, must_change, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
        ).run(username, user.role, user.site ?? null, displayName, hash, createdAt);
        log.appendAudit('users.add', actor, { username, role: user.role, site: user.site ?? null });
      });
      return summary(getRow(username)!);
    },

    listUsers() {
      return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(summary);
    },

    async login(rawUsername, password) {
      const username = normaliseUsername(String(rawUsername)).slice(0, 64);
      const row = getRow(username);
      const t = now().getTime();
      if (!row) {
        await verifyPassword(password, await dummy());
        // Not the typed name: people type their password into the username field by mistake.
        log.appendAudit('auth.loginFailed', 'unknown-user', { reason: 'unknown_user' });
        return { ok: false, error: 'invalid_credentials', message: 'Wrong username or password.' };
      }
      if (row.locked_until && row.locked_until > t) {
        log.appendAudit('auth.loginFailed', username, { reason: 'locked_out' });
        const until = new Date(row.locked_until).toISOString();
        return { ok: false, error: 'locked_out', message: `Too many failed attempts: the account is locked until ${until}. Ask a supervisor or an administrator.`, lockedUntil: until };
      }
      const good = await verifyPassword(password, row.password_hash);
      if (row.disabled && good) {
        log.appendAudit('auth.loginFailed', username, { reason: 'disabled' });
        return { ok: false, error: 'disabled', message: 'This account is disabled. Ask an administrator.' };
      }
      if (!good) {
        let lockedUntil: number | null = null;
        log.writeTransaction('The sign-in attempt', () => {
          // An expired lockout starts a fresh count.
          const current = getRow(username)!;
          const prior = current.locked_until && current.locked_until <= t ? 0 : current.failed_count;
          const failures = prior + 1;
          lockedUntil = failures >= policy.maxFailures ? t + policy.lockoutMinutes * 60_000 : null;
          db.prepare('UPDATE users SET failed_count = ?, locked_until = ? WHERE username = ?').run(lockedUntil ? 0 : failures, lockedUntil, username);
          log.appendAudit('auth.loginFailed', username, { reason: 'bad_password', failures });
          if (lockedUntil) log.appendAudit('auth.lockout', username, { until: new Date(lockedUntil).toISOString(), failures });
        });
        if (lockedUntil) {
          const until = new Date(lockedUntil).toISOString();
          return { ok: false, error: 'locked_out', message: `Too many failed attempts: the account is locked until ${until}. Ask a supervisor or an administrator.`, lockedUntil: until };
        }
        return { ok: false, error: 'invalid_credentials', message: 'Wrong username or password.' };
      }
      const session: Session = {
        id: randomUUID(),
        username,
        role: row.role,
        displayName: row.display_name,
        site: row.site,
        startedAt: new Date(t).toISOString(),
        mustChangePassword: row.must_change === 1,
        locked: false,
        lastActiveAt: t,
      };
      log.writeTransaction('The sign-in', () => {
        db.prepare('UPDATE users SET failed_count = 0, locked_until = NULL WHERE username = ?').run(username);
        log.appendAudit('auth.login', username, { role: row.role, mustChangePassword: session.mustChangePassword });
      });
      sessions.set(session.id, session);
      return { ok: true, session: { ...session } };
    },

    async changePassword(sessionId, currentPassword, newPassword) {
      const s = sessionOrThrow(sessionId);
      const row = getRow(s.username);
      if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
        throw new UserError('invalid_credentials', 'The current password is wrong.');
      }
      checkPasswordPolicy(newPassword, s.username);
      if (await verifyPassword(newPassword, row.password_hash)) throw new UserError('weak_password', 'Choose a password different from the current one.');
      const hash = await hashPassword(newPassword, policy.scryptN);
      log.writeTransaction('The password change', () => {
        db.prepare('UPDATE users SET password_hash = ?, must_change = 0 WHERE username = ?').run(hash, s.username);
        log.appendAudit('auth.passwordChanged', s.username, { forced: s.mustChangePassword });
      });
      s.mustChangePassword = false;
      s.lastActiveAt = now().getTime();
      return { ...s };
    },

    async resetPassword(rawUsername, temporaryPassword, actor) {
      const username = normaliseUsername(rawUsername);
      if (!getRow(username)) throw new UserError('not_found', `There is no account named ${username}.`);
      checkPasswordPolicy(temporaryPassword, username);
      const hash = await hashPassword(temporaryPassword, policy.scryptN);
      log.writeTransaction('The password reset', () => {
        db.prepare('UPDATE users SET password_hash = ?, must_change = 1, failed_count = 0, locked_until = NULL WHERE username = ?').run(hash, username);
        log.appendAudit('users.update', actor, { username, change: 'password_reset' });
      });
      for (const [id, s] of sessions) if (s.username === username) sessions.delete(id);
    },

    setDisabled(rawUsername, disabled, actor) {
      const username = normaliseUsername(rawUsername);
      if (!getRow(username)) throw new UserError('not_found', `There is no account named ${username}.`);
      log.writeTransaction('The account change', () => {
        db.prepare('UPDATE users SET disabled = ? WHERE username = ?').run(disabled ? 1 : 0, username);
        log.appendAudit('users.update', actor, { username, change: disabled ? 'disabled' : 'enabled' });
      });
      if (disabled) for (const [id, s] of sessions) if (s.username === username) sessions.delete(id);
    },

    setIdleLockMinutes(minutes, actor) {
      const value = idleLockMinutesFrom(String(minutes));
      if (value === undefined) throw new UserError('bad_idle_lock', 'The idle lock must be between 0.1 and 240 minutes.');
      log.setSetting(IDLE_LOCK_SETTING, String(value), actor);
      // sessions read the policy on every request, so open sessions follow from their next one
      policy.idleLockMinutes = value;
    },

    logout(sessionId) {
      const s = sessions.get(sessionId);
      if (!s) return;
      sessions.delete(sessionId);
      log.appendAudit('auth.logout', s.username, {});
    },

    getSession(sessionId, activity = false) {
      const s = sessions.get(sessionId);
      if (!s) return null;
      const t = now().getTime();
      if (!s.locked && t - s.lastActiveAt >= policy.idleLockMinutes * 60_000) {
        s.locked = true;
        log.appendAudit('auth.idleLock', s.username, { idleMinutes: Math.floor((t - s.lastActiveAt) / 60_000) });
      }
      if (activity && !s.locked) s.lastActiveAt = t;
      return { ...s };
    },

    lock(sessionId) {
      const s = sessionOrThrow(sessionId);
      if (s.locked) return;
      s.locked = true;
      log.appendAudit('auth.idleLock', s.username, { manual: true });
    },

    async unlock(sessionId, password) {
      const s = sessionOrThrow(sessionId);
      const row = getRow(s.username);
      if (!row || row.disabled || !(await verifyPassword(password, row.password_hash))) {
        log.appendAudit('auth.loginFailed', s.username, { reason: 'unlock_bad_password' });
        throw new UserError('invalid_credentials', 'Wrong password.');
      }
      s.locked = false;
      s.lastActiveAt = now().getTime();
      log.appendAudit('auth.unlock', s.username, {});
      return { ...s };
    },

    mayAccessRecord(session, record, correct = false) {
      if (correct && !can(session, 'inspection.correct')) return false;
      if (can(session, 'inspection.viewSite')) return !session.site || session.site === record.site;
      if (!can(session, 'inspection.viewOwnShift')) return false;
      return record.officer === session.username && Date.parse(record.time) >= now().getTime() - policy.shiftHours * 3_600_000;
    },

    scopeShiftFilter(session, filter) {
      if (can(session, 'inspection.viewSite')) return session.site ? { ...filter, site: session.site } : { ...filter };
      requirePermission(session, 'inspection.viewOwnShift');
      const shiftStart = now().getTime() - policy.shiftHours * 3_600_000;
      const from = Math.max(Date.parse(filter.from), shiftStart);
      const to = Math.max(from, Date.parse(filter.to));
      return { ...filter, officer: session.username, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    },
  };
  return auth;
}
