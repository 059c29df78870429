import { Permission } from '@jiceng/contracts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { ClaimRow } from './keytask.repository.ts';

/**
 * Who does what with a key task (enforced here on the server; the web only shows what `can` says):
 * - the plan's committee and the committees above it read everything; with task:plan they own it
 *   (publish, confirm claims, hold the 调度会, accept, record accountability);
 * - an organization below the plan's committee sees the published plan, the tasks on the board
 *   (待认领) and the tasks it claimed, and nothing of the others' progress; with task:report it
 *   claims and reports on the tasks it was confirmed for (the lead alone reports completion).
 */
export const isReader = (actor: Actor, planOrgPath: string) => pathInScope(actor, planOrgPath);
export const isOwner = (actor: Actor, planOrgPath: string) => isReader(actor, planOrgPath) && actor.permissions.includes(Permission.TASK_PLAN);
/** Strictly below the plan's committee. */
export const isBelow = (actor: Actor, planOrgPath: string) => actor.orgPath.startsWith(`${planOrgPath}.`);

const live = (c: ClaimRow) => c.state === 'pending' || c.state === 'confirmed';
/** The actor's organization (or one under it) claimed the task. */
export const claimsOf = (actor: Actor, claims: readonly ClaimRow[]) => claims.filter((c) => live(c) && pathInScope(actor, c.org_path));
export const confirmedOf = (actor: Actor, claims: readonly ClaimRow[]) => claims.filter((c) => c.state === 'confirmed' && pathInScope(actor, c.org_path));

export function canSeeTask(actor: Actor, t: { state: string; plan_state: string; plan_org_path: string }, claims: readonly ClaimRow[]): boolean {
  if (isReader(actor, t.plan_org_path)) return true;
  if (!isBelow(actor, t.plan_org_path) || t.plan_state === 'draft' || t.state === 'draft' || t.state === 'cancelled') return false;
  return t.state === 'open' || claimsOf(actor, claims).length > 0;
}

/** On the board (榜) of a published plan: an organization below sees every task there, to claim or to support it. */
export const onBoard = (actor: Actor, t: { state: string; plan_state: string; plan_org_path: string }) =>
  isBelow(actor, t.plan_org_path) && t.plan_state !== 'draft' && !['draft', 'cancelled'].includes(t.state);

export const canReport = (actor: Actor, claims: readonly ClaimRow[]) =>
  actor.permissions.includes(Permission.TASK_REPORT) && confirmedOf(actor, claims).length > 0;
export const isLead = (actor: Actor, claims: readonly ClaimRow[]) =>
  actor.permissions.includes(Permission.TASK_REPORT) && confirmedOf(actor, claims).some((c) => c.role === 'lead');
