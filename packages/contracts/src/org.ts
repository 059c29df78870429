import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Timestamp, PageNumber, pageSizeField, Version } from './common.ts';

/** Organization types (组织类别). */
export const OrgType = {
  COMMITTEE: 'committee',
  WORKING_COMMITTEE: 'working_committee',
  GENERAL_BRANCH: 'general_branch',
  BRANCH: 'branch',
  JOINT_BRANCH: 'joint_branch',
  TEMPORARY_BRANCH: 'temporary_branch',
  GROUP: 'group',
  GRID: 'grid',
} as const;
export type OrgType = (typeof OrgType)[keyof typeof OrgType];
export const ORG_TYPES = Object.values(OrgType) as OrgType[];
export const orgTypeLabel: Record<OrgType, string> = {
  committee: '党委',
  working_committee: '党工委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  temporary_branch: '临时党支部',
  group: '党小组',
  grid: '网格党组织',
};

/** Domains (所属领域). */
export const OrgDomain = {
  RURAL: 'rural',
  COMMUNITY: 'community',
  AGENCY: 'agency',
  INSTITUTION: 'institution',
  STATE_ENTERPRISE: 'state_enterprise',
  PRIVATE_ENTERPRISE: 'private_enterprise',
  SOCIAL_ORG: 'social_org',
  SCHOOL: 'school',
  OTHER: 'other',
} as const;
export type OrgDomain = (typeof OrgDomain)[keyof typeof OrgDomain];
export const ORG_DOMAINS = Object.values(OrgDomain) as OrgDomain[];
export const orgDomainLabel: Record<OrgDomain, string> = {
  rural: '农村',
  community: '社区',
  agency: '机关',
  institution: '事业单位',
  state_enterprise: '国有企业',
  private_enterprise: '非公企业',
  social_org: '社会组织',
  school: '学校',
  other: '其他',
};

export const OrgStatus = { ACTIVE: 'active', DISSOLVED: 'dissolved' } as const;
export type OrgStatus = (typeof OrgStatus)[keyof typeof OrgStatus];
export const orgStatusLabel: Record<OrgStatus, string> = { active: '正常', dissolved: '已撤销' };

/** 组建方式: one unit alone, or several units jointly. */
export const FormationMode = { SINGLE: 'single', JOINT: 'joint' } as const;
export type FormationMode = (typeof FormationMode)[keyof typeof FormationMode];
export const formationModeLabel: Record<FormationMode, string> = { single: '单独组建', joint: '联合组建' };

export const CommitteePost = {
  SECRETARY: 'secretary',
  DEPUTY_SECRETARY: 'deputy_secretary',
  ORGANIZATION: 'organization',
  PUBLICITY: 'publicity',
  DISCIPLINE: 'discipline',
  MEMBER: 'member',
  PART_TIME: 'part_time',
} as const;
export type CommitteePost = (typeof CommitteePost)[keyof typeof CommitteePost];
export const COMMITTEE_POSTS = Object.values(CommitteePost) as CommitteePost[];
export const committeePostLabel: Record<CommitteePost, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  member: '委员',
  part_time: '兼职委员',
};

/** 换届 status of an organization's current term. */
export const TermStatus = {
  OK: 'ok',
  NO_TERM: 'no_term',
  DUE_SOON: 'due_soon',
  OVERDUE: 'overdue',
  SERIOUSLY_OVERDUE: 'seriously_overdue',
} as const;
export type TermStatus = (typeof TermStatus)[keyof typeof TermStatus];
export const termStatusLabel: Record<TermStatus, string> = {
  ok: '正常',
  no_term: '未录入届次',
  due_soon: '即将到期',
  overdue: '逾期未换届',
  seriously_overdue: '严重逾期',
};

/** Field limits reused by the web forms. */
export const ORG_NAME_MAX = 100;
export const ORG_SHORT_NAME_MAX = 30;
export const UNIT_NAME_MAX = 100;
export const DOC_NO_MAX = 60;
export const PERSON_NAME_MAX = 30;
export const UNITS_PER_ORG_MAX = 20;

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const OrgUnitInput = Type.Object({
  /** 单位名称 */
  name: Type.String({ minLength: 1, maxLength: UNIT_NAME_MAX, description: '单位名称' }),
  /** 统一社会信用代码 (18 chars, GB 32100 check digit); optional for units without one. */
  creditCode: Type.Optional(Type.Union([Type.String({ maxLength: 40, description: '统一社会信用代码' }), Type.Null()])),
  /** 单位类别 */
  category: Enum(ORG_DOMAINS, '单位类别'),
});
export type OrgUnitInput = Static<typeof OrgUnitInput>;

export const OrgInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: ORG_NAME_MAX, description: '组织全称' }),
  shortName: Type.Optional(Type.Union([Type.String({ maxLength: ORG_SHORT_NAME_MAX }), Type.Null()])),
  type: Enum(ORG_TYPES, '组织类别'),
  domain: Enum(ORG_DOMAINS, '所属领域'),
  /** 隶属关系: the parent organization; required except for the root. */
  parentId: Type.Union([Id, Type.Null()]),
  formationMode: Enum(Object.values(FormationMode), '组建方式'),
  units: Type.Array(OrgUnitInput, { maxItems: UNITS_PER_ORG_MAX, description: '所在单位' }),
  approvalDocNo: Type.Optional(Type.Union([Type.String({ maxLength: DOC_NO_MAX }), Type.Null()])),
  approvalDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  /** Optional 组织代码 (as in the national system); unique within the region. */
  code: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
});
export type OrgInput = Static<typeof OrgInput>;

/** PATCH body: everything but the parent (moved by its own endpoint). */
export const OrgUpdate = Type.Composite([Type.Partial(Type.Omit(OrgInput, ['parentId'])), Type.Object({ version: Type.Optional(Version) })]);
export type OrgUpdate = Static<typeof OrgUpdate>;

export const OrgUnit = Type.Object({
  name: Type.String(),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
});

export const OrgSummary = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  domain: Type.String(),
  status: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  depth: Type.Integer(),
  childCount: Type.Integer(),
  termStatus: Type.String(),
  termEndDate: Type.Union([DateOnly, Type.Null()]),
});
export type OrgSummary = Static<typeof OrgSummary>;

export const Org = Type.Composite([
  OrgSummary,
  Type.Object({
    code: Type.Union([Type.String(), Type.Null()]),
    formationMode: Type.String(),
    units: Type.Array(OrgUnit),
    approvalDocNo: Type.Union([Type.String(), Type.Null()]),
    approvalDate: Type.Union([DateOnly, Type.Null()]),
    /** Names from the root down to the parent, for breadcrumbs. */
    ancestors: Type.Array(Type.Object({ id: Id, name: Type.String() })),
    /** Direct children counted by type. */
    childCountsByType: Type.Record(Type.String(), Type.Integer()),
    /** Send back on save (optimistic locking). */
    version: Version,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
]);
export type Org = Static<typeof Org>;

export const OrgListQuery = Type.Object({
  parentId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 50, description: '名称关键字' })),
  type: Type.Optional(Enum(ORG_TYPES, '组织类别')),
  includeDissolved: Type.Optional(Type.Boolean()),
  page: PageNumber,
  pageSize: pageSizeField(50),
});
export type OrgListQuery = Static<typeof OrgListQuery>;

export const OrgMoveInput = Type.Object({ newParentId: Id });
export type OrgMoveInput = Static<typeof OrgMoveInput>;

export const CommitteeMemberInput = Type.Object({
  personName: Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, description: '姓名' }),
  post: Enum(COMMITTEE_POSTS, '职务'),
  /** For 兼职委员 of a 大党委: the resident unit they come from. */
  unitName: Type.Optional(Type.Union([Type.String({ maxLength: UNIT_NAME_MAX }), Type.Null()])),
  startDate: DateOnly,
  endDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  /** On update: the version the form started from (or If-Match). */
  version: Type.Optional(Version),
});
export type CommitteeMemberInput = Static<typeof CommitteeMemberInput>;
export const CommitteeMember = Type.Composite([
  Type.Object({ id: Id, orgId: Id }),
  Type.Object({
    personName: Type.String(),
    post: Type.String(),
    unitName: Type.Union([Type.String(), Type.Null()]),
    startDate: DateOnly,
    endDate: Type.Union([DateOnly, Type.Null()]),
    version: Version,
  }),
]);
export type CommitteeMember = Static<typeof CommitteeMember>;

export const TermInput = Type.Object({
  /** 届次, e.g. 3 for 第三届 */
  termNo: Type.Integer({ minimum: 1, maximum: 99, description: '届次' }),
  startDate: DateOnly,
  /** Defaults to start + the rule set's term length for the organization. */
  endDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
});
export type TermInput = Static<typeof TermInput>;
export const Term = Type.Object({
  id: Id,
  orgId: Id,
  termNo: Type.Integer(),
  startDate: DateOnly,
  endDate: DateOnly,
  termYears: Type.Integer(),
});
export type Term = Static<typeof Term>;

export const TermProblem = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  orgType: Type.String(),
  parentName: Type.Union([Type.String(), Type.Null()]),
  termNo: Type.Union([Type.Integer(), Type.Null()]),
  termEndDate: Type.Union([DateOnly, Type.Null()]),
  status: Type.String(),
  /** Days until (negative: since) the end of the term. */
  daysLeft: Type.Union([Type.Integer(), Type.Null()]),
});
export type TermProblem = Static<typeof TermProblem>;

/** The 换届预警 export: every problem of the scope, or those of one status (the page's filter). */
export const TermProblemExportQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('seriously_overdue'), Type.Literal('overdue'), Type.Literal('due_soon'), Type.Literal('no_term')], { description: '状态' }),
  ),
});
export type TermProblemExportQuery = Static<typeof TermProblemExportQuery>;

/** 换届 status of the elected organizations under one direct child of the reader's organization (the child included). */
export const TermStatusByChild = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  /** Term runs on beyond the due-soon window. */
  ok: Type.Integer(),
  dueSoon: Type.Integer(),
  /** 逾期 and 严重逾期. */
  overdue: Type.Integer(),
  /** 未录入届次. */
  noTerm: Type.Integer(),
});
export type TermStatusByChild = Static<typeof TermStatusByChild>;

export const TreeCounts = Type.Object({
  rootId: Id,
  total: Type.Integer(),
  byType: Type.Record(Type.String(), Type.Integer()),
});
export type TreeCounts = Static<typeof TreeCounts>;
