import { rolePermissions, type Role } from '@jiceng/contracts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';

/**
 * An actor may give an account only a role whose permissions it holds itself, so no one can create
 * an account stronger than their own.
 */
export function assertCanGrantRole(actor: Actor, role: Role): void {
  const mine = new Set(actor.permissions);
  if (!rolePermissions[role].every((p) => mine.has(p))) throw forbidden('不能分配高于本人权限的角色');
}

/** Nobody disables or demotes themself (the last administrator would lock everyone out). */
export function assertNotSelf(actor: Actor, accountId: string): void {
  if (actor.id === accountId) throw forbidden('不能修改本人账号的角色、组织或状态，请联系上级管理员');
}
