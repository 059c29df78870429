import { notFound, forbidden } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * Data scope of the organization tree: an actor reads and writes only its own subtree. A record
 * outside answers 404, so its existence is not revealed.
 */
export function assertOrgInScope(actor: Actor, org: { path: string } | undefined): asserts org {
  if (!org || !pathInScope(actor, org.path)) throw notFound('组织');
}

/** The organization an account is bound to is its scope root: it cannot be moved or dissolved by that account. */
export function assertNotScopeRoot(actor: Actor, orgId: string, action: string): void {
  if (actor.orgId === orgId) throw forbidden(`不能${action}本账号所属的组织，请由上级组织操作`);
}
