import { describe, expect, it } from 'vitest';
import { can, isPermission, PERMISSIONS, permissionsOf, requirePermission, ROLES, type Permission, type Role } from '../../../electron/core/auth/index';

/**
 * The role matrix as the issue states it, written out independently of PERMISSIONS so a change to
 * either is caught: officers record and view their own current shift; supervisors view and export
 * their site's records; technicians see devices, sync and diagnostics but no traveller data; admins
 * manage accounts.
 */
const EXPECTED: Record<Permission, Role[]> = {
  'inspection.record': ['officer'],
  'watchlist.screen': ['officer'],
  'inspection.viewOwnShift': ['officer'],
  'inspection.correct': ['officer', 'supervisor'],
  'inspection.viewSite': ['supervisor'],
  'export.shift': ['supervisor'],
  'log.verify': ['supervisor', 'admin'],
  'audit.view': ['supervisor', 'admin'],
  'retention.manage': ['admin'],
  'policy.manage': ['admin'],
  'scanner.configure': ['technician'],
  'sync.manage': ['technician'],
  'watchlist.status': ['officer', 'supervisor', 'technician'],
  'diagnostics.view': ['technician', 'admin'],
  'users.manage': ['admin'],
};

/** Permissions that return or create traveller data. */
const TRAVELLER_DATA: Permission[] = ['inspection.record', 'watchlist.screen', 'inspection.viewOwnShift', 'inspection.correct', 'inspection.viewSite', 'export.shift'];

describe('role matrix', () => {
  it('lists exactly the expected permissions', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        const session = { role, username: 'u', displayName: 'u' };
        expect(can(session, permission)).toBe(allowed);
        if (allowed) expect(() => requirePermission(session, permission)).not.toThrow();
        else expect(() => requirePermission(session, permission)).toThrow(expect.objectContaining({ code: 'forbidden' }));
      });
    }
  }

  it('gives technicians no permission that touches traveller data', () => {
    expect(permissionsOf('technician').filter((p) => TRAVELLER_DATA.includes(p))).toEqual([]);
  });

  it('gives admins accounts but no traveller data', () => {
    expect(permissionsOf('admin')).toContain('users.manage');
    expect(permissionsOf('admin').filter((p) => TRAVELLER_DATA.includes(p))).toEqual([]);
  });

  it('denies everything to nobody, a locked screen, a pending password change, an unknown role or permission', () => {
    for (const p of Object.keys(PERMISSIONS)) {
      expect(can(null, p)).toBe(false);
      expect(can({ role: 'officer', locked: true }, p)).toBe(false);
      expect(can({ role: 'admin', mustChangePassword: true }, p)).toBe(false);
      expect(can({ role: 'root' }, p)).toBe(false);
    }
    expect(can({ role: 'admin' }, 'users.manage ')).toBe(false);
    expect(can({ role: 'admin' }, 'toString')).toBe(false);
    expect(isPermission('__proto__')).toBe(false);
    expect(() => requirePermission(null, 'users.manage')).toThrow(expect.objectContaining({ code: 'not_signed_in' }));
    expect(() => requirePermission({ role: 'admin', mustChangePassword: true }, 'users.manage')).toThrow(expect.objectContaining({ code: 'must_change_password' }));
    expect(() => requirePermission({ role: 'officer', locked: true }, 'inspection.record')).toThrow(expect.objectContaining({ code: 'locked' }));
  });
});
