import { Permission, type RmMeetingActionId, type RmMeetingCan } from '@jiceng/contracts';
import { RM_MEETING_WORKFLOW, type RmMeetingState } from '@jiceng/rules';
import { notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';

/**
 * Who sees and does what with joint meetings, reports and ratings (enforced here; the web shows only
 * what `can` says):
 * - the community side (regional:read, subtree scope): the meetings, reports, ratings and ledger of
 *   the communities in the subtree — a community its own, a street its communities', the district
 *   all; regional:manage holds the meetings, assembles the reports and rates the units.
 * - a 驻区单位 account (regional:unit, self scope): only the reports and ratings of the units it
 *   reported (`reportin` `reportedUnits.ofAccount`); it confirms or corrects its report and rates its
 *   community.
 * - a 党员 account (member:self): only its own reports.
 * Anything else answers 404.
 */

const has = (actor: Actor, p: Permission) => actor.permissions.includes(p);
export const isSide = (actor: Actor) => actor.scope === 'subtree' && has(actor, Permission.REGION_READ);
export const isUnit = (actor: Actor) => actor.role === 'resident_unit' && has(actor, Permission.REGION_UNIT);
export const mayManage = (actor: Actor, path: string) => isSide(actor) && has(actor, Permission.REGION_MANAGE) && pathInScope(actor, path);

export function assertInScope<T extends { org_path: string }>(actor: Actor, row: T | undefined, what: string): asserts row is T {
  if (!row || !isSide(actor) || !pathInScope(actor, row.org_path)) throw notFound(what);
}

export const workflowActor = (actor: Actor, role: string | null): WorkflowActor => ({ id: actor.id, displayName: actor.displayName, role, ip: actor.ip });

/** The buttons of a meeting for this account: edits while it is not archived or cancelled, and the workflow's steps. */
export function meetingCan(actor: Actor, m: { org_path: string; state: string }): RmMeetingCan {
  const manage = mayManage(actor, m.org_path);
  const state = m.state as RmMeetingState;
  const open = manage && (state === 'draft' || state === 'held');
  const held = manage && state === 'held';
  const actions = manage ? RM_MEETING_WORKFLOW.transitions.filter((t) => t.from.includes(state)).map((t) => t.action as RmMeetingActionId) : [];
  return { edit: open, agenda: open, attendance: held, decide: held, followup: held, minutes: held, actions };
}
