import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { RgNeedInput } from './regional.ts';
import { StringEnum } from './reportin.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 大党委 joint meetings (联席会议, issue 14): a community's meeting with its resident units — an agenda
 * from open needs and live projects, attendance by unit, decisions (free text, a need created, a note
 * on a project) and follow-up items with owners; 草稿 → 已召开 → 已归档 (rule rm-meeting-workflow in
 * packages/rules). The yearly 双报告 and the 双向评价 are in regionmeet-report.ts.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = (description: string) => Type.Unsafe<string>({ ...DateOnly, description });

export const RM_MEETING_STATES = ['draft', 'held', 'archived', 'cancelled'] as const;
export type RmMeetingStateId = (typeof RM_MEETING_STATES)[number];
export const rmMeetingStateLabel: Record<RmMeetingStateId, string> = { draft: '草稿', held: '已召开', archived: '已归档', cancelled: '已取消' };
export const rmMeetingStateColor: Record<RmMeetingStateId, string> = { draft: 'default', held: 'blue', archived: 'green', cancelled: 'default' };
export const RM_MEETING_ACTIONS = ['hold', 'archive', 'reopen', 'cancel'] as const;
export type RmMeetingActionId = (typeof RM_MEETING_ACTIONS)[number];
export const rmMeetingActionLabel: Record<RmMeetingActionId, string> = { hold: '登记召开', archive: '归档', reopen: '退回修改', cancel: '取消会议' };
export const RM_ATTENDANCE_STATUSES = ['present', 'absent', 'leave'] as const;
export type RmAttendanceStatus = (typeof RM_ATTENDANCE_STATUSES)[number];
export const rmAttendanceLabel: Record<RmAttendanceStatus, string> = { present: '出席', absent: '缺席', leave: '请假' };
export const RM_AGENDA_KINDS = ['need', 'project', 'free'] as const;
export type RmAgendaKind = (typeof RM_AGENDA_KINDS)[number];
export const rmAgendaKindLabel: Record<RmAgendaKind, string> = { need: '需求', project: '项目', free: '其他议题' };
export const RM_DECISION_KINDS = ['text', 'need', 'project'] as const;
export type RmDecisionKind = (typeof RM_DECISION_KINDS)[number];
export const rmDecisionKindLabel: Record<RmDecisionKind, string> = { text: '一般决定', need: '新增需求', project: '调整项目' };
export const RM_OWNER_KINDS = ['unit', 'community'] as const;
export type RmOwnerKind = (typeof RM_OWNER_KINDS)[number];
export const rmOwnerKindLabel: Record<RmOwnerKind, string> = { unit: '驻区单位', community: '社区' };
export const RM_FOLLOWUP_STATUSES = ['done', 'overdue', 'due_soon', 'open'] as const;
export type RmFollowupStatusId = (typeof RM_FOLLOWUP_STATUSES)[number];
export const rmFollowupStatusLabel: Record<RmFollowupStatusId, string> = { done: '已完成', overdue: '已逾期', due_soon: '即将到期', open: '落实中' };
export const rmFollowupStatusColor: Record<RmFollowupStatusId, string> = { done: 'green', overdue: 'red', due_soon: 'orange', open: 'blue' };

export const RM_TITLE_MAX = 60;
export const RM_PLACE_MAX = 60;
export const RM_NAME_MAX = 40;
export const RM_TEXT_MAX = 500;
export const RM_MINUTES_MAX = 10_000;
export const RM_AGENDA_MAX = 30;
export const RM_REASON_MAX = 200;

const Title = Type.String({ minLength: 2, maxLength: RM_TITLE_MAX, description: '会议议题' });
const Text = (description: string, minLength = 1) => Type.String({ minLength, maxLength: RM_TEXT_MAX, description });
const Name = (description: string) => Type.String({ minLength: 1, maxLength: RM_NAME_MAX, description });

// ---------------------------------------------------------------- the meeting

export const RmMeetingInput = Type.Object({
  /** The community whose 大党委 meets (default the account's own organization). */
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '召开会议的社区（村）党组织' })),
  title: Title,
  heldOn: Day('会议日期'),
  place: Type.String({ minLength: 1, maxLength: RM_PLACE_MAX, description: '会议地点' }),
  host: Type.Optional(Nullable(Name('主持人'))),
});
export type RmMeetingInput = Static<typeof RmMeetingInput>;
export const RmMeetingEditInput = Type.Object({
  title: Title,
  heldOn: Day('会议日期'),
  place: Type.String({ minLength: 1, maxLength: RM_PLACE_MAX, description: '会议地点' }),
  host: Type.Optional(Nullable(Name('主持人'))),
  version: Type.Optional(Version),
});
export type RmMeetingEditInput = Static<typeof RmMeetingEditInput>;

export const RmMeetingQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  /** An organization in scope: its subtree. */
  orgId: Type.Optional(Id),
  state: Type.Optional(StringEnum(RM_MEETING_STATES, '状态')),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2099, description: '年度' })),
});
export type RmMeetingQuery = Static<typeof RmMeetingQuery>;

export const RmMeeting = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  title: Type.String(),
  heldOn: DateOnly,
  place: Type.String(),
  host: Nullable(Type.String()),
  state: StringEnum(RM_MEETING_STATES, '状态'),
  version: Type.Integer(),
  agendaCount: Type.Integer(),
  decisionCount: Type.Integer(),
  followupCount: Type.Integer(),
  followupsOverdue: Type.Integer(),
  /** Units present, of the units whose attendance is recorded. */
  present: Type.Integer(),
  recorded: Type.Integer(),
  minutesFiled: Type.Boolean(),
  /** Held, without minutes, past the day they were due (rule rm-minutes-days). */
  minutesOverdue: Type.Boolean(),
  createdAt: Timestamp,
});
export type RmMeeting = Static<typeof RmMeeting>;

// ---------------------------------------------------------------- agenda

export const RmAgendaItemInput = Type.Object({
  kind: StringEnum(RM_AGENDA_KINDS, '议题类型'),
  /** The need or project (kinds need, project). */
  refId: Type.Optional(Nullable(Id)),
  /** A free item's title; for a need or project its own title is used when left out. */
  title: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: RM_TITLE_MAX, description: '议题' }))),
  note: Type.Optional(Nullable(Text('说明'))),
});
export const RmAgendaInput = Type.Object({
  items: Type.Array(RmAgendaItemInput, { maxItems: RM_AGENDA_MAX, description: '会议议程（按顺序）' }),
  version: Type.Optional(Version),
});
export type RmAgendaInput = Static<typeof RmAgendaInput>;
export const RmAgendaItem = Type.Object({
  id: Id,
  seq: Type.Integer(),
  kind: StringEnum(RM_AGENDA_KINDS, '议题类型'),
  refId: Nullable(Id),
  title: Type.String(),
  note: Nullable(Type.String()),
  /** The need's or project's state now (its Chinese name), for a need or project. */
  refStateLabel: Nullable(Type.String()),
});
export type RmAgendaItem = Static<typeof RmAgendaItem>;

/** What the agenda can be built from: the community's open needs and live projects. */
export const RmAgendaCandidate = Type.Object({
  kind: StringEnum(['need', 'project'] as const, '议题类型'),
  id: Id,
  title: Type.String(),
  stateLabel: Type.String(),
  /** A need's urgency, a project's dates. */
  detail: Type.String(),
});
export type RmAgendaCandidate = Static<typeof RmAgendaCandidate>;
export const RmAgendaCandidates = Type.Object({ items: Type.Array(RmAgendaCandidate) });
export type RmAgendaCandidates = Static<typeof RmAgendaCandidates>;

// ---------------------------------------------------------------- attendance

export const RmAttendanceInput = Type.Object({
  rows: Type.Array(
    Type.Object({
      unitId: Id,
      status: StringEnum(RM_ATTENDANCE_STATUSES, '出席情况'),
      attendee: Type.Optional(Nullable(Name('参会人员'))),
      note: Type.Optional(Nullable(Type.String({ maxLength: RM_REASON_MAX, description: '备注' }))),
    }),
    { maxItems: 500, description: '各成员单位出席情况' },
  ),
  version: Type.Optional(Version),
});
export type RmAttendanceInput = Static<typeof RmAttendanceInput>;
export const RmAttendanceRow = Type.Object({
  unitId: Id,
  unitName: Type.String(),
  /** The 兼职委员 of the 大党委 from this unit (org_committee_member, post part_time). */
  partTime: Type.Array(Type.String()),
  status: Nullable(StringEnum(RM_ATTENDANCE_STATUSES, '出席情况')),
  attendee: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type RmAttendanceRow = Static<typeof RmAttendanceRow>;

// ---------------------------------------------------------------- decisions and follow-ups

/** The need a decision creates: a need's fields, recorded for the meeting's community with source 联席会议. */
export const RmNeedDraft = Type.Omit(RgNeedInput, ['orgId', 'source', 'sourceKind', 'sourceId']);
export type RmNeedDraft = Static<typeof RmNeedDraft>;
export const RmDecisionInput = Type.Object({
  kind: StringEnum(RM_DECISION_KINDS, '决定类型'),
  text: Text('决定内容', 2),
  /** The project the decision changes (kind project): a project of the meeting's community. */
  projectId: Type.Optional(Nullable(Id)),
  /** The need to create (kind need). */
  need: Type.Optional(Nullable(RmNeedDraft)),
});
export type RmDecisionInput = Static<typeof RmDecisionInput>;
export const RmDecision = Type.Object({
  id: Id,
  seq: Type.Integer(),
  kind: StringEnum(RM_DECISION_KINDS, '决定类型'),
  text: Type.String(),
  needId: Nullable(Id),
  projectId: Nullable(Id),
  /** The need's or project's title and its state now. */
  refTitle: Nullable(Type.String()),
  refStateLabel: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type RmDecision = Static<typeof RmDecision>;

export const RmFollowupInput = Type.Object({
  title: Text('落实事项', 2),
  ownerKind: StringEnum(RM_OWNER_KINDS, '责任方'),
  /** The unit responsible (owner kind unit): a member unit of the 大党委. */
  ownerUnitId: Type.Optional(Nullable(Id)),
  dueOn: Day('完成时限'),
});
export type RmFollowupInput = Static<typeof RmFollowupInput>;
export const RmFollowupDoneInput = Type.Object({
  note: Type.Optional(Nullable(Type.String({ maxLength: RM_REASON_MAX, description: '落实情况' }))),
  version: Type.Optional(Version),
});
export type RmFollowupDoneInput = Static<typeof RmFollowupDoneInput>;
export const RmFollowup = Type.Object({
  id: Id,
  title: Type.String(),
  ownerKind: StringEnum(RM_OWNER_KINDS, '责任方'),
  ownerUnitId: Nullable(Id),
  ownerName: Type.String(),
  dueOn: DateOnly,
  doneOn: Nullable(DateOnly),
  doneNote: Nullable(Type.String()),
  status: StringEnum(RM_FOLLOWUP_STATUSES, '落实情况'),
  version: Type.Integer(),
});
export type RmFollowup = Static<typeof RmFollowup>;
export const RmChildParams = Type.Object({ id: Id, itemId: Id });

// ---------------------------------------------------------------- minutes, steps, the whole record

export const RmMinutesInput = Type.Object({
  minutes: Type.String({ minLength: 10, maxLength: RM_MINUTES_MAX, description: '会议纪要' }),
  version: Type.Optional(Version),
});
export type RmMinutesInput = Static<typeof RmMinutesInput>;
export const RmMeetingActionInput = Type.Object({
  action: StringEnum(RM_MEETING_ACTIONS, '操作'),
  reason: Type.Optional(Nullable(Type.String({ maxLength: RM_REASON_MAX, description: '原因' }))),
  version: Type.Optional(Version),
});
export type RmMeetingActionInput = Static<typeof RmMeetingActionInput>;

/** What the account may do with the meeting now (the web shows only these). */
export const RmMeetingCan = Type.Object({
  edit: Type.Boolean(),
  agenda: Type.Boolean(),
  attendance: Type.Boolean(),
  decide: Type.Boolean(),
  followup: Type.Boolean(),
  minutes: Type.Boolean(),
  actions: Type.Array(StringEnum(RM_MEETING_ACTIONS, '操作')),
});
export type RmMeetingCan = Static<typeof RmMeetingCan>;

export const RmMeetingDetail = Type.Intersect([
  RmMeeting,
  Type.Object({
    minutes: Nullable(Type.String()),
    cancelReason: Nullable(Type.String()),
    agenda: Type.Array(RmAgendaItem),
    attendance: Type.Array(RmAttendanceRow),
    decisions: Type.Array(RmDecision),
    followups: Type.Array(RmFollowup),
    /** The 大党委's 兼职委员 (from the organization's committee). */
    partTime: Type.Array(Type.Object({ personName: Type.String(), unitName: Nullable(Type.String()) })),
    history: Type.Array(WorkflowEvent),
    can: RmMeetingCan,
  }),
]);
export type RmMeetingDetail = Static<typeof RmMeetingDetail>;
