import { describe, expect, it } from 'vitest';
import { grantableRoleOptions, grantableRoles, mayGrantRole } from './account-grant.ts';
import { Permission, rolePermissions, roleRank, ROLES } from './permissions.ts';

describe('grantableRoles: which role may grant (and manage accounts of) which', () => {
  it('lets a community or branch account grant 党员, 网格员 and 驻区单位 only', () => {
    for (const granter of ['community', 'secretary'] as const) {
      expect([...grantableRoles[granter]].sort()).toEqual(['grid_worker', 'member', 'resident_unit']);
    }
  });

  it('keeps street and district accounts granting every role below their own, as before', () => {
    expect(grantableRoles.street).toEqual(['community', 'secretary', 'grid_worker', 'supervisor', 'member', 'resident_unit']);
    expect(grantableRoles.department).toEqual(['street', ...grantableRoles.street]);
    expect(grantableRoles.admin).toEqual(['admin', 'department', ...grantableRoles.department]);
  });

  it('never grants a role equal to or higher than the granter’s own, but for an administrator appointing another', () => {
    for (const granter of ROLES)
      for (const role of grantableRoles[granter].filter((r) => !(granter === 'admin' && r === 'admin')))
        expect(roleRank[role], `${granter} → ${role}`).toBeGreaterThan(roleRank[granter]);
    for (const r of ROLES) expect(mayGrantRole(r, r)).toBe(r === 'admin');
    expect(mayGrantRole('street', 'admin')).toBe(false);
    expect(mayGrantRole('community', 'street')).toBe(false);
    expect(mayGrantRole('secretary', 'community')).toBe(false);
  });

  it('never grants a permission the granter lacks (a 党员’s own: reading their record, claiming a 微心愿; a 驻区单位’s own side, aside)', () => {
    for (const granter of ROLES) {
      const mine = new Set<string>(rolePermissions[granter]);
      for (const role of grantableRoles[granter]) {
        const power = rolePermissions[role].filter((p) => p !== Permission.MEMBER_SELF && p !== Permission.WISH_CLAIM && p !== Permission.REGION_UNIT);
        expect(
          power.filter((p) => !mine.has(p)),
          `${granter} → ${role}`,
        ).toEqual([]);
      }
    }
  });

  it('gives account:manage exactly to the roles that may grant something', () => {
    for (const r of ROLES) expect(rolePermissions[r].includes(Permission.ACCOUNT_MANAGE), r).toBe(grantableRoles[r].length > 0);
  });

  it('names the options in Chinese for the account form', () => {
    expect(grantableRoleOptions('community')).toEqual([
      { value: 'grid_worker', label: '网格员' },
      { value: 'member', label: '党员' },
      { value: 'resident_unit', label: '驻区单位' },
    ]);
    expect(grantableRoleOptions('member')).toEqual([]);
  });
});
