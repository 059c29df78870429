import { Type, type Static } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { REASON_MAX } from './member.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 三会一课 and 组织生活 records (issue 9). The types, states, vote kinds and review checklist are rule
 * data in `packages/rules` (meeting.rules.ts, vote.rules.ts, meeting-review.rules.ts) with their
 * Chinese names; these lists repeat only the codes for the schemas (a server unit test holds them
 * equal), and every answer carries the labels.
 */

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const MEETING_TYPE_IDS = [
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
export const MEETING_STATE_IDS = ['plan', 'notice', 'held', 'recorded', 'submitted', 'returned', 'reviewed', 'archived', 'cancelled'] as const;
/** The rule sets' Chinese names, for the web's filters and forms (a server unit test holds them equal to packages/rules). */
export const meetingTypeName: Record<(typeof MEETING_TYPE_IDS)[number], string> = {
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
export const meetingStateName: Record<(typeof MEETING_STATE_IDS)[number], string> = {
  plan: '计划',
  notice: '已通知',
  held: '已召开',
  recorded: '已记录',
  submitted: '已提交审核',
  returned: '已退回',
  reviewed: '审核通过',
  archived: '已归档',
  cancelled: '已取消',
};
export const MEETING_VOTE_KINDS = ['resolution', 'admission', 'election', 'committee'] as const;
export const MEETING_VOTE_METHODS = ['show_of_hands', 'secret_ballot'] as const;
export const meetingVoteKindName: Record<(typeof MEETING_VOTE_KINDS)[number], string> = {
  resolution: '支部党员大会决议',
  admission: '接收预备党员、预备党员转正及不合格党员处置',
  election: '选举',
  committee: '支委会决定',
};
export const meetingVoteMethodLabel: Record<(typeof MEETING_VOTE_METHODS)[number], string> = { show_of_hands: '举手表决', secret_ballot: '无记名投票' };
export const MEETING_ATTENDANCE = ['present', 'leave', 'absent'] as const;
export type MeetingAttendance = (typeof MEETING_ATTENDANCE)[number];
export const meetingAttendanceLabel: Record<MeetingAttendance, string> = { present: '出席', leave: '请假', absent: '缺席' };
export const MEETING_REVIEW_MARKS = ['met', 'partly', 'not_met'] as const;
export const meetingReviewMarkLabel: Record<(typeof MEETING_REVIEW_MARKS)[number], string> = { met: '符合', partly: '部分符合', not_met: '不符合' };
/** The 督导员's checklist (rule meeting-review-2026) as the review form shows it; a server unit test holds it equal to the rule set. */
export const MEETING_REVIEW_CHECKLIST: readonly {
  id: string;
  label: string;
  hint: string;
  weight: number;
  mustPass: boolean;
  onlyFor?: readonly (typeof MEETING_TYPE_IDS)[number][];
}[] = [
  { id: 'attendance', label: '应到实到记录完整', hint: '应到、实到、缺席人员姓名及缺席原因齐全', weight: 20, mustPass: false },
  { id: 'topics', label: '议题明确', hint: '会议议题具体，与会议类型相符', weight: 20, mustPass: false },
  { id: 'minutes', label: '发言要点与决议', hint: '记录发言要点、形成的决议及待办事项', weight: 20, mustPass: false },
  {
    id: 'votes',
    label: '表决记录',
    hint: '表决方式及赞成、反对、弃权票数',
    weight: 10,
    mustPass: false,
    onlyFor: ['branch_assembly', 'committee_meeting', 'appraisal'],
  },
  { id: 'signatures', label: '会议记录签字', hint: '主持人、记录人签字', weight: 15, mustPass: true },
  { id: 'attachments', label: '照片/附件', hint: '会议照片、签到表或学习材料', weight: 15, mustPass: false },
];
export const MEETING_REVIEW_PASS_MARK = 80;
/** Fields of an approved record that an amendment (更正) may correct. */
export const MEETING_AMENDABLE_FIELDS = ['topics', 'speakersPoints', 'decisions', 'openItems', 'hostName', 'recorderName', 'place'] as const;
export type MeetingAmendableField = (typeof MEETING_AMENDABLE_FIELDS)[number];
export const meetingFieldLabel: Record<MeetingAmendableField, string> = {
  topics: '议题',
  speakersPoints: '发言要点',
  decisions: '决议',
  openItems: '待办事项',
  hostName: '主持人',
  recorderName: '记录人',
  place: '地点',
};

export const MEETING_TITLE_MAX = 100;
export const MEETING_TOPICS_MAX = 1000;
export const MEETING_TEXT_MAX = 5000;
export const MEETING_PLACE_MAX = 100;
export const MEETING_PERSON_MAX = 30;
export const MEETING_GUESTS_MAX = 30;
export const MEETING_CHOSEN_MAX = 200;
export const MEETING_MOTION_MAX = 200;
export const MEETING_VOTES_MAX = 10_000;
export const MEETING_CODE_MAX = 20;
export const MEETING_TOKEN_MAX = 400;
/** `HH:MM`, 24 hours. */
export const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';

const Time = (description: string) => Type.String({ pattern: TIME_PATTERN, description });
const Person = (description: string) => Type.String({ minLength: 1, maxLength: MEETING_PERSON_MAX, description });
const MemberIds = Type.Array(Type.Unsafe<string>({ ...Id, description: '参会党员' }), {
  maxItems: MEETING_CHOSEN_MAX,
  description: '参会党员（谈心谈话为谈话双方）',
});
const Guests = Type.Array(Person('列席人员姓名'), { maxItems: MEETING_GUESTS_MAX, description: '列席人员' });

/** 计划会议: the branch, type, time and place; 谈心谈话 names its two people, 其他 its attendees. */
export const MeetingPlanInput = Type.Object({
  orgId: Type.Unsafe<string>({ ...Id, description: '召开会议的党支部' }),
  type: Enum(MEETING_TYPE_IDS, '会议类型'),
  title: Type.String({ minLength: 2, maxLength: MEETING_TITLE_MAX, description: '会议名称' }),
  topics: Type.String({ minLength: 2, maxLength: MEETING_TOPICS_MAX, description: '议题' }),
  date: Type.Unsafe<string>({ ...DateOnly, description: '会议日期' }),
  startTime: Time('开始时间'),
  endTime: Time('结束时间'),
  place: Type.Optional(Nullable(Type.String({ maxLength: MEETING_PLACE_MAX, description: '地点' }))),
  online: Type.Optional(Type.Boolean({ description: '线上会议' })),
  hostName: Type.Optional(Nullable(Type.String({ maxLength: MEETING_PERSON_MAX, description: '主持人' }))),
  recorderName: Type.Optional(Nullable(Type.String({ maxLength: MEETING_PERSON_MAX, description: '记录人' }))),
  memberIds: Type.Optional(MemberIds),
  guests: Type.Optional(Guests),
  /** 党课 only: given by the branch's own secretary (counts for 书记讲党课). */
  lectureBySecretary: Type.Optional(Type.Boolean({ description: '书记讲党课（仅党课）' })),
});
export type MeetingPlanInput = Static<typeof MeetingPlanInput>;

/** 修改会议计划 (before it is held): any planned field, with the version the form started from. */
export const MeetingUpdateInput = Type.Object({
  title: Type.Optional(Type.String({ minLength: 2, maxLength: MEETING_TITLE_MAX, description: '会议名称' })),
  topics: Type.Optional(Type.String({ minLength: 2, maxLength: MEETING_TOPICS_MAX, description: '议题' })),
  date: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '会议日期' })),
  startTime: Type.Optional(Time('开始时间')),
  endTime: Type.Optional(Time('结束时间')),
  place: Type.Optional(Nullable(Type.String({ maxLength: MEETING_PLACE_MAX, description: '地点' }))),
  online: Type.Optional(Type.Boolean({ description: '线上会议' })),
  hostName: Type.Optional(Nullable(Type.String({ maxLength: MEETING_PERSON_MAX, description: '主持人' }))),
  recorderName: Type.Optional(Nullable(Type.String({ maxLength: MEETING_PERSON_MAX, description: '记录人' }))),
  memberIds: Type.Optional(MemberIds),
  guests: Type.Optional(Guests),
  lectureBySecretary: Type.Optional(Type.Boolean({ description: '书记讲党课（仅党课）' })),
  version: Type.Optional(Version),
});
export type MeetingUpdateInput = Static<typeof MeetingUpdateInput>;

/** 填写会议记录 (after it was held, or sent back). 应到/实到/缺席 come from the attendance. */
export const MeetingRecordInput = Type.Object({
  hostName: Person('主持人'),
  recorderName: Person('记录人'),
  topics: Type.Optional(Type.String({ minLength: 2, maxLength: MEETING_TOPICS_MAX, description: '议题' })),
  speakersPoints: Type.String({ minLength: 2, maxLength: MEETING_TEXT_MAX, description: '发言要点' }),
  decisions: Type.Optional(Nullable(Type.String({ maxLength: MEETING_TEXT_MAX, description: '决议' }))),
  openItems: Type.Optional(Nullable(Type.String({ maxLength: MEETING_TEXT_MAX, description: '待办事项' }))),
  version: Type.Optional(Version),
});
export type MeetingRecordInput = Static<typeof MeetingRecordInput>;

/** A step of the workflow that needs nothing but the version (发布通知, 确认召开, 提交审核, 归档). */
export const MeetingStepInput = Type.Object({ version: Type.Optional(Version) });
export type MeetingStepInput = Static<typeof MeetingStepInput>;

/** 取消会议 with its reason. */
export const MeetingCancelInput = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: REASON_MAX, description: '取消原因' }),
  version: Type.Optional(Version),
});
export type MeetingCancelInput = Static<typeof MeetingCancelInput>;

/** The supervisor's marks against the checklist (rule meeting-review-2026), item id → mark. */
export const MeetingReviewMarks = Type.Record(Type.String({ maxLength: 30 }), Enum(MEETING_REVIEW_MARKS, '评分'), {
  maxProperties: 20,
  description: '审核评分（按审核要点）',
});

/** 审核通过: the marks must reach the pass mark with every must-pass item met. */
export const MeetingApproveInput = Type.Object({
  marks: MeetingReviewMarks,
  comment: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX, description: '审核意见' }))),
  version: Type.Optional(Version),
});
export type MeetingApproveInput = Static<typeof MeetingApproveInput>;

/** 退回修改 with what to correct (and the marks, if scored). */
export const MeetingReturnInput = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: REASON_MAX, description: '退回原因' }),
  marks: Type.Optional(MeetingReviewMarks),
  version: Type.Optional(Version),
});
export type MeetingReturnInput = Static<typeof MeetingReturnInput>;

/** The secretary's 补签 (present) or an absence with its reason (请假 needs one). */
export const MeetingAttendanceInput = Type.Object({
  attendeeId: Type.Unsafe<string>({ ...Id, description: '参会人员' }),
  attendance: Enum(MEETING_ATTENDANCE, '出席情况'),
  reason: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX, description: '缺席原因' }))),
});
export type MeetingAttendanceInput = Static<typeof MeetingAttendanceInput>;

const Count = (description: string) => Type.Integer({ minimum: 0, maximum: MEETING_VOTES_MAX, description });

/** A vote held at the meeting; quorum and passing are computed by the rule set of its kind. */
export const MeetingVoteInput = Type.Object({
  motion: Type.String({ minLength: 2, maxLength: MEETING_MOTION_MAX, description: '表决事项' }),
  kind: Enum(MEETING_VOTE_KINDS, '表决类别'),
  method: Enum(MEETING_VOTE_METHODS, '表决方式'),
  yes: Count('赞成票'),
  no: Count('反对票'),
  abstain: Count('弃权票'),
  written: Type.Optional(Type.Object({ yes: Count('书面赞成'), no: Count('书面反对'), abstain: Count('书面弃权') }, { description: '书面意见' })),
});
export type MeetingVoteInput = Static<typeof MeetingVoteInput>;

/** 更正 of an approved record: one field, its new value, why. The record itself never changes. */
export const MeetingAmendmentInput = Type.Object({
  field: Enum(MEETING_AMENDABLE_FIELDS, '更正内容'),
  after: Type.String({ maxLength: MEETING_TEXT_MAX, description: '更正后内容' }),
  reason: Type.String({ minLength: 2, maxLength: REASON_MAX, description: '更正原因' }),
});
export type MeetingAmendmentInput = Static<typeof MeetingAmendmentInput>;

/** H5 签到: the code typed, or the token of the scanned QR. */
export const MeetingSigninInput = Type.Object({
  code: Type.Optional(Type.String({ minLength: 1, maxLength: MEETING_CODE_MAX, description: '签到码' })),
  token: Type.Optional(Type.String({ minLength: 1, maxLength: MEETING_TOKEN_MAX, description: '二维码签到凭证' })),
});
export type MeetingSigninInput = Static<typeof MeetingSigninInput>;

export const MeetingListQuery = Type.Object({
  state: Type.Optional(Enum(MEETING_STATE_IDS, '状态')),
  type: Type.Optional(Enum(MEETING_TYPE_IDS, '会议类型')),
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党组织' })),
  from: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '开始日期' })),
  to: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '结束日期' })),
  /** Only meetings with a time limit past (not held, record not submitted). */
  overdue: Type.Optional(Type.Boolean({ description: '只看逾期' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: '会议名称关键字' })),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type MeetingListQuery = Static<typeof MeetingListQuery>;
export const MeetingExportQuery = Type.Omit(MeetingListQuery, ['page', 'pageSize']);
export type MeetingExportQuery = Static<typeof MeetingExportQuery>;

export const MeetingIdParams = Type.Object({ id: Id });
export const MeetingPartParams = Type.Object({ id: Id, partId: Id });

const Counts = Type.Object({
  expected: Type.Integer({ description: '应到' }),
  present: Type.Integer({ description: '实到' }),
  leave: Type.Integer({ description: '请假' }),
  absent: Type.Integer({ description: '缺席' }),
  unmarked: Type.Integer({ description: '未登记' }),
  guests: Type.Integer({ description: '列席' }),
});

/** A meeting as lists show it. */
export const Meeting = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  type: Type.String(),
  typeLabel: Type.String(),
  title: Type.String(),
  topics: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  online: Type.Boolean(),
  /** 党课 given by the branch's own secretary (书记讲党课). */
  lectureBySecretary: Type.Boolean(),
  state: Type.String(),
  stateLabel: Type.String(),
  version: Type.Integer(),
  hostName: Type.Union([Type.String(), Type.Null()]),
  recorderName: Type.Union([Type.String(), Type.Null()]),
  speakersPoints: Type.Union([Type.String(), Type.Null()]),
  decisions: Type.Union([Type.String(), Type.Null()]),
  openItems: Type.Union([Type.String(), Type.Null()]),
  counts: Counts,
  /** Last day to submit the record (rule meeting-time-limits-2026). */
  recordDue: Type.String(),
  /** Not held past its date, or its record not submitted past recordDue. */
  overdue: Type.Boolean(),
  reviewScore: Type.Union([Type.Number(), Type.Null()]),
  reviewPassed: Type.Union([Type.Boolean(), Type.Null()]),
  reviewComment: Type.Union([Type.String(), Type.Null()]),
  reviewedByName: Type.Union([Type.String(), Type.Null()]),
  returnReason: Type.Union([Type.String(), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  /** Workflow steps the reader may take now. */
  actions: Type.Array(Type.String()),
  /** The record may still be edited (not under review, not approved). */
  editable: Type.Boolean(),
  createdByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Meeting = Static<typeof Meeting>;

export const MeetingAttendee = Type.Object({
  id: Id,
  memberId: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  /** expected (应到) or guest (列席). */
  role: Type.String(),
  /** 支委会: the committee post. */
  post: Type.Union([Type.String(), Type.Null()]),
  memberStatus: Type.Union([Type.String(), Type.Null()]),
  attendance: Type.Union([Enum(MEETING_ATTENDANCE, '出席情况'), Type.Null()]),
  attendanceLabel: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  signedAt: Type.Union([Timestamp, Type.Null()]),
  /** code, qr or secretary (补签). */
  method: Type.Union([Type.String(), Type.Null()]),
});
export type MeetingAttendee = Static<typeof MeetingAttendee>;

export const MeetingVote = Type.Object({
  id: Id,
  motion: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  method: Type.String(),
  methodLabel: Type.String(),
  yes: Type.Integer(),
  no: Type.Integer(),
  abstain: Type.Integer(),
  writtenYes: Type.Integer(),
  writtenNo: Type.Integer(),
  writtenAbstain: Type.Integer(),
  entitled: Type.Integer(),
  entitledPresent: Type.Integer(),
  quorumMet: Type.Boolean(),
  passed: Type.Boolean(),
  explanation: Type.String(),
});
export type MeetingVote = Static<typeof MeetingVote>;

export const MeetingAmendment = Type.Object({
  id: Id,
  field: Type.String(),
  fieldLabel: Type.String(),
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.String(),
  reason: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  at: Timestamp,
});
export type MeetingAmendment = Static<typeof MeetingAmendment>;

export const MeetingReviewItem = Type.Object({
  id: Type.String(),
  label: Type.String(),
  weight: Type.Number(),
  points: Type.Number(),
  mark: Type.String(),
});

/** One meeting with everything on its page. */
export const MeetingDetail = Type.Composite([
  Meeting,
  Type.Object({
    attendees: Type.Array(MeetingAttendee),
    votes: Type.Array(MeetingVote),
    attachments: Type.Array(Attachment),
    amendments: Type.Array(MeetingAmendment),
    /** The record with its amendments applied (the approved record itself stays as it was). */
    corrected: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
    reviewItems: Type.Array(MeetingReviewItem),
    history: Type.Array(WorkflowEvent),
    signinOpensAt: Type.Union([Timestamp, Type.Null()]),
    signinClosesAt: Type.Union([Timestamp, Type.Null()]),
  }),
]);
export type MeetingDetail = Static<typeof MeetingDetail>;

/** The meeting's sign-in code and its QR (for the secretary to show). */
export const MeetingSigninCode = Type.Object({
  code: Type.String(),
  token: Type.String(),
  /** The H5 page with the token (relative to the site's origin). */
  path: Type.String(),
  qrSvg: Type.String(),
  opensAt: Timestamp,
  closesAt: Timestamp,
});
export type MeetingSigninCode = Static<typeof MeetingSigninCode>;

/** A member's own meeting (H5 我的会议). */
export const MyMeeting = Type.Object({
  id: Id,
  orgName: Type.String(),
  type: Type.String(),
  typeLabel: Type.String(),
  title: Type.String(),
  topics: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  online: Type.Boolean(),
  state: Type.String(),
  stateLabel: Type.String(),
  attendance: Type.Union([Type.String(), Type.Null()]),
  signedAt: Type.Union([Timestamp, Type.Null()]),
});
export type MyMeeting = Static<typeof MyMeeting>;

export const MeetingSigninAnswer = Type.Object({
  status: Type.String(),
  at: Timestamp,
  method: Type.String(),
  message: Type.String(),
  meetingId: Id,
  meetingTitle: Type.String(),
});
export type MeetingSigninAnswer = Static<typeof MeetingSigninAnswer>;

/** Audit actions of meetings (workflow steps are `meeting.<action>`). */
export const meetingAuditLabel: Record<string, string> = {
  'meeting.create': '计划会议',
  'meeting.update': '修改会议计划',
  'meeting.notify': '发布会议通知',
  'meeting.hold': '确认会议召开',
  'meeting.record': '填写会议记录',
  'meeting.record_update': '修改会议记录',
  'meeting.submit': '提交会议记录审核',
  'meeting.return': '退回会议记录',
  'meeting.approve': '会议记录审核通过',
  'meeting.archive': '会议记录归档',
  'meeting.cancel': '取消会议',
  'meeting.attendance': '登记出席情况',
  'meeting.signin': '会议签到',
  'meeting.vote_add': '登记表决结果',
  'meeting.vote_remove': '删除表决结果',
  'meeting.amend': '更正会议记录',
};
