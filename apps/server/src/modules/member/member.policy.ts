import { notFound, forbidden } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * Data scope of member records: an actor reaches the members of branches in its subtree; a 党员
 * account only its own record. Out of scope answers 404.
 */
export function assertMemberInScope(actor: Actor, m: { id: string; org_path: string } | undefined): asserts m {
  if (!m) throw notFound('党员');
  if (actor.scope === 'self' ? actor.memberId !== m.id : !pathInScope(actor, m.org_path)) throw notFound('党员');
}

/** Full personal fields need personal:unmask; the caller audits the read. */
export function assertMayUnmask(actor: Actor): void {
  if (!actor.permissions.includes('personal:unmask')) throw forbidden('您没有查看完整个人信息的权限');
}
