import { Permission } from '@jiceng/contracts';
import { WISH_RULES_2026, WISH_WORKFLOW, type WishAction, type WishRole, type WishState } from '@jiceng/rules';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { Resident } from '../../platform/residents/resident.service.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import type { CommunityRow, WishRow } from './wish.repository.ts';

/**
 * Who may see and do what with a wish.
 * - The community side (service:dispatch: admin, department, street, community accounts): every
 *   wish whose community lies in the account's subtree; workflow role `community`. Outside: 404.
 * - A 党员 (wish:claim, a self-scope account bound to a member record): the wall of their own
 *   community — the nearest organization at or above their branch that is a 社区/村's (党委 or
 *   党总支 of domain community/rural, rule set `communityOrgTypes`) — and the wishes they claimed;
 *   workflow role `member`. A wish of another community answers 404.
 * - A resident (群众, resident session): only the wishes they posted; workflow role `resident`.
 */

export function assertWishInScope(actor: Actor, row: WishRow | undefined): asserts row is WishRow {
  if (!row || actor.scope !== 'subtree' || !pathInScope(actor, row.org_path)) throw notFound('微心愿');
}

/** A member sees a wish of their own community, or one they claimed. */
export function assertMemberMaySee(actor: Actor, community: CommunityRow | undefined, row: WishRow | undefined): asserts row is WishRow {
  if (!row) throw notFound('微心愿');
  const own = !!actor.memberId && row.claimer_member_id === actor.memberId;
  if (!own && (!community || row.org_id !== community.id)) throw notFound('微心愿');
}

/** Only the claimer gives a wish back or fulfils it. */
export function assertClaimer(actor: Actor, row: WishRow, action: WishAction): void {
  if (row.claimer_member_id !== actor.memberId) throw forbidden(`只有认领该心愿的党员才能办理「${WISH_WORKFLOW.actionLabel[action]}」`);
}

export function assertResidentOwns(resident: Resident, row: WishRow | undefined): asserts row is WishRow {
  if (!row || row.resident_id !== resident.id) throw notFound('微心愿');
}

/** The account's workflow role: the community side, a 党员, or none. */
export function wishRole(actor: Actor): WishRole | null {
  if (actor.permissions.includes(Permission.SERVICE_DISPATCH) && actor.scope === 'subtree') return 'community';
  if (actor.permissions.includes(Permission.WISH_CLAIM)) return 'member';
  return null;
}

export const workflowActor = (actor: Actor): WorkflowActor => ({ id: actor.id, displayName: actor.displayName, role: wishRole(actor), ip: actor.ip });

/** A resident as the workflow and the audit log see them: not an account, named by their masked phone. */
export const residentActor = (r: Resident): WorkflowActor => ({
  id: null,
  displayName: `群众${r.name ? ` ${r.name}` : ''}（${r.phone}）`,
  role: 'resident',
  ip: null,
});

/** The buttons for this account now. */
export function wishActionsFor(actor: Actor, row: Pick<WishRow, 'state' | 'claimer_member_id'>): WishAction[] {
  const role = wishRole(actor);
  if (!role) return [];
  return WISH_WORKFLOW.transitions
    .filter((t) => t.from.includes(row.state as WishState) && t.roles.includes(role))
    .filter((t) => role !== 'member' || t.action === 'claim' || row.claimer_member_id === actor.memberId)
    .map((t) => t.action);
}

/** Whether an organization is a 社区/村's, so a wish may belong to it. */
export const isCommunity = (o: Pick<CommunityRow, 'type' | 'domain' | 'status'>, rules = WISH_RULES_2026) =>
  o.status === 'active' && rules.communityOrgTypes.includes(o.type) && rules.communityDomains.includes(o.domain);
