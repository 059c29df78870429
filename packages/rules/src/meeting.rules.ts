import type { WorkflowDefinition } from './workflow.ts';

/**
 * Meetings of organizational life (三会一课 and 组织生活, domain-rules §2), as data.
 * Sources:
 * - [A2] 《中国共产党支部工作条例（试行）》(2018): 支部党员大会 of the branch's members, 支委会 of the
 *   committee, 党小组会 of the group; meetings are convened by the 书记 (or someone they delegate),
 *   党小组会 by the 组长; 支委会 needs more than half of the 委员 present.
 * - [A3][A21]: 支部党员大会 needs more than half of the members with a vote present.
 * - [A15][B2]: 党课 and 主题党日 are for the branch's members. [A17]: 组织生活会 is held as a 党员大会,
 *   支委会 or 党小组会 (branch members by default). [B3]: 民主评议 runs in the 党员大会 (self and mutual
 *   appraisal may run in groups first). [A16]: 谈心谈话 is between pairs (支委-支委, 支委-党员, 党员-党员).
 * - Meeting workflow (plan → notice → held → recorded → submitted → reviewed → archived, with
 *   returned and cancelled): issue 9; who takes each step is Jiceng's design, not a regulation.
 */
export const MEETING_TYPES = [
  'branch_assembly',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'org_life',
  'appraisal',
  'heart_talk',
  'other',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const meetingTypeLabel: Record<MeetingType, string> = {
  branch_assembly: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  appraisal: '民主评议会',
  heart_talk: '谈心谈话',
  other: '其他',
};

/**
 * Who is expected (应到): the branch's members, its committee, one 党小组's members, the two people of
 * a talk, or people the secretary picks.
 */
export type MeetingAudience = 'branch_members' | 'committee' | 'group' | 'pair' | 'chosen';
export const meetingAudienceLabel: Record<MeetingAudience, string> = {
  branch_members: '本支部党员',
  committee: '支部委员会委员',
  group: '本党小组党员',
  pair: '谈话双方',
  chosen: '指定人员',
};

/** Who convenes and chairs by default: the 书记 (or a delegate), or the 党小组组长 [A2]. */
export type MeetingConvener = 'secretary' | 'group_leader';

/** Whose presence the quorum counts: members with a vote [A3][A21], the 委员 [A2], or none. */
export type MeetingQuorumBase = 'voting_members' | 'committee_members' | null;

export interface MeetingTypeRule {
  audience: MeetingAudience;
  convener: MeetingConvener;
  quorum: MeetingQuorumBase;
}

export const MEETING_TYPE_RULES: Record<MeetingType, MeetingTypeRule> = {
  branch_assembly: { audience: 'branch_members', convener: 'secretary', quorum: 'voting_members' },
  committee_meeting: { audience: 'committee', convener: 'secretary', quorum: 'committee_members' },
  group_meeting: { audience: 'group', convener: 'group_leader', quorum: null },
  party_lecture: { audience: 'branch_members', convener: 'secretary', quorum: null },
  theme_day: { audience: 'branch_members', convener: 'secretary', quorum: null },
  org_life: { audience: 'branch_members', convener: 'secretary', quorum: null },
  // 民主评议 grades are decided by the 支委会 or the 党员大会 [B3]; when it votes, the 党员大会 quorum applies.
  appraisal: { audience: 'branch_members', convener: 'secretary', quorum: 'voting_members' },
  heart_talk: { audience: 'pair', convener: 'secretary', quorum: null },
  other: { audience: 'chosen', convener: 'secretary', quorum: null },
};

export type MeetingState = 'plan' | 'notice' | 'held' | 'recorded' | 'submitted' | 'returned' | 'reviewed' | 'archived' | 'cancelled';
export type MeetingAction = 'notify' | 'hold' | 'record' | 'submit' | 'return' | 'approve' | 'archive' | 'cancel';
/** The branch secretary (or the 组织委员 acting for them) and the 督导员 of the superior. */
export type MeetingRole = 'secretary' | 'supervisor';

/**
 * The meeting workflow. A returned record is edited and submitted again; an approved (reviewed)
 * record is immutable, so corrections are amendments outside this workflow; only a meeting not yet
 * held can be cancelled, with a reason, as a record sent back carries one.
 */
export const MEETING_WORKFLOW: WorkflowDefinition<MeetingState, MeetingAction, MeetingRole> = {
  id: 'meeting-workflow-2026',
  subjectLabel: '会议',
  states: ['plan', 'notice', 'held', 'recorded', 'submitted', 'returned', 'reviewed', 'archived', 'cancelled'],
  stateLabel: {
    plan: '计划',
    notice: '已通知',
    held: '已召开',
    recorded: '已记录',
    submitted: '已提交审核',
    returned: '已退回',
    reviewed: '审核通过',
    archived: '已归档',
    cancelled: '已取消',
  },
  initial: 'plan',
  final: ['archived', 'cancelled'],
  actionLabel: {
    notify: '发布通知',
    hold: '确认召开',
    record: '填写记录',
    submit: '提交审核',
    return: '退回修改',
    approve: '审核通过',
    archive: '归档',
    cancel: '取消会议',
  },
  roleLabel: { secretary: '支部书记', supervisor: '督导员' },
  transitions: [
    { action: 'notify', from: ['plan'], to: 'notice', roles: ['secretary'], reasonRequired: false },
    { action: 'hold', from: ['notice'], to: 'held', roles: ['secretary'], reasonRequired: false },
    { action: 'record', from: ['held'], to: 'recorded', roles: ['secretary'], reasonRequired: false },
    { action: 'submit', from: ['recorded', 'returned'], to: 'submitted', roles: ['secretary'], reasonRequired: false },
    { action: 'return', from: ['submitted'], to: 'returned', roles: ['supervisor'], reasonRequired: true },
    { action: 'approve', from: ['submitted'], to: 'reviewed', roles: ['supervisor'], reasonRequired: false },
    { action: 'archive', from: ['reviewed'], to: 'archived', roles: ['secretary', 'supervisor'], reasonRequired: false },
    { action: 'cancel', from: ['plan', 'notice'], to: 'cancelled', roles: ['secretary'], reasonRequired: true },
  ],
};

/** States whose record may still be edited by the secretary (not yet submitted, or sent back). */
export const MEETING_EDITABLE_STATES: readonly MeetingState[] = ['plan', 'notice', 'held', 'recorded', 'returned'];

/**
 * Time limits of the meeting record, local defaults of Jiceng (no regulation gives a number): the
 * record is submitted for review within `recordSubmitDays` after the meeting; a member's notice of
 * an upcoming meeting counts as 即将到期 within `noticeSoonDays` before it.
 */
export interface MeetingTimeLimits {
  id: string;
  recordSubmitDays: number;
  noticeSoonDays: number;
  source: string;
  localDefault: boolean;
}
export const MEETING_TIME_LIMITS: MeetingTimeLimits = {
  id: 'meeting-time-limits-2026',
  recordSubmitDays: 7,
  noticeSoonDays: 3,
  source: 'Jiceng default',
  localDefault: true,
};
