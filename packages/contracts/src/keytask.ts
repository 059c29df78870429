import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { StringEnum } from './reportin.ts';

/**
 * 重点任务 (issue 13): a committee's annual plan of key tasks, claimed on the board (揭榜认领) by the
 * organizations below it with a named owner, post and duty (定人定岗定责); progress on milestones,
 * the 调度会 that reviews every task and decides, acceptance (验收) and the accountability record.
 * The numbers (lag tolerance, pass score, decision time limit …) are rule set kt-2026 in packages/rules.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const KT_YEAR_MIN = 2000;
export const KT_YEAR_MAX = 2100;
export const KT_TITLE_MAX = 100;
export const KT_TEXT_MAX = 2000;
export const KT_SHORT_MAX = 60;
export const KT_REASON_MAX = 500;
/** At most this many tasks in one plan, sub-tasks and milestones per task. */
export const KT_TASKS_MAX = 500;
export const KT_SUBTASKS_MAX = 20;
export const KT_MILESTONES_MAX = 20;
export const KT_WEIGHT_MAX = 100;

/** A plan: 编制中 → 已发布 (its tasks on the board) → 已归档. */
export const KT_PLAN_STATES = ['draft', 'published', 'archived'] as const;
export type KtPlanState = (typeof KT_PLAN_STATES)[number];
export const ktPlanStateLabel: Record<KtPlanState, string> = { draft: '编制中', published: '已发布', archived: '已归档' };

/**
 * A task's stored state (the workflow kt-task in packages/rules): 草稿 → 待认领 (on the board) →
 * 已落实 (a lead confirmed) → 已完成 (the lead reported it done) → 已验收; 验收不通过 returns it to
 * 已落实; 撤销 with a reason.
 */
export const KT_TASK_STATES = ['draft', 'open', 'assigned', 'completed', 'accepted', 'cancelled'] as const;
export type KtTaskState = (typeof KT_TASK_STATES)[number];
export const ktTaskStateLabel: Record<KtTaskState, string> = {
  draft: '草稿',
  open: '待认领',
  assigned: '已落实',
  completed: '已完成',
  accepted: '已验收',
  cancelled: '已撤销',
};

/** The status people read: computed from progress, time and milestones (滞后 is never typed in). */
export const KT_STATUSES = ['not_started', 'in_progress', 'lagging', 'completed', 'accepted'] as const;
export type KtStatus = (typeof KT_STATUSES)[number];
export const ktStatusLabel: Record<KtStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  lagging: '滞后',
  completed: '已完成',
  accepted: '已验收',
};
export const ktStatusColor: Record<KtStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  lagging: 'error',
  completed: 'cyan',
  accepted: 'success',
};

export const KT_CLAIM_ROLES = ['lead', 'support'] as const;
export type KtClaimRole = (typeof KT_CLAIM_ROLES)[number];
export const ktClaimRoleLabel: Record<KtClaimRole, string> = { lead: '牵头', support: '配合' };

export const KT_CLAIM_STATES = ['pending', 'confirmed', 'declined', 'withdrawn'] as const;
export type KtClaimState = (typeof KT_CLAIM_STATES)[number];
export const ktClaimStateLabel: Record<KtClaimState, string> = { pending: '待确认', confirmed: '已确认', declined: '未通过', withdrawn: '已撤回' };

/** What a 调度会 decides about a task. */
export const KT_DECISIONS = ['continue', 'new_target', 'new_deadline', 'support', 'escalate'] as const;
export type KtDecisionKind = (typeof KT_DECISIONS)[number];
export const ktDecisionLabel: Record<KtDecisionKind, string> = {
  continue: '按计划推进',
  new_target: '调整推进目标',
  new_deadline: '调整完成时限',
  support: '协调支持',
  escalate: '提级督办',
};

export const KT_REVIEW_STATES = ['draft', 'held'] as const;
export type KtReviewState = (typeof KT_REVIEW_STATES)[number];
export const ktReviewStateLabel: Record<KtReviewState, string> = { draft: '准备中', held: '已召开' };

/** 问责 levels, mildest first (rule set kt-2026 names which a late or failed task usually gets). */
export const KT_ACCOUNTABILITY_LEVELS = ['remind', 'criticize', 'interview', 'accountable'] as const;
export type KtAccountabilityLevel = (typeof KT_ACCOUNTABILITY_LEVELS)[number];
export const ktAccountabilityLabel: Record<KtAccountabilityLevel, string> = { remind: '提醒', criticize: '批评教育', interview: '约谈', accountable: '问责' };

const Year = Type.Integer({ minimum: KT_YEAR_MIN, maximum: KT_YEAR_MAX, description: '年度' });
const Weight = Type.Number({ minimum: 0.1, maximum: KT_WEIGHT_MAX, description: '权重（0.1–100）' });
const Percent = Type.Integer({ minimum: 0, maximum: 100, description: '完成进度（%）' });
const Text = (d: string, max = KT_TEXT_MAX) => Type.String({ minLength: 1, maxLength: max, description: d });
const OptText = (d: string, max = KT_TEXT_MAX) => Type.Optional(Nullable(Type.String({ maxLength: max, description: d })));

// ---------------------------------------------------------------- plans

export const KtPlanInput = Type.Object({
  /** The committee whose plan it is (in the account's scope). */
  orgId: Type.Unsafe<string>({ ...Id, description: '制定计划的党组织' }),
  year: Year,
  title: Text('计划名称', KT_TITLE_MAX),
  note: OptText('说明'),
});
export type KtPlanInput = Static<typeof KtPlanInput>;

export const KtPlanQuery = Type.Object({
  year: Type.Optional(Year),
  orgId: Type.Optional(Id),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type KtPlanQuery = Static<typeof KtPlanQuery>;

/** Counts of a plan's tasks by status (a status of KT_STATUSES) and the weighted completion. */
export const KtFigures = Type.Object({
  tasks: Type.Integer({ description: '任务数' }),
  claimed: Type.Integer({ description: '已落实牵头单位' }),
  unclaimed: Type.Integer({ description: '待认领' }),
  notStarted: Type.Integer({ description: '未启动' }),
  inProgress: Type.Integer({ description: '推进中' }),
  lagging: Type.Integer({ description: '滞后' }),
  completed: Type.Integer({ description: '已完成' }),
  accepted: Type.Integer({ description: '已验收' }),
  /** Σ weight × progress / Σ weight, 0–100, one decimal. */
  progress: Type.Number({ description: '加权完成进度（%）' }),
});
export type KtFigures = Static<typeof KtFigures>;

export const KtPlanSummary = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  note: Nullable(Type.String()),
  state: StringEnum(KT_PLAN_STATES, '计划状态'),
  figures: KtFigures,
  /** The account holds the plan (its committee or above): publish, confirm, review, accept. */
  owner: Type.Boolean(),
  version: Version,
  createdAt: Timestamp,
});
export type KtPlanSummary = Static<typeof KtPlanSummary>;

// ---------------------------------------------------------------- tasks

export const KtMilestoneInput = Type.Object({
  title: Text('节点内容', KT_TITLE_MAX),
  dueOn: Type.Unsafe<string>({ ...DateOnly, description: '节点日期' }),
});
export type KtMilestoneInput = Static<typeof KtMilestoneInput>;

export const KtSubtaskInput = Type.Object({
  title: Text('子任务', KT_TITLE_MAX),
  weight: Weight,
});
export type KtSubtaskInput = Static<typeof KtSubtaskInput>;

export const KtTaskInput = Type.Object({
  category: Text('任务类别', KT_SHORT_MAX),
  title: Text('任务名称', KT_TITLE_MAX),
  description: OptText('任务内容'),
  target: Text('推进目标'),
  deadline: Type.Unsafe<string>({ ...DateOnly, description: '完成时限' }),
  acceptanceStandard: Text('验收标准'),
  weight: Weight,
  subtasks: Type.Optional(Type.Array(KtSubtaskInput, { maxItems: KT_SUBTASKS_MAX, description: '子任务' })),
  milestones: Type.Optional(Type.Array(KtMilestoneInput, { maxItems: KT_MILESTONES_MAX, description: '时间节点' })),
});
export type KtTaskInput = Static<typeof KtTaskInput>;

/** Editing a task before it is on the board; after that target and deadline change only with a decision (KtChangeInput). */
export const KtTaskUpdate = Type.Composite([KtTaskInput, Type.Object({ version: Type.Optional(Version) })]);
export type KtTaskUpdate = Static<typeof KtTaskUpdate>;

/** A change of target or deadline on a published task: the decision that made it is required. */
export const KtChangeInput = Type.Object({
  target: Type.Optional(Text('新的推进目标')),
  deadline: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '新的完成时限' })),
  decision: Text('调整依据（会议决定或批示）', KT_REASON_MAX),
  version: Type.Optional(Version),
});
export type KtChangeInput = Static<typeof KtChangeInput>;

export const KtTaskQuery = Type.Object({
  planId: Type.Optional(Id),
  year: Type.Optional(Year),
  status: Type.Optional(StringEnum(KT_STATUSES, '进展状态')),
  state: Type.Optional(StringEnum(KT_TASK_STATES, '任务状态')),
  /** Only the tasks this organization leads or supports (its subtree). */
  orgId: Type.Optional(Id),
  /** Only the tasks the account's organization takes part in. */
  mine: Type.Optional(Type.Boolean({ description: '只看本单位的任务' })),
  category: Type.Optional(Type.String({ maxLength: KT_SHORT_MAX })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: '任务名称关键词' })),
  page: PageNumber,
  pageSize: pageSizeField(50),
});
export type KtTaskQuery = Static<typeof KtTaskQuery>;

/** Why a task is 滞后 (each reason names the rule). */
export const KtLagReason = Type.Object({ rule: Type.String(), message: Type.String() });
export type KtLagReason = Static<typeof KtLagReason>;

export const KtClaim = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  /** The department or office (部门/科室) inside the organization that takes it on. */
  unitName: Type.String(),
  role: StringEnum(KT_CLAIM_ROLES, '认领方式'),
  ownerName: Type.String({ description: '责任人' }),
  post: Type.String({ description: '岗位' }),
  duty: Type.String({ description: '责任' }),
  state: StringEnum(KT_CLAIM_STATES, '认领状态'),
  reason: Nullable(Type.String()),
  claimedBy: Nullable(Type.String()),
  claimedAt: Timestamp,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
});
export type KtClaim = Static<typeof KtClaim>;

export const KtTaskSummary = Type.Object({
  id: Id,
  planId: Id,
  planTitle: Type.String(),
  year: Type.Integer(),
  no: Type.Integer({ description: '序号' }),
  category: Type.String(),
  title: Type.String(),
  target: Type.String(),
  deadline: Type.String(),
  acceptanceStandard: Type.String(),
  weight: Type.Number(),
  state: StringEnum(KT_TASK_STATES, '任务状态'),
  /** null while a draft or cancelled. */
  status: Nullable(StringEnum(KT_STATUSES, '进展状态')),
  progress: Type.Number({ description: '完成进度（%）' }),
  /** What progress the time elapsed asks for (rule kt-lag-expected). */
  expectedProgress: Type.Number(),
  lagReasons: Type.Array(KtLagReason),
  overdueMilestones: Type.Integer(),
  lead: Nullable(Type.Object({ orgId: Id, orgName: Type.String(), unitName: Type.String(), ownerName: Type.String(), post: Type.String() })),
  supporters: Type.Array(Type.Object({ orgId: Id, orgName: Type.String(), unitName: Type.String() })),
  pendingClaims: Type.Integer(),
  lastReportedOn: Nullable(Type.String()),
  /** On the board only: another organization's task, shown without its progress (which is theirs). */
  limited: Type.Optional(Type.Boolean()),
  version: Version,
});
export type KtTaskSummary = Static<typeof KtTaskSummary>;

export const KtMilestone = Type.Object({
  id: Id,
  title: Type.String(),
  dueOn: Type.String(),
  doneOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export type KtMilestone = Static<typeof KtMilestone>;

export const KtSubtask = Type.Object({ id: Id, title: Type.String(), weight: Type.Number(), progress: Type.Number() });
export type KtSubtask = Static<typeof KtSubtask>;

export const KtProgress = Type.Object({
  id: Id,
  reportedOn: Type.String(),
  percent: Type.Integer(),
  subtaskId: Nullable(Id),
  subtaskTitle: Nullable(Type.String()),
  milestoneId: Nullable(Id),
  milestoneTitle: Nullable(Type.String()),
  milestoneDone: Type.Boolean(),
  narrative: Type.String(),
  risks: Nullable(Type.String()),
  orgName: Type.String(),
  reportedBy: Nullable(Type.String()),
  files: Type.Array(Attachment),
});
export type KtProgress = Static<typeof KtProgress>;

export const KtChange = Type.Object({
  field: StringEnum(['target', 'deadline'] as const, '调整项'),
  before: Type.String(),
  after: Type.String(),
  decision: Type.String(),
  reviewId: Nullable(Id),
  decidedBy: Nullable(Type.String()),
  at: Timestamp,
});
export type KtChange = Static<typeof KtChange>;

export const KtAcceptance = Type.Object({
  id: Id,
  passed: Type.Boolean(),
  score: Type.Number(),
  opinion: Type.String(),
  acceptedOn: Type.String(),
  acceptedBy: Nullable(Type.String()),
  files: Type.Array(Attachment),
});
export type KtAcceptance = Static<typeof KtAcceptance>;

export const KtAccountability = Type.Object({
  id: Id,
  level: StringEnum(KT_ACCOUNTABILITY_LEVELS, '处理方式'),
  subject: Type.String({ description: '对象（单位或责任人）' }),
  reason: Type.String(),
  decidedBy: Type.String({ description: '决定机关或决定人' }),
  decidedOn: Type.String(),
  recordedBy: Nullable(Type.String()),
});
export type KtAccountability = Static<typeof KtAccountability>;

export const KtHistoryEntry = Type.Object({
  at: Timestamp,
  action: Type.String(),
  actionLabel: Type.String(),
  from: Type.String(),
  to: Type.String(),
  actorName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});

export const KtTaskDetail = Type.Intersect([
  KtTaskSummary,
  Type.Object({
    description: Nullable(Type.String()),
    planOrgId: Id,
    planOrgName: Type.String(),
    planState: StringEnum(KT_PLAN_STATES, '计划状态'),
    subtasks: Type.Array(KtSubtask),
    milestones: Type.Array(KtMilestone),
    claims: Type.Array(KtClaim),
    progressReports: Type.Array(KtProgress),
    changes: Type.Array(KtChange),
    acceptances: Type.Array(KtAcceptance),
    accountability: Type.Array(KtAccountability),
    decisions: Type.Array(
      Type.Object({
        reviewId: Id,
        reviewTitle: Type.String(),
        heldOn: Type.String(),
        kind: StringEnum(KT_DECISIONS, '决定'),
        text: Type.String(),
        dueOn: Nullable(Type.String()),
        doneOn: Nullable(Type.String()),
        doneNote: Nullable(Type.String()),
      }),
    ),
    history: Type.Array(KtHistoryEntry),
    /** What the account may do here. */
    can: Type.Object({
      edit: Type.Boolean(),
      claim: Type.Boolean(),
      decideClaims: Type.Boolean(),
      report: Type.Boolean(),
      complete: Type.Boolean(),
      accept: Type.Boolean(),
      change: Type.Boolean(),
      cancel: Type.Boolean(),
      accountability: Type.Boolean(),
      /** Add 验收材料 to the task's acceptances (the plan's committee or above, with task:plan). */
      acceptanceFiles: Type.Boolean(),
    }),
  }),
]);
export type KtTaskDetail = Static<typeof KtTaskDetail>;

export const KtClaimInput = Type.Object({
  /** The claiming organization (the account's own or one in its scope); default the account's. */
  orgId: Type.Optional(Id),
  unitName: Type.Optional(Nullable(Type.String({ maxLength: KT_SHORT_MAX, description: '部门/科室（默认为组织名称）' }))),
  role: StringEnum(KT_CLAIM_ROLES, '认领方式'),
  ownerName: Text('责任人', 30),
  post: Text('岗位', KT_SHORT_MAX),
  duty: Text('责任', KT_REASON_MAX),
});
export type KtClaimInput = Static<typeof KtClaimInput>;

export const KtClaimDecision = Type.Object({
  confirm: Type.Boolean({ description: '确认（否则不予确认）' }),
  reason: Type.Optional(Nullable(Type.String({ maxLength: KT_REASON_MAX, description: '理由（不予确认时必填）' }))),
});
export type KtClaimDecision = Static<typeof KtClaimDecision>;

export const KtProgressInput = Type.Object({
  reportedOn: Type.Unsafe<string>({ ...DateOnly, description: '报告日期' }),
  percent: Percent,
  subtaskId: Type.Optional(Nullable(Id)),
  milestoneId: Type.Optional(Nullable(Id)),
  /** The milestone this report is about has been reached. */
  milestoneDone: Type.Optional(Type.Boolean({ description: '节点已完成' })),
  narrative: Text('进展情况'),
  risks: OptText('存在问题与风险', KT_REASON_MAX),
});
export type KtProgressInput = Static<typeof KtProgressInput>;

export const KtCompleteInput = Type.Object({
  note: Text('完成情况', KT_TEXT_MAX),
  version: Type.Optional(Version),
});
export type KtCompleteInput = Static<typeof KtCompleteInput>;

export const KtAcceptInput = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 100, description: '验收得分' }),
  opinion: Text('验收意见'),
  acceptedOn: Type.Unsafe<string>({ ...DateOnly, description: '验收日期' }),
  version: Type.Optional(Version),
});
export type KtAcceptInput = Static<typeof KtAcceptInput>;

export const KtAccountabilityInput = Type.Object({
  level: StringEnum(KT_ACCOUNTABILITY_LEVELS, '处理方式'),
  subject: Text('对象（单位或责任人）', KT_SHORT_MAX),
  reason: Text('事由', KT_REASON_MAX),
  decidedBy: Text('决定机关或决定人', KT_SHORT_MAX),
  decidedOn: Type.Unsafe<string>({ ...DateOnly, description: '决定日期' }),
});
export type KtAccountabilityInput = Static<typeof KtAccountabilityInput>;

export const KtReasonInput = Type.Object({
  reason: Text('原因', KT_REASON_MAX),
  version: Type.Optional(Version),
});
export type KtReasonInput = Static<typeof KtReasonInput>;

export const KtTaskParams = Type.Object({ id: Id, claimId: Id });
export const KtProgressFileParams = Type.Object({ id: Id, progressId: Id });
export const KtProgressFileIdParams = Type.Object({ id: Id, progressId: Id, fileId: Id });

export const keyTaskAuditLabel: Record<string, string> = {
  'kt_plan.create': '创建重点任务计划',
  'kt_plan.publish': '发布重点任务计划',
  'kt_plan.archive': '归档重点任务计划',
  'kt_plan.import': '导入重点任务',
  'kt_task.create': '新增重点任务',
  'kt_task.update': '修改重点任务',
  'kt_task.publish': '发布重点任务',
  'kt_task.assign': '确认牵头单位',
  'kt_task.complete': '报告任务完成',
  'kt_task.accept': '验收通过',
  'kt_task.reject': '验收不通过',
  'kt_task.cancel': '撤销重点任务',
  'kt_task.claim': '揭榜认领',
  'kt_task.claim_confirm': '确认认领',
  'kt_task.claim_decline': '不予确认认领',
  'kt_task.claim_withdraw': '撤回认领',
  'kt_task.progress': '报告进展',
  'kt_task.change': '调整目标或时限',
  'kt_task.accountability': '记录问责',
  'kt_task.decision_done': '落实调度会决定',
  'kt_review.create': '创建调度会',
  'kt_review.decide': '调度会决定',
  'kt_review.hold': '调度会召开并形成纪要',
};
