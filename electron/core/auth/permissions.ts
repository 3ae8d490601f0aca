import { UserError } from '../app/errors';

export const ROLES = ['officer', 'supervisor', 'technician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may do what, as data: every IPC handler names one permission and the core checks it here
 * (the renderer is never trusted). Scope inside a permission (an officer's *own current* shift, a
 * supervisor's *site*) is applied by `scopeShiftFilter`.
 *
 * Technicians keep devices and lists working but never see traveller data: no permission that
 * returns records, hits or exports is granted to them.
 */
export const PERMISSIONS = {
  /** Read a document, see its checks and screening result, record the decision. */
  'inspection.record': ['officer'],
  /** Screen a traveller against the watchlist (part of an inspection). */
  'watchlist.screen': ['officer'],
  /** Own records of the current shift. */
  'inspection.viewOwnShift': ['officer'],
  /** Correct a record (officers their own current shift, supervisors their site). */
  'inspection.correct': ['officer', 'supervisor'],
  /** All records of the supervisor's site, with personal data, and the shift dashboard. */
  'inspection.viewSite': ['supervisor'],
  'export.shift': ['supervisor'],
  'log.verify': ['supervisor', 'admin'],
  /** The audit trail (administrative actions; no traveller data in it). */
  'audit.view': ['supervisor', 'admin'],
  /** Running the retention purge. */
  'retention.manage': ['admin'],
  /** Workstation policy: idle-lock time and retention period. */
  'policy.manage': ['admin'],
  'scanner.configure': ['technician'],
  'sync.manage': ['technician'],
  /** Watchlist version, sync state, entry counts; never entries. */
  'watchlist.status': ['technician', 'supervisor', 'officer'],
  'diagnostics.view': ['technician', 'admin'],
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(p: string): p is Permission {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, p);
}

/** What `can` needs to know about a caller; the contract's Session fits. */
export interface Caller {
  role: string;
  /** Until the first-login password change, the account can do nothing else. */
  mustChangePassword?: boolean;
  /** Idle screen lock: nothing until the password is entered again. */
  locked?: boolean;
}

export function can(session: Caller | null | undefined, permission: string): boolean {
  if (!session || session.mustChangePassword || session.locked) return false;
  if (!isPermission(permission)) return false; // a typo in a handler's permission denies, never allows
  return (PERMISSIONS[permission] as readonly string[]).includes(session.role);
}

export function requirePermission(session: Caller | null | undefined, permission: string): void {
  if (can(session, permission)) return;
  if (!session) throw new UserError('not_signed_in', 'Sign in to continue.');
  if (session.mustChangePassword) throw new UserError('must_change_password', 'Choose a new password before continuing.');
  if (session.locked) throw new UserError('locked', 'The screen is locked. Enter your password to continue.');
  throw new UserError('forbidden', 'Your role does not allow this. Ask a supervisor or administrator.');
}

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly string[]).includes(role));
}
