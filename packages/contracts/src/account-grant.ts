import { roleLabel, type Role } from './permissions.ts';

/**
 * Which roles an account of each role may grant, and so manage (create, disable/enable, reset the
 * password of), always inside its own organization subtree (issue 8). The server enforces it on
 * every account write; the account form offers only these roles. A granted role is always strictly
 * below the granter's (roleRank; the one exception: an administrator appoints another) and holds no permission the granter lacks: a unit test holds the
 * table to both, so nobody can make or manage an account equal to or stronger than their own.
 *
 * - 系统管理员: every role, another 系统管理员 too (a deployment must not hang on one person).
 * - 组织部 and 街道/乡镇: every role below their own, as before.
 * - 社区/村党组织 and 党支部: 党员 (bound to a member record in their subtree), 网格员, and the
 *   驻区单位 accounts of the communities and branches resident units report to (双报到).
 */
export const grantableRoles: Record<Role, readonly Role[]> = {
  admin: ['admin', 'department', 'street', 'community', 'secretary', 'grid_worker', 'supervisor', 'member', 'resident_unit'],
  department: ['street', 'community', 'secretary', 'grid_worker', 'supervisor', 'member', 'resident_unit'],
  street: ['community', 'secretary', 'grid_worker', 'supervisor', 'member', 'resident_unit'],
  community: ['grid_worker', 'member', 'resident_unit'],
  secretary: ['grid_worker', 'member', 'resident_unit'],
  grid_worker: [],
  supervisor: [],
  member: [],
  resident_unit: [],
};

/** Whether an account of role `granter` may give (and manage accounts of) role `role`. */
export const mayGrantRole = (granter: Role, role: Role): boolean => grantableRoles[granter].includes(role);

/** The roles `granter` may give, as select options with their Chinese names. */
export const grantableRoleOptions = (granter: Role): { value: Role; label: string }[] =>
  grantableRoles[granter].map((r) => ({ value: r, label: roleLabel[r] }));

/** A 党员 account must be bound to a member record in the granter's subtree, in that member's branch. */
export const MEMBER_BOUND_ROLE: Role = 'member';
/** A 驻区单位 account is bound to the community (or its branch) the unit reports to (双报到). */
export const RESIDENT_UNIT_ROLE: Role = 'resident_unit';

/** Audit actions of account management, with their Chinese names for the viewer. */
export const accountAuditLabel: Record<string, string> = {
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.manage_refused': '拒绝账号管理操作',
};
