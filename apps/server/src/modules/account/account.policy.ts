import { grantableRoles, mayGrantRole, REPORT_IN_ORG_DOMAINS, REPORT_IN_ORG_TYPES, roleLabel, roleRank, type Role } from '@jiceng/contracts';
import type { AuditEvent } from '../../platform/audit/audit.service.ts';
import { AuditedRefusal } from '../../platform/audit/refusal.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * Who may manage which account. Which role may grant which is data (`grantableRoles` in the
 * contracts); managing an account (changing it, disabling or enabling it, resetting its password)
 * needs its role to be one the actor may grant, inside the actor's subtree, and never the actor's
 * own account. Every refusal is audited (`account.manage_refused`), also when its transaction rolls back.
 */

/** The audit action of a refused account-management request. */
export const ACCOUNT_REFUSED_ACTION = 'account.manage_refused';
export type AccountOperation = 'create' | 'update' | 'disable' | 'enable' | 'reset_password';
/** The audit action of each successful operation. */
export const ACCOUNT_AUDIT_ACTIONS: Record<AccountOperation, string> = {
  create: 'account.create',
  update: 'account.update',
  disable: 'account.disable',
  enable: 'account.enable',
  reset_password: 'account.reset_password',
};

/** The audit row of a refused request: what was tried on which account, and the answer given. */
export function refusalEvent(
  actor: Pick<Actor, 'orgPath'>,
  op: AccountOperation,
  answer: AppError,
  subject: { id: string | null; orgPath?: string; role?: string },
): AuditEvent {
  return {
    action: ACCOUNT_REFUSED_ACTION,
    entity: 'account',
    entityId: subject.id,
    // Out of scope (or unknown): under the actor's own organization, so nothing of the target leaks.
    orgPath: subject.orgPath ?? actor.orgPath,
    after: { operation: op, code: answer.code, reason: answer.message, ...(subject.role ? { role: subject.role } : {}) },
  };
}

const refuse = (actor: Actor, op: AccountOperation, answer: AppError, subject: { id: string | null; orgPath?: string; role?: string }) =>
  new AuditedRefusal(answer, refusalEvent(actor, op, answer, subject));

const grantableText = (actor: Actor) => grantableRoles[actor.role].map((r) => `「${roleLabel[r]}」`).join('、');

/** The actor may give accounts the role `role` (new account, or a role change). */
export function assertMayGrant(actor: Actor, role: Role, op: AccountOperation, subjectId: string | null): void {
  if (mayGrantRole(actor.role, role)) return;
  const answer =
    roleRank[role] <= roleRank[actor.role]
      ? forbidden('不能分配与本人同级或更高级别的角色')
      : forbidden(grantableRoles[actor.role].length ? `本账号只能分配${grantableText(actor)}角色` : '本账号不能分配角色');
  throw refuse(actor, op, answer, { id: subjectId, role });
}

/**
 * The actor may manage account `target`: in its subtree (404 otherwise, so nothing is revealed),
 * not its own, and of a role it may grant.
 */
export function assertMayManage<T extends { id: string; role: string; org_path: string }>(
  actor: Actor,
  target: T | undefined,
  id: string,
  op: AccountOperation,
): asserts target is T {
  if (!target || !pathInScope(actor, target.org_path)) throw refuse(actor, op, notFound('账号'), { id });
  const subject = { id, orgPath: target.org_path, role: target.role };
  if (target.id === actor.id) {
    throw refuse(actor, op, forbidden('不能在账号管理中修改本人账号：本人密码请在「修改密码」中修改，角色、组织或状态请联系上级管理员'), subject);
  }
  const role = target.role as Role;
  if (mayGrantRole(actor.role, role)) return;
  if (roleRank[role] <= roleRank[actor.role]) throw refuse(actor, op, forbidden('不能管理与本人同级或更高级别的账号'), subject);
  throw refuse(actor, op, forbidden(`本账号不能管理「${roleLabel[role]}」账号，只能管理${grantableText(actor)}账号`), subject);
}

/** Whether the reader may manage this account (the list's 修改/停用/重置密码 actions). */
export function mayManage(actor: Actor, target: { id: string; role: string; org_path: string }): boolean {
  return target.id !== actor.id && pathInScope(actor, target.org_path) && mayGrantRole(actor.role, target.role as Role);
}

/**
 * The organization an account of `role` is bound to must suit it: active, and for a 驻区单位
 * account a community (village) Party organization that resident units report to (双报到).
 */
export function assertOrgFitsRole(role: Role, org: { name: string; type: string; domain: string; status: string }): void {
  const field = (message: string) => invalid(message, { fields: [{ field: 'orgId', message }] });
  if (org.status !== 'active') throw field(`「${org.name}」已撤销，不能再绑定账号`);
  if (role !== 'resident_unit') return;
  const target = (REPORT_IN_ORG_TYPES as readonly string[]).includes(org.type) && (REPORT_IN_ORG_DOMAINS as readonly string[]).includes(org.domain);
  if (!target) throw field(`驻区单位账号应属于其报到的社区（村）党组织，「${org.name}」不是社区（村）党组织`);
}
