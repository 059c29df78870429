import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, PageNumber, pageSizeField, Version } from './common.ts';

/**
 * 组织生活 compliance calendar (issue 9): for every organization of a scope and a period, what its
 * rule set requires (三会一课, 主题党日, 组织生活会 …), what was held, and the status on the day.
 */
export const COMPLIANCE_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type CompliancePeriodKind = (typeof COMPLIANCE_PERIOD_KINDS)[number];
export const compliancePeriodKindLabel: Record<CompliancePeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年度' };

export const COMPLIANCE_STATUSES = ['done', 'upcoming', 'due', 'due_soon', 'overdue', 'exempt'] as const;
export type ComplianceStatusCode = (typeof COMPLIANCE_STATUSES)[number];

const PeriodKind = Type.Union(
  COMPLIANCE_PERIOD_KINDS.map((k) => Type.Literal(k)),
  { description: '统计周期：month 月、quarter 季度、year 年度' },
);

export const ComplianceQuery = Type.Object({
  orgId: Type.Optional(Id),
  period: Type.Optional(PeriodKind),
  /** Any day inside the period (default: today). */
  date: Type.Optional(DateOnly),
});
export type ComplianceQuery = Static<typeof ComplianceQuery>;

export const CompliancePeriod = Type.Object({
  kind: PeriodKind,
  start: DateOnly,
  end: DateOnly,
  /** 「2026年12月」「2026年第四季度」「2026年」. */
  label: Type.String(),
});
export type CompliancePeriod = Static<typeof CompliancePeriod>;

/** Counts of requirement-periods by status. `rate` = done ÷ (done + due + due_soon + overdue); null when none is due yet. */
export const ComplianceCounts = Type.Object({
  organizations: Type.Integer(),
  items: Type.Integer(),
  done: Type.Integer(),
  due: Type.Integer(),
  dueSoon: Type.Integer(),
  overdue: Type.Integer(),
  exempt: Type.Integer(),
  upcoming: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]),
});
export type ComplianceCounts = Static<typeof ComplianceCounts>;

export const ComplianceMissing = Type.Object({ requirementId: Type.String(), label: Type.String(), organizations: Type.Integer() });

export const ComplianceChild = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  counts: ComplianceCounts,
  /** What its organizations have not done (overdue, then due), most often first. */
  missing: Type.Array(ComplianceMissing),
  /** Branches without any meeting for the rule set's silentAfterDays. */
  silent: Type.Integer(),
  /** 1 = best rate; children with no rate yet come last. */
  rank: Type.Union([Type.Integer(), Type.Null()]),
});
export type ComplianceChild = Static<typeof ComplianceChild>;

export const ComplianceSummary = Type.Object({
  period: CompliancePeriod,
  today: DateOnly,
  scope: Type.Object({ orgId: Id, orgName: Type.String() }),
  totals: ComplianceCounts,
  silent: Type.Integer(),
  /** Ranked: best rate first. The scope's own organization, when it has requirements, is one of them. */
  children: Type.Array(ComplianceChild),
});
export type ComplianceSummary = Static<typeof ComplianceSummary>;

export const ComplianceItemView = Type.Object({
  requirementId: Type.String(),
  label: Type.String(),
  start: DateOnly,
  end: DateOnly,
  held: Type.Integer(),
  required: Type.Integer(),
  status: Type.Union(COMPLIANCE_STATUSES.map((s) => Type.Literal(s))),
  statusLabel: Type.String(),
});
export type ComplianceItemView = Static<typeof ComplianceItemView>;

export const COMPLIANCE_ORG_FILTERS = ['all', 'missing', 'due', 'done', 'silent'] as const;
export type ComplianceOrgFilter = (typeof COMPLIANCE_ORG_FILTERS)[number];

export const ComplianceOrgQuery = Type.Intersect([
  ComplianceQuery,
  Type.Object({
    status: Type.Optional(
      Type.Union(
        COMPLIANCE_ORG_FILTERS.map((s) => Type.Literal(s)),
        { description: 'all 全部、missing 有未完成、due 有待开展、done 全部完成、silent 沉默支部' },
      ),
    ),
    q: Type.Optional(Type.String({ maxLength: 50, description: '组织名称' })),
    page: PageNumber,
    pageSize: pageSizeField(20),
  }),
]);
export type ComplianceOrgQuery = Static<typeof ComplianceOrgQuery>;
/** The organizations' list as .xlsx: the list's filters, without paging (the whole scope). */
export const ComplianceOrgExportQuery = Type.Omit(ComplianceOrgQuery, ['page', 'pageSize']);
export type ComplianceOrgExportQuery = Static<typeof ComplianceOrgExportQuery>;

export const ComplianceOrgRow = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  orgType: Type.String(),
  parentName: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(ComplianceItemView),
  done: Type.Integer(),
  missing: Type.Integer(),
  lastMeetingDate: Type.Union([DateOnly, Type.Null()]),
  silent: Type.Boolean(),
});
export type ComplianceOrgRow = Static<typeof ComplianceOrgRow>;

export const ComplianceOrgPage = Type.Object({ period: CompliancePeriod, items: Type.Array(ComplianceOrgRow), total: Type.Integer() });
export type ComplianceOrgPage = Static<typeof ComplianceOrgPage>;

export const ComplianceHeatmapQuery = Type.Object({
  orgId: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2099, description: '年份' })),
});
export type ComplianceHeatmapQuery = Static<typeof ComplianceHeatmapQuery>;

/** Rate per child and month: the requirement-periods ending in that month, done ÷ due (null: none due yet). */
export const ComplianceHeatmap = Type.Object({
  year: Type.Integer(),
  months: Type.Array(Type.String()),
  rows: Type.Array(Type.Object({ orgId: Id, orgName: Type.String(), rates: Type.Array(Type.Union([Type.Number(), Type.Null()])) })),
});
export type ComplianceHeatmap = Static<typeof ComplianceHeatmap>;

/** A subtree's own numbers, in force from a date (the defaults apply where none is). */
export const ComplianceOverride = Type.Object({
  requirementId: Type.String({ minLength: 1, maxLength: 60 }),
  /** 0 = not required in this subtree. */
  minCount: Type.Integer({ minimum: 0, maximum: 31 }),
});

export const ComplianceRuleSetInput = Type.Object(
  {
    orgId: Id,
    effectiveFrom: DateOnly,
    overrides: Type.Array(ComplianceOverride, { maxItems: 40 }),
    silentAfterDays: Type.Integer({ minimum: 7, maximum: 366, description: '多少天无任何会议活动视为沉默支部' }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ComplianceRuleSetInput = Static<typeof ComplianceRuleSetInput>;

export const ComplianceRuleSetView = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  effectiveFrom: DateOnly,
  overrides: Type.Array(ComplianceOverride),
  silentAfterDays: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  version: Version,
});
export type ComplianceRuleSetView = Static<typeof ComplianceRuleSetView>;

/** The requirements a subtree may change, with the defaults (for the form). */
export const ComplianceRequirementView = Type.Object({
  requirementId: Type.String(),
  orgTypes: Type.Array(Type.String()),
  label: Type.String(),
  every: PeriodKind,
  minCount: Type.Integer(),
  source: Type.String(),
});

export const ComplianceRules = Type.Object({
  defaults: Type.Object({ id: Type.String(), effectiveFrom: DateOnly, silentAfterDays: Type.Integer(), requirements: Type.Array(ComplianceRequirementView) }),
  /** Rule sets of the scope's subtrees and of its ancestors (which apply to it too), newest first. */
  sets: Type.Array(ComplianceRuleSetView),
});
export type ComplianceRules = Static<typeof ComplianceRules>;
