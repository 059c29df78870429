import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';

/** 组织设置 checks (domain-rules §1.1, §1.2, §1.4); the numbers live in packages/rules. */
export const OrgSetupRule = {
  UNIT_WITHOUT_BRANCH: 'unit_without_branch',
  BRANCH_WITHOUT_COMMITTEE: 'branch_without_committee',
  BRANCH_OVERSIZE: 'branch_oversize',
  GENERAL_BRANCH_DUE: 'general_branch_due',
  COMMITTEE_DUE: 'committee_due',
  JOINT_BRANCH_UNITS: 'joint_branch_units',
  TEMPORARY_BRANCH_MEMBERS: 'temporary_branch_members',
} as const;
export type OrgSetupRule = (typeof OrgSetupRule)[keyof typeof OrgSetupRule];
export const ORG_SETUP_RULES = Object.values(OrgSetupRule) as OrgSetupRule[];
export const orgSetupRuleLabel: Record<OrgSetupRule, string> = {
  unit_without_branch: '单位符合条件未单独建支部',
  branch_without_committee: '应设支委会未设立',
  branch_oversize: '党支部党员人数过多',
  general_branch_due: '应设党总支',
  committee_due: '应设基层党委',
  joint_branch_units: '联合党支部覆盖单位过多',
  temporary_branch_members: '临时党支部接收组织关系',
};

/** error: a rule broken now; warning: a setup that should be reviewed. */
export const OrgSetupLevel = { ERROR: 'error', WARNING: 'warning' } as const;
export type OrgSetupLevel = (typeof OrgSetupLevel)[keyof typeof OrgSetupLevel];
export const orgSetupLevelLabel: Record<OrgSetupLevel, string> = { error: '违反规定', warning: '需要调整' };

export const OrgSetupWarningQuery = Type.Object({
  /** Subtree root; defaults to the account's scope. */
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '组织' })),
  /** Only this check. */
  rule: Type.Optional(Type.Unsafe<OrgSetupRule>({ type: 'string', enum: ORG_SETUP_RULES, description: '预警规则' })),
  /** Part of the organization's name. */
  q: Type.Optional(Type.String({ maxLength: 50, description: '组织名称关键字' })),
});
export type OrgSetupWarningQuery = Static<typeof OrgSetupWarningQuery>;

/** One finding of a setup check about one organization. */
export const OrgSetupWarning = Type.Object({
  /** Stable key: `<rule>:<org id>[:<unit>]` */
  key: Type.String(),
  /** Rule id (OrgSetupRule) */
  rule: Type.String(),
  /** error / warning */
  level: Type.String(),
  orgId: Id,
  /** 组织名称 */
  orgName: Type.String(),
  /** 组织类别 */
  orgType: Type.String(),
  /** 上级组织 */
  parentName: Type.Union([Type.String(), Type.Null()]),
  /** What is wrong and what to do, in Chinese */
  message: Type.String(),
  /** The number measured (members, full members, units …) */
  value: Type.Integer(),
  /** The rule's threshold it was compared with */
  threshold: Type.Integer(),
  /** The unit concerned (单位符合条件未单独建支部) */
  unitName: Type.Union([Type.String(), Type.Null()]),
});
export type OrgSetupWarning = Static<typeof OrgSetupWarning>;

/** One organization's findings, for its badge. */
export const OrgSetupOrgStatus = Type.Object({
  orgId: Id,
  /** Number of findings (the badge) */
  count: Type.Integer(),
  warnings: Type.Array(OrgSetupWarning),
});
export type OrgSetupOrgStatus = Static<typeof OrgSetupOrgStatus>;
