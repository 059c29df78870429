import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { Education, ETHNICITIES, Occupation } from './member-dict.ts';
import { PHONE_PATTERN, WORK_UNIT_MAX, REASON_MAX } from './member.ts';
import { StringEnum } from './reportin.ts';

/** 发展党员 (issue 12): applicants on the 25 steps (rule set dev-2014 in packages/rules). */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DevStage = { APPLICANT: 'applicant', ACTIVIST: 'activist', CANDIDATE: 'candidate', PROBATIONARY: 'probationary', FULL: 'full' } as const;
export type DevStage = (typeof DevStage)[keyof typeof DevStage];
export const DEV_STAGES = Object.values(DevStage) as DevStage[];
export const devStageLabel: Record<DevStage, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
};
/** 终止培养 (stopped) or 取消预备党员资格 (cancelled). */
export const DEV_ENDS = ['stopped', 'cancelled'] as const;
export type DevEndState = (typeof DEV_ENDS)[number];
export const devEndLabel: Record<DevEndState, string> = { stopped: '已终止培养', cancelled: '已取消预备党员资格' };

export const DEV_NAME_MAX = 30;
export const DEV_TEXT_MAX = 1000;
export const DEV_DOC_NO_MAX = 60;
export const DEV_YEAR_MIN = 2000;
export const DEV_YEAR_MAX = 2100;
/** A step key of the rule set (the server checks it against the set). */
const StepKey = Type.String({ pattern: '^[a-z_]{2,40}$', description: '步骤' });
const Count = (d: string) => Type.Integer({ minimum: 0, maximum: 100_000, description: d });

export const ApplicantInput = Type.Object({
  /** The 党支部 the application is made to (in the account's scope). */
  orgId: Type.Unsafe<string>({ ...Id, description: '党支部' }),
  name: Type.String({ minLength: 1, maxLength: DEV_NAME_MAX, description: '姓名' }),
  /** GB 11643 with its check digit; birth date and gender come from it. */
  idNumber: Type.String({ minLength: 15, maxLength: 24, description: '公民身份号码' }),
  ethnicity: StringEnum(ETHNICITIES, '民族'),
  education: StringEnum(Object.values(Education), '学历'),
  occupation: StringEnum(Object.values(Occupation), '人员类别'),
  workUnit: Type.Optional(Nullable(Type.String({ maxLength: WORK_UNIT_MAX, description: '工作单位及职务' }))),
  phone: Type.Optional(Nullable(Type.String({ pattern: PHONE_PATTERN, description: '联系电话' }))),
  /** Step 1: the day the 入党申请书 was received. */
  appliedOn: Type.Unsafe<string>({ ...DateOnly, description: '递交入党申请书日期' }),
});
export type ApplicantInput = Static<typeof ApplicantInput>;

export const DevVoteInput = Type.Object({
  entitled: Count('应到会有表决权人数'),
  present: Count('实到会有表决权人数'),
  onLeave: Type.Optional(Count('请假的有表决权人数')),
  yes: Count('赞成'),
  no: Count('反对'),
  abstain: Count('弃权'),
  written: Type.Optional(Type.Object({ yes: Count('书面赞成'), no: Count('书面反对'), abstain: Count('书面弃权') })),
});
export type DevVoteInput = Static<typeof DevVoteInput>;

/** Recording one step: its date and whatever that step carries (the rule set says which). */
export const DevStepInput = Type.Object({
  key: StepKey,
  date: Type.Unsafe<string>({ ...DateOnly, description: '办理日期' }),
  /** The version of the applicant the form started from. */
  version: Type.Optional(Version),
  /** A late approval's special reason, and any note. */
  reason: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX, description: '原因或说明' }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: DEV_TEXT_MAX, description: '情况说明' }))),
  talker: Type.Optional(
    Type.Object({
      name: Type.String({ minLength: 1, maxLength: DEV_NAME_MAX, description: '谈话人' }),
      post: Type.Optional(Nullable(StringEnum(['secretary', 'deputy_secretary', 'organization', 'member', 'other'] as const, '谈话人职务'))),
    }),
  ),
  /** 培养联系人 (1–2) or 入党介绍人 (2): member records of the scope. */
  memberIds: Type.Optional(Type.Array(Type.Unsafe<string>({ ...Id, description: '党员' }), { maxItems: 2, uniqueItems: true, description: '党员' })),
  vote: Type.Optional(DevVoteInput),
  reviewResult: Type.Optional(StringEnum(['pass', 'fail'] as const, '政审结论')),
  training: Type.Optional(
    Type.Object({
      days: Type.Integer({ minimum: 0, maximum: 365, description: '培训天数' }),
      hours: Type.Integer({ minimum: 0, maximum: 2000, description: '培训学时' }),
      course: Type.Optional(Nullable(Type.String({ maxLength: 100, description: '培训班名称' }))),
    }),
  ),
  publicity: Type.Optional(
    Type.Object({ from: Type.Unsafe<string>({ ...DateOnly, description: '公示开始' }), to: Type.Unsafe<string>({ ...DateOnly, description: '公示结束' }) }),
  ),
  outcome: Type.Optional(StringEnum(['full', 'extend', 'cancel'] as const, '转正结论')),
  extendMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, description: '延长预备期（月）' })),
  docNo: Type.Optional(Nullable(Type.String({ maxLength: DEV_DOC_NO_MAX, description: '文号' }))),
});
export type DevStepInput = Static<typeof DevStepInput>;

export const DevStopInput = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: REASON_MAX, description: '终止培养原因' }),
  date: Type.Unsafe<string>({ ...DateOnly, description: '决定日期' }),
  version: Type.Optional(Version),
});
export type DevStopInput = Static<typeof DevStopInput>;

export const DevPersonView = Type.Object({ role: Type.String(), name: Type.String(), memberId: Nullable(Id), post: Nullable(Type.String()) });
export const DevRecordView = Type.Object({
  id: Id,
  key: Type.String(),
  no: Type.Integer(),
  label: Type.String(),
  date: DateOnly,
  round: Type.Integer(),
  outcome: Nullable(Type.String()),
  outcomeLabel: Nullable(Type.String()),
  /** One line saying what was recorded (the vote, the training, the 公示 …). */
  summary: Type.String(),
  people: Type.Array(DevPersonView),
  approvingOrgName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: Timestamp,
  /** The step's papers (scans, photos, documents). */
  attachments: Type.Array(Attachment),
});
export type DevRecordView = Static<typeof DevRecordView>;

const Recorder = StringEnum(['branch', 'superior'] as const, '办理方');
export const DevStepView = Type.Object({
  key: Type.String(),
  no: Type.Integer(),
  label: Type.String(),
  stage: StringEnum(DEV_STAGES, '阶段'),
  by: Recorder,
  inputs: Type.Array(Type.String()),
  periodic: Type.Boolean(),
  documents: Type.Array(Type.String()),
  source: Type.String(),
  /** Recorded (for a periodic step: at least once). */
  doneOn: Nullable(DateOnly),
  /** Open now: every step it follows recorded. */
  open: Type.Boolean(),
  possibleFrom: Nullable(DateOnly),
  blockedBy: Nullable(Type.String()),
  /** The account may record it (branch or superior). */
  canRecord: Type.Boolean(),
});
export type DevStepView = Static<typeof DevStepView>;

export const DevDeadlineView = Type.Object({
  key: Type.String(),
  no: Type.Integer(),
  label: Type.String(),
  rule: Type.String(),
  what: Type.String(),
  dueOn: DateOnly,
  by: Recorder,
  status: StringEnum(['upcoming', 'due_soon', 'overdue'] as const, '期限状态'),
});
export type DevDeadlineView = Static<typeof DevDeadlineView>;

export const ApplicantSummary = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  name: Type.String(),
  gender: Type.String(),
  stage: StringEnum(DEV_STAGES, '阶段'),
  stageLabel: Type.String(),
  ended: Nullable(StringEnum(DEV_ENDS, '终止')),
  stateLabel: Type.String(),
  appliedOn: DateOnly,
  /** The last step recorded. */
  lastStep: Nullable(Type.String()),
  /** The nearest limit and whether it passed. */
  nextDue: Nullable(DevDeadlineView),
  /** Why the path is not moving (a passed limit, or the day a rule allows the next step), or null. */
  stuck: Nullable(Type.String()),
});
export type ApplicantSummary = Static<typeof ApplicantSummary>;

export const ApplicantDetail = Type.Composite([
  ApplicantSummary,
  Type.Object({
    idNumberMasked: Type.String(),
    /** Never in full beside the masked ID number (with it the number could be rebuilt): the year and month, and the age at application. */
    birthMonth: Type.String(),
    ageAtApplication: Type.Integer(),
    phoneMasked: Nullable(Type.String()),
    ethnicity: Type.String(),
    education: Type.String(),
    occupation: Type.String(),
    workUnit: Nullable(Type.String()),
    probationEnd: Nullable(DateOnly),
    partyAgeFrom: Nullable(DateOnly),
    memberId: Nullable(Id),
    endReason: Nullable(Type.String()),
    ruleSetId: Type.String(),
    version: Type.Integer(),
    records: Type.Array(DevRecordView),
    steps: Type.Array(DevStepView),
    deadlines: Type.Array(DevDeadlineView),
  }),
]);
export type ApplicantDetail = Static<typeof ApplicantDetail>;

export const ApplicantQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '组织（含下级）' })),
  stage: Type.Optional(StringEnum(DEV_STAGES, '阶段')),
  /** active (default), ended, or all. */
  state: Type.Optional(StringEnum(['active', 'ended', 'all'] as const, '状态')),
  /** Only those with a passed limit. */
  overdue: Type.Optional(Type.Boolean({ description: '仅看逾期' })),
  q: Type.Optional(Type.String({ maxLength: DEV_NAME_MAX, description: '姓名' })),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type ApplicantQuery = Static<typeof ApplicantQuery>;

/** The pipeline of a subtree: counts per stage, per child organization, and who is stuck. */
export const DevBoard = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  stages: Type.Array(Type.Object({ stage: StringEnum(DEV_STAGES, '阶段'), label: Type.String(), count: Type.Integer() })),
  children: Type.Array(Type.Object({ orgId: Id, orgName: Type.String(), counts: Type.Record(Type.String(), Type.Integer()), overdue: Type.Integer() })),
  stuck: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      orgName: Type.String(),
      stageLabel: Type.String(),
      reason: Type.String(),
      dueOn: Nullable(DateOnly),
      overdue: Type.Boolean(),
    }),
  ),
});
export type DevBoard = Static<typeof DevBoard>;

export const DevYearQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '组织' })),
  year: Type.Integer({ minimum: DEV_YEAR_MIN, maximum: DEV_YEAR_MAX, description: '年度' }),
});
export type DevYearQuery = Static<typeof DevYearQuery>;

export const DevPlanInput = Type.Object({
  orgId: Type.Unsafe<string>({ ...Id, description: '组织' }),
  year: Type.Integer({ minimum: DEV_YEAR_MIN, maximum: DEV_YEAR_MAX, description: '年度' }),
  quota: Type.Integer({ minimum: 0, maximum: 100_000, description: '计划发展人数' }),
  note: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX, description: '说明' }))),
});
export type DevPlanInput = Static<typeof DevPlanInput>;

/** Plan vs actual and the annual report's figures for one organization's children in one year. */
export const DevYearRow = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  /** 计划发展 (null: no plan set). */
  quota: Nullable(Type.Integer()),
  /** 发展 (接收预备党员, approved in the year). */
  developed: Type.Integer(),
  /** 转正 approved in the year. */
  confirmed: Type.Integer(),
  extended: Type.Integer(),
  cancelled: Type.Integer(),
  /** Active applicants now, by stage. */
  pipeline: Type.Record(Type.String(), Type.Integer()),
});
export const DevYearReport = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  year: Type.Integer(),
  rows: Type.Array(DevYearRow),
  total: DevYearRow,
  /** 发展 and 转正 by the organization that approved them (the annual report's breakdown). */
  byApprover: Type.Array(Type.Object({ orgName: Type.String(), developed: Type.Integer(), confirmed: Type.Integer() })),
});
export type DevYearReport = Static<typeof DevYearReport>;

export const DevRecordParams = Type.Object({ id: Id, recordId: Type.Unsafe<string>({ ...Id, description: '步骤记录' }) });
export const DevFileParams = Type.Object({
  id: Id,
  recordId: Type.Unsafe<string>({ ...Id, description: '步骤记录' }),
  fileId: Type.Unsafe<string>({ ...Id, description: '附件' }),
});

/** Audit actions of the module: the registration, the plan, and every workflow step (`dev_applicant.<action>`). */
export const devAuditLabel: Record<string, string> = {
  'development.create': '登记入党申请',
  'development.plan': '设置年度发展计划',
  'dev_applicant.record': '办理发展党员步骤',
  'dev_applicant.activist': '确定为入党积极分子',
  'dev_applicant.candidate': '确定为发展对象',
  'dev_applicant.approve': '审批为预备党员',
  'dev_applicant.confirm': '审批预备党员转正',
  'dev_applicant.cancel': '取消预备党员资格',
  'dev_applicant.stop': '终止培养',
};
