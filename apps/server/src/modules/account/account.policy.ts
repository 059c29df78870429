import { rolePermissions, roleRank, type Role } from '@jiceng/contracts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';

/**
 * An actor may give an account only a role at its own level or below whose permissions it holds
 * itself, so no one can create an account stronger than their own.
 */
export function assertCanGrantRole(actor: Actor, role: Role): void {
  if (roleRank[role] < roleRank[actor.role]) throw forbidden('不能分配高于本人级别的角色');
  const mine = new Set<string>(actor.permissions);
  // Reading one's own record gives no power over others, so it is not compared.
  const power = rolePermissions[role].filter((p) => p !== 'member:self');
  if (!power.every((p) => mine.has(p))) throw forbidden('不能分配高于本人权限的角色');
}

/** Nobody disables or demotes themself (the last administrator would lock everyone out). */
export function assertNotSelf(actor: Actor, accountId: string): void {
  if (actor.id === accountId) throw forbidden('不能修改本人账号的角色、组织或状态，请联系上级管理员');
}
