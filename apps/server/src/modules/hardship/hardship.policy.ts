import { Permission } from '@jiceng/contracts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * Data scope of 困难党员帮扶: a record follows its member, so it is in scope when the member's branch
 * lies in the actor's subtree; a cadre when the organization that registered them does. Self-scoped
 * accounts (党员, 驻区单位) see none of it. Out of scope answers 404.
 */
export function assertInScope<T extends { org_path: string }>(actor: Actor, row: T | undefined, what: string): asserts row is T {
  if (!row || actor.scope === 'self' || !pathInScope(actor, row.org_path)) throw notFound(what);
}

/** The hardship detail and the cadre's phone in full need personal:unmask; the caller audits the read. */
export function assertMayUnmask(actor: Actor): void {
  if (!actor.permissions.includes(Permission.PERSONAL_UNMASK)) throw forbidden('您没有查看完整个人信息的权限');
}
