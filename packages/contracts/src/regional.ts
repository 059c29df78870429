import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { PHONE_PATTERN } from './member.ts';
import { PERSON_NAME_MAX } from './org.ts';
import { StringEnum } from './reportin.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 区域化党建 三张清单 (issue 14): needs recorded by a community, village or grid; resources offered by
 * resident units (驻区单位) and in-service members; projects joining a need with resources, with the
 * units' consent, activities, results and ratings. Workflows and matching weights are rule set rg-2026
 * in packages/rules (`RG_NEED_WORKFLOW`, `RG_PROJECT_WORKFLOW`, `RG_RULES_2026`).
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = (description: string) => Type.Unsafe<string>({ ...DateOnly, description });
const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_000, description });

export const RG_NEED_STATES = ['open', 'claimed', 'in_progress', 'completed', 'rated', 'closed'] as const;
export type RgNeedStateId = (typeof RG_NEED_STATES)[number];
export const rgNeedStateLabel: Record<RgNeedStateId, string> = {
  open: '待认领',
  claimed: '已认领',
  in_progress: '实施中',
  completed: '已完成',
  rated: '已评价',
  closed: '已关闭',
};
export const rgNeedStateColor: Record<RgNeedStateId, string> = {
  open: 'gold',
  claimed: 'blue',
  in_progress: 'geekblue',
  completed: 'cyan',
  rated: 'green',
  closed: 'default',
};
export const RG_PROJECT_STATES = ['proposed', 'active', 'completed', 'rated', 'withdrawn'] as const;
export type RgProjectStateId = (typeof RG_PROJECT_STATES)[number];
export const rgProjectStateLabel: Record<RgProjectStateId, string> = {
  proposed: '待单位确认',
  active: '实施中',
  completed: '已完成',
  rated: '已评价',
  withdrawn: '已撤销',
};
export const rgProjectStateColor: Record<RgProjectStateId, string> = {
  proposed: 'gold',
  active: 'geekblue',
  completed: 'cyan',
  rated: 'green',
  withdrawn: 'default',
};
export const RG_URGENCY_IDS = ['urgent', 'soon', 'normal'] as const;
export type RgUrgencyId = (typeof RG_URGENCY_IDS)[number];
export const rgUrgencyLabel: Record<RgUrgencyId, string> = { urgent: '紧急', soon: '较急', normal: '一般' };
export const RG_SOURCE_IDS = ['resident', 'opinion', 'visit', 'joint_meeting', 'wish', 'service', 'other'] as const;
export type RgSourceId = (typeof RG_SOURCE_IDS)[number];
export const rgSourceLabel: Record<RgSourceId, string> = {
  resident: '居民提出',
  opinion: '社情民意',
  visit: '走访',
  joint_meeting: '联席会议',
  wish: '微心愿',
  service: '群众诉求',
  other: '其他',
};
export const RG_CONSENT_IDS = ['pending', 'agreed', 'declined'] as const;
export type RgConsentId = (typeof RG_CONSENT_IDS)[number];
export const rgConsentLabel: Record<RgConsentId, string> = { pending: '待确认', agreed: '已同意', declined: '已谢绝' };
export const RG_VERDICT_IDS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type RgVerdictId = (typeof RG_VERDICT_IDS)[number];
export const rgVerdictLabel: Record<RgVerdictId, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };
export const RG_OWNER_KINDS = ['unit', 'member'] as const;
export type RgOwnerKind = (typeof RG_OWNER_KINDS)[number];
export const rgOwnerKindLabel: Record<RgOwnerKind, string> = { unit: '驻区单位', member: '在职党员' };

export const RG_TITLE_MAX = 60;
export const RG_TEXT_MAX = 1000;
export const RG_SHORT_MAX = 100;
export const RG_REASON_MAX = 200;
export const RG_Q_MAX = 30;

const Title = Type.String({ minLength: 2, maxLength: RG_TITLE_MAX, description: '名称' });
const Text = (description: string, minLength = 1) => Type.String({ minLength, maxLength: RG_TEXT_MAX, description });
const Short = (description: string) => Type.String({ minLength: 1, maxLength: RG_SHORT_MAX, description });
const Reason = Type.String({ minLength: 1, maxLength: RG_REASON_MAX, description: '原因' });
const Count = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });
const CategoryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', description: '类别代码' });

// ---------------------------------------------------------------- the category dictionary

export const RgCategory = Type.Object({ code: Type.String(), name: Type.String(), sort: Type.Integer(), active: Type.Boolean() });
export type RgCategory = Static<typeof RgCategory>;
export const RgCategoryInput = Type.Object({
  code: CategoryCode,
  name: Type.String({ minLength: 2, maxLength: 20, description: '类别名称' }),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999, description: '排序' })),
  active: Type.Optional(Type.Boolean({ description: '启用' })),
});
export type RgCategoryInput = Static<typeof RgCategoryInput>;
export const RgCategoryParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

// ---------------------------------------------------------------- needs

export const RgNeedInput = Type.Object({
  /** The community, village or grid organization recording it (in the account's scope). */
  orgId: Type.Unsafe<string>({ ...Id, description: '需求所属组织（社区、村或网格）' }),
  categoryCode: CategoryCode,
  title: Title,
  description: Text('需求描述'),
  beneficiaries: Type.String({ minLength: 2, maxLength: RG_SHORT_MAX, description: '受益对象（描述对象，不写姓名电话）' }),
  beneficiaryCount: Type.Optional(Nullable(Count('受益人数'))),
  place: Type.Optional(Nullable(Short('地点'))),
  urgency: StringEnum(RG_URGENCY_IDS, '紧急程度'),
  wantedBy: Type.Optional(Nullable(Day('期望完成日期'))),
  estMoneyFen: Type.Optional(Nullable(Fen('预计资金（分）'))),
  estPeople: Type.Optional(Nullable(Count('预计人力（人）'))),
  source: StringEnum(RG_SOURCE_IDS, '需求来源'),
  /** The record it came from in another module (e.g. `service_request` and its id). */
  sourceKind: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40, description: '来源记录类型' }))),
  sourceId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, description: '来源记录编号' }))),
});
export type RgNeedInput = Static<typeof RgNeedInput>;
export const RgNeedEditInput = Type.Composite([RgNeedInput, Type.Object({ version: Version })]);
export type RgNeedEditInput = Static<typeof RgNeedEditInput>;

export const RgNeed = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  beneficiaries: Type.String(),
  beneficiaryCount: Nullable(Type.Integer()),
  place: Nullable(Type.String()),
  urgency: StringEnum(RG_URGENCY_IDS, '紧急程度'),
  wantedBy: Nullable(DateOnly),
  estMoneyFen: Nullable(Type.Integer()),
  estPeople: Nullable(Type.Integer()),
  source: StringEnum(RG_SOURCE_IDS, '需求来源'),
  sourceKind: Nullable(Type.String()),
  sourceId: Nullable(Type.String()),
  state: StringEnum(RG_NEED_STATES, '状态'),
  version: Type.Integer(),
  claimedUnitId: Nullable(Id),
  claimedUnitName: Nullable(Type.String()),
  claimedAt: Nullable(Timestamp),
  claimNote: Nullable(Type.String()),
  projectId: Nullable(Id),
  closeReason: Nullable(Type.String()),
  recordedOn: DateOnly,
  /** Open past the wanted-by date, or unclaimed longer than rule rg-need-stale allows. */
  overdue: Type.Boolean(),
  createdAt: Timestamp,
});
export type RgNeed = Static<typeof RgNeed>;

export const RgNeedQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  state: Type.Optional(StringEnum(RG_NEED_STATES, '状态')),
  categoryCode: Type.Optional(CategoryCode),
  urgency: Type.Optional(StringEnum(RG_URGENCY_IDS, '紧急程度')),
  /** An organization in scope: its subtree. */
  orgId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean({ description: '只看逾期' })),
  q: Type.Optional(Type.String({ maxLength: RG_Q_MAX, description: '关键字' })),
});
export type RgNeedQuery = Static<typeof RgNeedQuery>;

/** What the account may do with a need (the web shows only these). */
export const RgNeedCan = Type.Object({
  edit: Type.Boolean(),
  claim: Type.Boolean(),
  release: Type.Boolean(),
  propose: Type.Boolean(),
  close: Type.Boolean(),
});
export const RgNeedDetail = Type.Intersect([
  RgNeed,
  Type.Object({ history: Type.Array(WorkflowEvent), can: RgNeedCan, project: Nullable(Type.Object({ id: Id, title: Type.String(), state: Type.String() })) }),
]);
export type RgNeedDetail = Static<typeof RgNeedDetail>;

export const RgClaimInput = Type.Object({
  version: Type.Optional(Version),
  /** Which of the account's units claims (default its earliest report). */
  unitId: Type.Optional(Id),
  note: Type.Optional(Nullable(Type.String({ maxLength: RG_REASON_MAX, description: '认领说明（如何满足需求）' }))),
});
export type RgClaimInput = Static<typeof RgClaimInput>;
export const RgReasonInput = Type.Object({ version: Type.Optional(Version), reason: Reason });
export type RgReasonInput = Static<typeof RgReasonInput>;

/** The board of open needs by community. */
export const RgBoardQuery = Type.Object({ orgId: Type.Optional(Id) });
export const RgBoard = Type.Object({
  communities: Type.Array(
    Type.Object({
      communityId: Id,
      communityName: Type.String(),
      streetName: Nullable(Type.String()),
      open: Type.Integer(),
      urgent: Type.Integer(),
      overdue: Type.Integer(),
      needs: Type.Array(RgNeed),
    }),
  ),
});
export type RgBoard = Static<typeof RgBoard>;

// ---------------------------------------------------------------- resources

export const RgResourceInput = Type.Object({
  ownerKind: StringEnum(RG_OWNER_KINDS, '提供方'),
  /** A unit's report (双报到); a 驻区单位 account may omit it (its own). */
  unitId: Type.Optional(Nullable(Id)),
  /** An in-service member's report (双报到), for a member's resource recorded by the community. */
  memberReportId: Type.Optional(Nullable(Id)),
  categoryCode: CategoryCode,
  title: Title,
  description: Text('资源描述'),
  capacityPeople: Type.Optional(Nullable(Count('可提供人力（人）'))),
  capacityHoursMonth: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100_000, description: '每月可提供时长（小时）' }))),
  capacityMoneyFen: Type.Optional(Nullable(Fen('可提供资金（分）'))),
  venue: Type.Optional(Nullable(Short('可提供场地及开放时间'))),
  availableFrom: Type.Optional(Nullable(Day('提供期开始'))),
  availableTo: Type.Optional(Nullable(Day('提供期结束'))),
  contactName: Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, description: '联系人' }),
  phone: Type.String({ pattern: PHONE_PATTERN, description: '联系电话' }),
  /** Other communities it is offered to, besides the owner's own. */
  offeredTo: Type.Optional(Type.Array(Id, { maxItems: 50, description: '面向的其他社区' })),
});
export type RgResourceInput = Static<typeof RgResourceInput>;
export const RgResourceEditInput = Type.Composite([RgResourceInput, Type.Object({ version: Version })]);
export type RgResourceEditInput = Static<typeof RgResourceEditInput>;

export const RgResource = Type.Object({
  id: Id,
  ownerKind: StringEnum(RG_OWNER_KINDS, '提供方'),
  ownerName: Type.String(),
  unitId: Nullable(Id),
  memberReportId: Nullable(Id),
  communityId: Id,
  communityName: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  capacityPeople: Nullable(Type.Integer()),
  capacityHoursMonth: Nullable(Type.Number()),
  capacityMoneyFen: Nullable(Type.Integer()),
  venue: Nullable(Type.String()),
  availableFrom: Nullable(DateOnly),
  availableTo: Nullable(DateOnly),
  contactName: Type.String(),
  /** Masked unless asked for in full with personal:unmask (audited) or read by its own unit. */
  phone: Type.String(),
  unmasked: Type.Boolean(),
  offeredTo: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  state: StringEnum(['offered', 'withdrawn'] as const, '状态'),
  version: Type.Integer(),
  /** Projects it is in (live ones). */
  projects: Type.Integer(),
  createdAt: Timestamp,
});
export type RgResource = Static<typeof RgResource>;
export const RgResourceQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  categoryCode: Type.Optional(CategoryCode),
  ownerKind: Type.Optional(StringEnum(RG_OWNER_KINDS, '提供方')),
  state: Type.Optional(StringEnum(['offered', 'withdrawn'] as const, '状态')),
  orgId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: RG_Q_MAX, description: '关键字' })),
});
export type RgResourceQuery = Static<typeof RgResourceQuery>;
export const RgUnmaskQuery = Type.Object({ unmask: Type.Optional(Type.Boolean({ description: '显示完整电话（记入审计）' })) });
export const RgWithdrawInput = Type.Object({ version: Type.Optional(Version) });

// ---------------------------------------------------------------- matching

export const RgMatchReason = Type.Object({ rule: Type.String(), points: Type.Integer(), text: Type.String() });
export const RgProposal = Type.Object({ score: Type.Integer(), reasons: Type.Array(RgMatchReason), resource: RgResource });
export type RgProposal = Static<typeof RgProposal>;
export const RgMatches = Type.Object({ needId: Id, proposals: Type.Array(RgProposal) });
export type RgMatches = Static<typeof RgMatches>;

// ---------------------------------------------------------------- projects

export const RgProjectInput = Type.Object({
  needId: Id,
  title: Title,
  plan: Text('实施方案'),
  startDate: Day('开始日期'),
  endDate: Day('结束日期'),
  budgetFen: Type.Optional(Fen('预算（分）')),
  plannedPeople: Type.Optional(Nullable(Count('计划投入人力'))),
  /** The resources joined (their units must agree); the unit that claimed the need is in it already. */
  resourceIds: Type.Array(Id, { maxItems: 20, uniqueItems: true, description: '对接的资源' }),
});
export type RgProjectInput = Static<typeof RgProjectInput>;

export const RgProjectPart = Type.Object({
  resourceId: Nullable(Id),
  resourceTitle: Nullable(Type.String()),
  unitId: Nullable(Id),
  ownerName: Type.String(),
  consent: StringEnum(RG_CONSENT_IDS, '单位意见'),
  decidedAt: Nullable(Timestamp),
  declineReason: Nullable(Type.String()),
});
export const RgProject = Type.Object({
  id: Id,
  needId: Id,
  needTitle: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  title: Type.String(),
  plan: Type.String(),
  startDate: DateOnly,
  endDate: DateOnly,
  budgetFen: Type.Integer(),
  plannedPeople: Nullable(Type.Integer()),
  state: StringEnum(RG_PROJECT_STATES, '状态'),
  version: Type.Integer(),
  results: Nullable(Type.String()),
  fundsFen: Nullable(Type.Integer()),
  problemsSolved: Nullable(Type.Integer()),
  completedOn: Nullable(DateOnly),
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
  ratedOn: Nullable(DateOnly),
  withdrawReason: Nullable(Type.String()),
  parts: Type.Array(RgProjectPart),
  activities: Type.Integer(),
  hours: Type.Number(),
  /** Active past its end date. */
  overdue: Type.Boolean(),
  createdAt: Timestamp,
});
export type RgProject = Static<typeof RgProject>;
export const RgProjectQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  state: Type.Optional(StringEnum(RG_PROJECT_STATES, '状态')),
  categoryCode: Type.Optional(CategoryCode),
  orgId: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2099, description: '年度（开始日期）' })),
  q: Type.Optional(Type.String({ maxLength: RG_Q_MAX, description: '关键字' })),
});
export type RgProjectQuery = Static<typeof RgProjectQuery>;

export const RgActivity = Type.Object({
  id: Id,
  heldOn: DateOnly,
  title: Type.String(),
  description: Nullable(Type.String()),
  participants: Type.Integer(),
  hours: Type.Number(),
  beneficiaries: Type.Integer(),
  unitId: Nullable(Id),
  unitName: Nullable(Type.String()),
  photos: Type.Array(Attachment),
  createdAt: Timestamp,
});
export type RgActivity = Static<typeof RgActivity>;
export const RgActivityInput = Type.Object({
  heldOn: Day('活动日期'),
  title: Title,
  description: Type.Optional(Nullable(Text('活动内容'))),
  participants: Type.Integer({ minimum: 1, maximum: 100_000, description: '参与人数' }),
  hours: Type.Number({ minimum: 0, maximum: 1_000_000, description: '服务时长合计（小时）' }),
  beneficiaries: Type.Optional(Count('受益人数')),
  /** The unit whose people took part (one of the project's units). */
  unitId: Type.Optional(Nullable(Id)),
});
export type RgActivityInput = Static<typeof RgActivityInput>;
export const RgActivityParams = Type.Object({ id: Id, activityId: Id });
export const RgActivityFileParams = Type.Object({ id: Id, activityId: Id, fileId: Id });

export const RgFeedback = Type.Object({
  id: Id,
  verdict: StringEnum(RG_VERDICT_IDS, '评价'),
  comment: Nullable(Type.String()),
  rater: Nullable(Type.String()),
  createdAt: Timestamp,
});
export const RgFeedbackInput = Type.Object({
  verdict: StringEnum(RG_VERDICT_IDS, '评价'),
  comment: Type.Optional(Nullable(Type.String({ maxLength: RG_REASON_MAX, description: '意见' }))),
  rater: Type.Optional(Nullable(Type.String({ maxLength: PERSON_NAME_MAX, description: '评价人（可写"居民"）' }))),
});
export type RgFeedbackInput = Static<typeof RgFeedbackInput>;

export const RgConsentInput = Type.Object({
  agree: Type.Boolean({ description: '同意参与' }),
  reason: Type.Optional(Nullable(Type.String({ maxLength: RG_REASON_MAX, description: '谢绝原因' }))),
  unitId: Type.Optional(Id),
});
export type RgConsentInput = Static<typeof RgConsentInput>;
export const RgCompleteInput = Type.Object({
  version: Type.Optional(Version),
  results: Text('项目成效', 2),
  fundsFen: Type.Optional(Nullable(Fen('投入资金（分）'))),
  problemsSolved: Type.Optional(Nullable(Count('解决实际问题（件）'))),
});
export type RgCompleteInput = Static<typeof RgCompleteInput>;
export const RgRateInput = Type.Object({
  version: Type.Optional(Version),
  rating: Type.Integer({ minimum: 1, maximum: 5, description: '社区评价（1–5 星）' }),
  comment: Type.Optional(Nullable(Type.String({ maxLength: RG_REASON_MAX, description: '评价意见' }))),
});
export type RgRateInput = Static<typeof RgRateInput>;

export const RgProjectCan = Type.Object({
  /** The account's unit has a pending consent. */
  consent: Type.Boolean(),
  activity: Type.Boolean(),
  complete: Type.Boolean(),
  rate: Type.Boolean(),
  withdraw: Type.Boolean(),
  feedback: Type.Boolean(),
});
export const RgProjectDetail = Type.Intersect([
  RgProject,
  Type.Object({
    need: RgNeed,
    activityList: Type.Array(RgActivity),
    feedback: Type.Array(RgFeedback),
    satisfaction: Type.Object({ satisfied: Type.Integer(), fair: Type.Integer(), unsatisfied: Type.Integer() }),
    history: Type.Array(WorkflowEvent),
    can: RgProjectCan,
  }),
]);
export type RgProjectDetail = Static<typeof RgProjectDetail>;

// ---------------------------------------------------------------- units and figures

export const RgUnitSummary = Type.Object({
  unitId: Id,
  unitName: Type.String(),
  creditCode: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  resources: Type.Integer(),
  claims: Type.Integer(),
  projects: Type.Integer(),
  activities: Type.Integer(),
  hours: Type.Number(),
});
export type RgUnitSummary = Static<typeof RgUnitSummary>;
export const RgUnitQuery = Type.Object({ orgId: Type.Optional(Id), q: Type.Optional(Type.String({ maxLength: RG_Q_MAX })) });

export const RgUnitLedger = Type.Object({
  unit: RgUnitSummary,
  year: Type.Integer(),
  resources: Type.Array(RgResource),
  claimed: Type.Array(RgNeed),
  projects: Type.Array(RgProject),
  activities: Type.Array(Type.Intersect([RgActivity, Type.Object({ projectId: Id, projectTitle: Type.String() })])),
  totals: Type.Object({
    activities: Type.Integer(),
    hours: Type.Number(),
    participants: Type.Integer(),
    beneficiaries: Type.Integer(),
    fundsFen: Type.Integer(),
    problemsSolved: Type.Integer(),
  }),
});
export type RgUnitLedger = Static<typeof RgUnitLedger>;
export const RgYearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2099, description: '年度' })) });

export const RgStatsQuery = Type.Object({
  orgId: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2099, description: '年度' })),
});
const Figures = {
  needs: Type.Integer(),
  met: Type.Integer(),
  onTime: Type.Integer(),
  projects: Type.Integer(),
  units: Type.Integer(),
  hours: Type.Number(),
  fundsFen: Type.Integer(),
  problemsSolved: Type.Integer(),
};
export const RgStats = Type.Object({
  year: Type.Integer(),
  orgId: Id,
  orgName: Type.String(),
  totals: Type.Object(Figures),
  byChild: Type.Array(Type.Object({ orgId: Id, orgName: Type.String(), ...Figures })),
  byCategory: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), needs: Type.Integer(), projects: Type.Integer(), met: Type.Integer() })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), needs: Type.Integer(), met: Type.Integer(), hours: Type.Number() })),
});
export type RgStats = Static<typeof RgStats>;

export const RgImportResult = Type.Object({ imported: Type.Integer() });

/** Audit actions of the module (labels in the audit page). */
export const regionalAuditLabel: Record<string, string> = {
  'rg_need.create': '登记需求',
  'rg_need.update': '修改需求',
  'rg_need.claim': '认领需求',
  'rg_need.propose': '需求立项对接',
  'rg_need.release': '需求退回待认领',
  'rg_need.start': '需求开始实施',
  'rg_need.complete': '需求完成',
  'rg_need.rate': '需求评价',
  'rg_need.close': '关闭需求',
  'rg_resource.create': '登记资源',
  'rg_resource.update': '修改资源',
  'rg_resource.withdraw': '撤回资源',
  'rg_project.create': '项目立项',
  'rg_project.consent': '单位确认项目',
  'rg_project.start': '项目开始实施',
  'rg_project.activity': '记录项目活动',
  'rg_project.complete': '项目完成',
  'rg_project.rate': '项目评价',
  'rg_project.withdraw': '撤销项目',
  'rg_project.feedback': '记录群众评价',
  'rg_project.import': '导入项目',
  'rg_category.save': '维护需求资源类别',
};
