import {
  MEETING_EDITABLE_STATES,
  MEETING_TIME_LIMITS,
  MEETING_WORKFLOW,
  type MeetingAction,
  type MeetingRole,
  type MeetingState,
  type MeetingTimeLimits,
} from './meeting.rules.ts';
import { availableActions, transition, type WorkflowAttempt, type WorkflowResult } from './workflow.ts';

/** Rule meeting-workflow-2026: the meeting's next state, or a Chinese refusal naming its current state. */
export function meetingTransition(
  from: MeetingState,
  action: MeetingAction,
  attempt: WorkflowAttempt<MeetingRole> = {},
): WorkflowResult<MeetingState, MeetingAction, MeetingRole> {
  return transition(MEETING_WORKFLOW, from, action, attempt);
}

/** The steps a role may take on a meeting in `state`. */
export function meetingActions(state: MeetingState, role?: MeetingRole): MeetingAction[] {
  return availableActions(MEETING_WORKFLOW, state, role);
}

/** Whether the secretary may still change the record: not while it is under review or once approved. */
export function meetingEditable(state: MeetingState): boolean {
  return MEETING_EDITABLE_STATES.includes(state);
}

/** Rule meeting-time-limits-2026: the last day to submit the record of a meeting held on `date` (YYYY-MM-DD). */
export function meetingRecordDue(date: string, limits: MeetingTimeLimits = MEETING_TIME_LIMITS): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + limits.recordSubmitDays);
  return d.toISOString().slice(0, 10);
}
