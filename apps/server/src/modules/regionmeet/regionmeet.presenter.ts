import {
  rgNeedStateLabel,
  rgProjectStateLabel,
  rgUrgencyLabel,
  type RgNeedStateId,
  type RgProjectStateId,
  type RgUrgencyId,
  type RmAgendaCandidate,
  type RmAgendaItem,
  type RmDecision,
  type RmFollowup,
  type RmMeeting,
} from '@jiceng/contracts';
import { rmFollowupStatus, rmMinutesDue, type RmRuleSet } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { AgendaRow, CandidateRow, DecisionRow, FollowupRow, MeetingRow } from './regionmeet.repository.ts';

/** The Chinese name of a need's or a project's state. */
export const refStateLabel = (kind: 'need' | 'project' | 'text' | 'free', state: string | null): string | null => {
  if (!state) return null;
  if (kind === 'need') return rgNeedStateLabel[state as RgNeedStateId] ?? state;
  if (kind === 'project') return rgProjectStateLabel[state as RgProjectStateId] ?? state;
  return null;
};

export function presentMeeting(r: MeetingRow, today: string, rules: RmRuleSet): RmMeeting {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    host: r.host,
    state: r.state as RmMeeting['state'],
    version: r.version,
    agendaCount: r.agenda_count,
    decisionCount: r.decision_count,
    followupCount: r.followup_count,
    followupsOverdue: r.followups_overdue,
    present: r.present,
    recorded: r.recorded,
    minutesFiled: !!r.minutes,
    minutesOverdue: r.state === 'held' && !r.minutes && rmMinutesDue(r.held_on, rules) < today,
    createdAt: isoTime(r.created_at),
  };
}

export const presentAgenda = (a: AgendaRow): RmAgendaItem => ({
  id: a.id,
  seq: a.seq,
  kind: a.kind,
  refId: a.ref_id,
  title: a.title,
  note: a.note,
  refStateLabel: refStateLabel(a.kind, a.ref_state),
});

export const presentDecision = (d: DecisionRow): RmDecision => ({
  id: d.id,
  seq: d.seq,
  kind: d.kind,
  text: d.text,
  needId: d.need_id,
  projectId: d.project_id,
  refTitle: d.ref_title,
  refStateLabel: refStateLabel(d.kind, d.ref_state),
  createdAt: isoTime(d.created_at),
});

export const presentFollowup = (f: FollowupRow, today: string, rules: RmRuleSet): RmFollowup => ({
  id: f.id,
  title: f.title,
  ownerKind: f.owner_kind,
  ownerUnitId: f.owner_unit_id,
  ownerName: f.owner_name,
  dueOn: f.due_on,
  doneOn: f.done_on,
  doneNote: f.done_note,
  status: rmFollowupStatus({ dueOn: f.due_on, doneOn: f.done_on }, today, rules),
  version: f.version,
});

export const presentCandidate = (c: CandidateRow): RmAgendaCandidate => ({
  kind: c.kind,
  id: c.id,
  title: c.title,
  stateLabel: refStateLabel(c.kind, c.state) ?? c.state,
  detail: c.kind === 'need' ? `${rgUrgencyLabel[c.detail as RgUrgencyId] ?? c.detail}` : c.detail,
});
