import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/** The two sides of a floating registration: out = the home branch (流出地), in = the destination (流入地). */
export type FloatingSide = 'out' | 'in';

/** Which sides of a registration lie in the actor's subtree (a 党员 account sees none). */
export function sidesOf(actor: Actor, r: { home_path: string; destination_path: string | null }): FloatingSide[] {
  if (actor.scope === 'self') return [];
  const sides: FloatingSide[] = [];
  if (pathInScope(actor, r.home_path)) sides.push('out');
  if (r.destination_path && pathInScope(actor, r.destination_path)) sides.push('in');
  return sides;
}

/** Either side may read a registration; anyone else gets 404. */
export function assertSeesFloating<T extends { home_path: string; destination_path: string | null }>(actor: Actor, r: T | undefined): asserts r is T {
  if (!r || sidesOf(actor, r).length === 0) throw notFound('流动党员登记');
}

/** 流出登记, 核实 and 返回 are the home branch's; the destination reading the record may not do them. */
export function assertHomeSide(actor: Actor, r: { home_path: string; destination_path: string | null }, what: string): void {
  if (!sidesOf(actor, r).includes('out')) throw forbidden(`${what}由流出地党组织办理，请联系党员所在党支部`);
}

/**
 * 凡进必登 is the destination branch's. When the destination is outside this platform, the home branch
 * records the registration the outside organization reported.
 */
export function assertArrivalSide(actor: Actor, r: { home_path: string; destination_path: string | null }): void {
  const side: FloatingSide = r.destination_path ? 'in' : 'out';
  if (!sidesOf(actor, r).includes(side)) throw forbidden('流入登记由流入地党组织办理');
}

/** A lost-contact record is the member's branch's (and its superiors'); outside the scope 404. */
export function assertLostContactInScope<T extends { org_path: string }>(actor: Actor, r: T | undefined): asserts r is T {
  if (!r || actor.scope === 'self' || !pathInScope(actor, r.org_path)) throw notFound('失联党员记录');
}
