import {
  meetingAttendanceLabel,
  meetingFieldLabel,
  meetingVoteMethodLabel,
  type Meeting,
  type MeetingAmendableField,
  type MeetingAmendment,
  type MeetingAttendee,
  type MeetingVote,
} from '@jiceng/contracts';
import {
  MEETING_TIME_LIMITS,
  MEETING_WORKFLOW,
  meetingRecordDue,
  meetingTypeLabel,
  VOTE_RULES,
  type MeetingState,
  type MeetingType,
  type VoteKind,
} from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { mayEditRecord, meetingActionsFor } from './meeting.policy.ts';
import type { AmendmentRow, AttendeeRow, MeetingRow, VoteRow } from './meeting.repository.ts';

/** Whether the meeting is past a time limit on `today` (not held after its date; record not submitted in time). */
export function meetingOverdue(r: Pick<MeetingRow, 'state' | 'meeting_date'>, today: string): boolean {
  if (r.state === 'plan' || r.state === 'notice') return r.meeting_date < today;
  if (r.state === 'held' || r.state === 'recorded') return meetingRecordDue(r.meeting_date, MEETING_TIME_LIMITS) < today;
  return false;
}

export function presentMeeting(r: MeetingRow, actor: Actor, today: string): Meeting {
  const expected = r.n_expected;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    type: r.type,
    typeLabel: meetingTypeLabel[r.type as MeetingType] ?? r.type,
    title: r.title,
    topics: r.topics,
    date: r.meeting_date,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    online: r.online,
    lectureBySecretary: r.lecture_by_secretary,
    state: r.state,
    stateLabel: MEETING_WORKFLOW.stateLabel[r.state as MeetingState] ?? r.state,
    version: r.version,
    hostName: r.host_name,
    recorderName: r.recorder_name,
    speakersPoints: r.speakers_points,
    decisions: r.decisions,
    openItems: r.open_items,
    counts: {
      expected,
      present: r.n_present,
      leave: r.n_leave,
      absent: r.n_absent,
      unmarked: expected - r.n_present - r.n_leave - r.n_absent,
      guests: r.n_guests,
    },
    recordDue: meetingRecordDue(r.meeting_date),
    overdue: meetingOverdue(r, today),
    reviewScore: r.review_score === null ? null : Number(r.review_score),
    reviewPassed: r.review_passed,
    reviewComment: r.review_comment,
    reviewedByName: r.reviewed_by_name,
    returnReason: r.return_reason,
    cancelReason: r.cancel_reason,
    actions: meetingActionsFor(actor, r.state),
    editable: mayEditRecord(actor, r.state),
    createdByName: r.created_by_name,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}

export function presentAttendee(a: AttendeeRow): MeetingAttendee {
  return {
    id: a.id,
    memberId: a.member_id,
    name: a.name,
    role: a.role,
    post: a.post,
    memberStatus: a.member_status,
    attendance: a.attendance,
    attendanceLabel: a.attendance ? meetingAttendanceLabel[a.attendance] : null,
    reason: a.reason,
    signedAt: a.signed_at ? isoTime(a.signed_at) : null,
    method: a.method,
  };
}

export function presentVote(v: VoteRow): MeetingVote {
  return {
    id: v.id,
    motion: v.motion,
    kind: v.kind,
    kindLabel: VOTE_RULES[v.kind as VoteKind]?.label ?? v.kind,
    method: v.method,
    methodLabel: meetingVoteMethodLabel[v.method as keyof typeof meetingVoteMethodLabel] ?? v.method,
    yes: v.yes,
    no: v.no,
    abstain: v.abstain,
    writtenYes: v.written_yes,
    writtenNo: v.written_no,
    writtenAbstain: v.written_abstain,
    entitled: v.entitled,
    entitledPresent: v.entitled_present,
    quorumMet: v.quorum_met,
    passed: v.passed,
    explanation: v.explanation,
  };
}

export function presentAmendment(a: AmendmentRow): MeetingAmendment {
  return {
    id: a.id,
    field: a.field,
    fieldLabel: meetingFieldLabel[a.field as MeetingAmendableField] ?? a.field,
    before: a.before,
    after: a.after,
    reason: a.reason,
    actorName: a.actor_name,
    at: isoTime(a.at),
  };
}
