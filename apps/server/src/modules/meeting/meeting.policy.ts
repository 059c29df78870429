import { Permission } from '@jiceng/contracts';
import { MEETING_WORKFLOW, meetingEditable, type MeetingAction, type MeetingRole, type MeetingState } from '@jiceng/rules';
import { notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import type { MeetingRow } from './meeting.repository.ts';

/**
 * Who may do what with a meeting. Scope: the meeting's branch lies in the account's subtree, else
 * 404 for every read and write. Workflow roles: meeting:write makes an account the branch's
 * secretary side (plan, notice, record, submit, archive, cancel), meeting:review the 督导 side
 * (return, approve, archive).
 */

export function assertMeetingVisible(actor: Actor, row: MeetingRow | undefined): asserts row {
  if (!row || actor.scope !== 'subtree' || !pathInScope(actor, row.org_path)) throw notFound('会议');
}

/** The workflow roles the account holds. */
export function meetingRoles(actor: Actor): MeetingRole[] {
  const roles: MeetingRole[] = [];
  if (actor.permissions.includes(Permission.MEETING_WRITE)) roles.push('secretary');
  if (actor.permissions.includes(Permission.MEETING_REVIEW)) roles.push('supervisor');
  return roles;
}

/** The account as the workflow sees it for `action`: the held role the step allows (else any held one, refused with who may). */
export function workflowActor(actor: Actor, action: MeetingAction): WorkflowActor {
  const held = meetingRoles(actor);
  const step = MEETING_WORKFLOW.transitions.find((t) => t.action === action);
  const role = held.find((r) => step?.roles.includes(r)) ?? held[0] ?? null;
  return { id: actor.id, displayName: actor.displayName, role, ip: actor.ip };
}

/** The workflow steps the account may take now (the buttons). */
export function meetingActionsFor(actor: Actor, state: string): MeetingAction[] {
  const held = meetingRoles(actor);
  return MEETING_WORKFLOW.transitions.filter((t) => t.from.includes(state as MeetingState) && t.roles.some((r) => held.includes(r))).map((t) => t.action);
}

/** The record may be changed by this account now: it holds meeting:write and the state allows edits. */
export const mayEditRecord = (actor: Actor, state: string) => actor.permissions.includes(Permission.MEETING_WRITE) && meetingEditable(state as MeetingState);
