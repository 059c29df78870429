import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { PHONE_PATTERN } from './member.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 结对共建 agreements (契约化共建, issue 14): an organization (side 甲方, e.g. an agency branch) paired
 * with a village, community or enterprise Party organization (side 乙方) for a term, with content
 * areas (the 四联四共 by default), named contacts on both sides, a yearly plan of commitments and a
 * log of joint activities, problems solved and funds raised. The workflow and the numbers are the
 * rule set `cobuild-2026` in packages/rules.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Day = (description: string) => Type.Unsafe<string>({ ...DateOnly, description });

export const COBUILD_STATES = ['draft', 'pending', 'active', 'expired', 'terminated'] as const;
export type CobuildState = (typeof COBUILD_STATES)[number];
export const cobuildStateLabel: Record<CobuildState, string> = {
  draft: '草稿',
  pending: '待对方确认',
  active: '生效',
  expired: '已到期',
  terminated: '已终止',
};
export const cobuildStateColor: Record<CobuildState, string> = { draft: 'default', pending: 'gold', active: 'green', expired: 'purple', terminated: 'red' };

/** What side 乙方 is: its organization's domain decides (农村 → 村, 社区 → 社区, 国有/非公企业 → 企业). */
export const COBUILD_PARTNER_KINDS = ['village', 'community', 'enterprise'] as const;
export type CobuildPartnerKind = (typeof COBUILD_PARTNER_KINDS)[number];
export const cobuildPartnerKindLabel: Record<CobuildPartnerKind, string> = { village: '村', community: '社区', enterprise: '企业' };

export const COBUILD_SIDES = ['a', 'b'] as const;
export type CobuildSide = (typeof COBUILD_SIDES)[number];
export const cobuildSideLabel: Record<CobuildSide, string> = { a: '甲方', b: '乙方' };

/** Steps a user takes (POST …/actions); 到期 is the job's, 续签 has its own route. */
export const COBUILD_USER_ACTIONS = ['submit', 'withdraw', 'confirm', 'decline', 'terminate', 'discard'] as const;
export type CobuildUserAction = (typeof COBUILD_USER_ACTIONS)[number];
export const cobuildActionLabel: Record<CobuildUserAction | 'expire' | 'renew', string> = {
  submit: '提交对方确认',
  withdraw: '撤回',
  confirm: '确认签订',
  decline: '退回修改',
  terminate: '终止协议',
  discard: '作废',
  expire: '到期',
  renew: '续签',
};
/** Steps that need a reason (the web asks in a dialog). */
export const COBUILD_REASON_ACTIONS: readonly CobuildUserAction[] = ['decline', 'terminate', 'discard'];

export const COBUILD_LOG_KINDS = ['activity', 'problem', 'fund'] as const;
export type CobuildLogKind = (typeof COBUILD_LOG_KINDS)[number];
export const cobuildLogKindLabel: Record<CobuildLogKind, string> = { activity: '共建活动', problem: '解决问题', fund: '筹集资金' };

export const COBUILD_TITLE_MAX = 80;
export const COBUILD_HEADING_MAX = 20;
export const COBUILD_HEADINGS_MAX = 8;
export const COBUILD_CONTACTS_MAX = 10;
export const COBUILD_NAME_MAX = 30;
export const COBUILD_TEXT_MAX = 500;
export const COBUILD_REASON_MAX = 200;
export const COBUILD_Q_MAX = 30;
export const COBUILD_PARTICIPANTS_MAX = 100_000;
export const COBUILD_COUNT_MAX = 10_000;
/** The schema's bound on one entry of funds: 10 亿元 in fen. */
export const COBUILD_AMOUNT_MAX_FEN = 100_000_000_000;

const Text = (description: string, max = COBUILD_TEXT_MAX, min = 1) => Type.String({ minLength: min, maxLength: max, description });
const Heading = Type.String({ minLength: 1, maxLength: COBUILD_HEADING_MAX, description: '共建内容（如：党建工作联创）' });

export const CobuildOrgRef = Type.Object({
  id: Id,
  name: Type.String({ description: '党组织名称' }),
  parentName: Nullable(Type.String({ description: '上级党组织' })),
});
export type CobuildOrgRef = Static<typeof CobuildOrgRef>;

/** A contact as read: the phone masked unless the reader unmasked it (personal:unmask, audited). */
export const CobuildContact = Type.Object({
  id: Id,
  side: Enum(COBUILD_SIDES, '所属方'),
  name: Type.String({ description: '姓名' }),
  post: Type.String({ description: '职务' }),
  phone: Type.String({ description: '联系电话（默认遮蔽）' }),
});
export type CobuildContact = Static<typeof CobuildContact>;

export const CobuildContactInput = Type.Object({
  side: Enum(COBUILD_SIDES, '所属方'),
  name: Text('姓名', COBUILD_NAME_MAX),
  post: Text('职务', COBUILD_NAME_MAX),
  phone: Type.String({ pattern: PHONE_PATTERN, maxLength: 14, description: '联系电话' }),
});
export type CobuildContactInput = Static<typeof CobuildContactInput>;

/** One line of the list and the ledger. */
export const CobuildAgreement = Type.Object({
  id: Id,
  title: Type.String({ description: '协议名称' }),
  termNo: Type.Integer({ description: '第几期（续签递增）' }),
  orgA: CobuildOrgRef,
  orgB: CobuildOrgRef,
  partnerKind: Enum(COBUILD_PARTNER_KINDS, '乙方类别'),
  draftingSide: Enum(COBUILD_SIDES, '起草方'),
  startOn: Type.String({ description: '协议开始日期' }),
  endOn: Type.String({ description: '协议结束日期' }),
  headings: Type.Array(Type.String(), { description: '共建内容' }),
  state: Enum(COBUILD_STATES, '状态'),
  stateLabel: Type.String(),
  /** In force and ending within the rule set's reminder window. */
  expiring: Type.Boolean({ description: '即将到期' }),
  daysLeft: Nullable(Type.Integer({ description: '距到期天数（生效中）' })),
  activities: Type.Integer({ description: '共建活动（次）' }),
  participants: Type.Integer({ description: '参与人次' }),
  problems: Type.Integer({ description: '解决问题（件）' }),
  fundsFen: Type.Number({ description: '筹集资金（分）' }),
  commitments: Type.Object({ total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
  renewedFromId: Nullable(Id),
  renewedToId: Nullable(Id),
  version: Type.Integer(),
  updatedAt: Timestamp,
});
export type CobuildAgreement = Static<typeof CobuildAgreement>;

export const CobuildCommitment = Type.Object({
  id: Id,
  heading: Type.String({ description: '共建内容' }),
  content: Type.String({ description: '承诺事项' }),
  dueOn: Type.String({ description: '完成时限' }),
  side: Enum(COBUILD_SIDES, '责任方'),
  doneOn: Nullable(Type.String({ description: '完成日期' })),
  doneNote: Nullable(Type.String({ description: '完成情况' })),
  status: Enum(['open', 'done', 'overdue'] as const, '状态'),
});
export type CobuildCommitment = Static<typeof CobuildCommitment>;

export const CobuildLogEntry = Type.Object({
  id: Id,
  kind: Enum(COBUILD_LOG_KINDS, '类别'),
  on: Type.String({ description: '日期' }),
  heading: Nullable(Type.String({ description: '共建内容' })),
  title: Nullable(Type.String({ description: '活动名称' })),
  participants: Nullable(Type.Integer({ description: '参与人数' })),
  count: Nullable(Type.Integer({ description: '解决问题件数' })),
  amountFen: Nullable(Type.Number({ description: '金额（分）' })),
  source: Nullable(Type.String({ description: '资金来源' })),
  purpose: Nullable(Type.String({ description: '资金用途' })),
  description: Nullable(Type.String({ description: '说明' })),
  side: Enum(COBUILD_SIDES, '记录方'),
  recordedByName: Nullable(Type.String({ description: '记录人' })),
});
export type CobuildLogEntry = Static<typeof CobuildLogEntry>;

export const CobuildAgreementDetail = Type.Intersect([
  CobuildAgreement,
  Type.Object({
    contacts: Type.Array(CobuildContact),
    /** The phones are shown in full (the request asked for it, and the read was audited). */
    unmasked: Type.Boolean(),
    plan: Type.Array(CobuildCommitment),
    log: Type.Array(CobuildLogEntry),
    history: Type.Array(WorkflowEvent),
    signedOn: Nullable(Type.String({ description: '签订日期' })),
    signedByName: Nullable(Type.String({ description: '确认人' })),
    terminatedOn: Nullable(Type.String({ description: '终止日期' })),
    lastReason: Nullable(Type.String({ description: '最近的原因（退回、终止、作废）' })),
    createdByName: Nullable(Type.String({ description: '起草人' })),
    /** Which side(s) the reader's scope covers. */
    mySides: Type.Array(Enum(COBUILD_SIDES, '本方')),
    /** What the reader may do now (buttons). */
    can: Type.Object({
      edit: Type.Boolean({ description: '修改协议（草稿）' }),
      contacts: Type.Boolean({ description: '修改联系人（生效中）' }),
      actions: Type.Array(Enum(COBUILD_USER_ACTIONS, '操作')),
      renew: Type.Boolean(),
      plan: Type.Boolean({ description: '编制年度计划' }),
      record: Type.Boolean({ description: '记录共建台账、完成承诺' }),
      unmask: Type.Boolean(),
    }),
  }),
]);
export type CobuildAgreementDetail = Static<typeof CobuildAgreementDetail>;

export const CobuildAgreementInput = Type.Object({
  /** Default: 「<甲方>与<乙方>结对共建协议」. */
  title: Type.Optional(Nullable(Type.String({ maxLength: COBUILD_TITLE_MAX, description: '协议名称' }))),
  orgAId: Type.Unsafe<string>({ ...Id, description: '甲方党组织' }),
  orgBId: Type.Unsafe<string>({ ...Id, description: '乙方党组织（村、社区、企业）' }),
  startOn: Day('协议开始日期'),
  endOn: Day('协议结束日期'),
  /** Default: the rule set's headings (四联四共). */
  headings: Type.Optional(Type.Array(Heading, { maxItems: COBUILD_HEADINGS_MAX, description: '共建内容' })),
  contacts: Type.Array(CobuildContactInput, { maxItems: COBUILD_CONTACTS_MAX, description: '双方联系人' }),
});
export type CobuildAgreementInput = Static<typeof CobuildAgreementInput>;

/** A draft's fields (the drafting side), or — in force — only the contacts (either side). */
export const CobuildAgreementUpdate = Type.Object({
  title: Type.Optional(Nullable(Type.String({ maxLength: COBUILD_TITLE_MAX, description: '协议名称' }))),
  startOn: Type.Optional(Day('协议开始日期')),
  endOn: Type.Optional(Day('协议结束日期')),
  headings: Type.Optional(Type.Array(Heading, { maxItems: COBUILD_HEADINGS_MAX, description: '共建内容' })),
  contacts: Type.Optional(Type.Array(CobuildContactInput, { maxItems: COBUILD_CONTACTS_MAX, description: '双方联系人' })),
  version: Type.Optional(Version),
});
export type CobuildAgreementUpdate = Static<typeof CobuildAgreementUpdate>;

export const CobuildActionInput = Type.Object({
  action: Enum(COBUILD_USER_ACTIONS, '操作'),
  reason: Type.Optional(Nullable(Type.String({ maxLength: COBUILD_REASON_MAX, description: '原因（退回、终止、作废时必填）' }))),
  version: Type.Optional(Version),
});
export type CobuildActionInput = Static<typeof CobuildActionInput>;

export const CobuildRenewInput = Type.Object({
  /** Default: the day after the old term ends. */
  startOn: Type.Optional(Day('新一期开始日期')),
  /** Default: as long as the old term. */
  endOn: Type.Optional(Day('新一期结束日期')),
});
export type CobuildRenewInput = Static<typeof CobuildRenewInput>;

export const CobuildCommitmentInput = Type.Object({
  heading: Heading,
  content: Text('承诺事项', COBUILD_TEXT_MAX, 2),
  dueOn: Day('完成时限'),
  side: Enum(COBUILD_SIDES, '责任方'),
});
export type CobuildCommitmentInput = Static<typeof CobuildCommitmentInput>;

export const CobuildDoneInput = Type.Object({
  doneOn: Day('完成日期'),
  note: Type.Optional(Nullable(Type.String({ maxLength: COBUILD_TEXT_MAX, description: '完成情况' }))),
});
export type CobuildDoneInput = Static<typeof CobuildDoneInput>;

export const CobuildActivityInput = Type.Object({
  heldOn: Day('活动日期'),
  title: Text('活动名称', COBUILD_TITLE_MAX, 2),
  heading: Heading,
  participants: Type.Integer({ minimum: 1, maximum: COBUILD_PARTICIPANTS_MAX, description: '参与人数' }),
  description: Type.Optional(Nullable(Type.String({ maxLength: COBUILD_TEXT_MAX, description: '活动情况' }))),
});
export type CobuildActivityInput = Static<typeof CobuildActivityInput>;

export const CobuildProblemInput = Type.Object({
  solvedOn: Day('解决日期'),
  heading: Type.Optional(Nullable(Heading)),
  count: Type.Integer({ minimum: 1, maximum: COBUILD_COUNT_MAX, description: '件数' }),
  description: Text('解决的问题（如：解决道路硬化问题）', COBUILD_TEXT_MAX, 2),
});
export type CobuildProblemInput = Static<typeof CobuildProblemInput>;

export const CobuildFundInput = Type.Object({
  raisedOn: Day('筹集日期'),
  amountFen: Type.Integer({ minimum: 1, maximum: COBUILD_AMOUNT_MAX_FEN, description: '金额（分）' }),
  source: Text('资金来源', COBUILD_TITLE_MAX),
  purpose: Text('资金用途', COBUILD_TITLE_MAX),
});
export type CobuildFundInput = Static<typeof CobuildFundInput>;

export const CobuildDetailQuery = Type.Object({ unmask: Type.Optional(Type.Boolean({ description: '显示联系人完整电话（记入审计）' })) });
export type CobuildDetailQuery = Static<typeof CobuildDetailQuery>;

export const CobuildItemParams = Type.Object({ id: Id, itemId: Id });
export type CobuildItemParams = Static<typeof CobuildItemParams>;

export const CobuildQuery = Type.Object({
  /** Narrow to an organization inside the account's scope (agreements either of whose sides lies under it). */
  orgId: Type.Optional(Id),
  state: Type.Optional(Enum(COBUILD_STATES, '状态')),
  partnerKind: Type.Optional(Enum(COBUILD_PARTNER_KINDS, '乙方类别')),
  /** The scope's organizations on this side. */
  side: Type.Optional(Enum(COBUILD_SIDES, '本方为')),
  expiring: Type.Optional(Type.Boolean({ description: '只看即将到期' })),
  q: Type.Optional(Type.String({ maxLength: COBUILD_Q_MAX, description: '协议名称或党组织名称' })),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type CobuildQuery = Static<typeof CobuildQuery>;
export const CobuildExportQuery = Type.Omit(CobuildQuery, ['page', 'pageSize']);
export type CobuildExportQuery = Static<typeof CobuildExportQuery>;

export const CobuildOrgQuery = Type.Object({
  side: Enum(COBUILD_SIDES, '哪一方'),
  q: Type.Optional(Type.String({ maxLength: COBUILD_Q_MAX, description: '名称关键字' })),
});
export type CobuildOrgQuery = Static<typeof CobuildOrgQuery>;
export const CobuildOrgOption = Type.Object({
  id: Id,
  name: Type.String(),
  parentName: Nullable(Type.String()),
  partnerKind: Nullable(Enum(COBUILD_PARTNER_KINDS, '乙方类别')),
});
export type CobuildOrgOption = Static<typeof CobuildOrgOption>;

/** The rule set's numbers the forms use. */
export const CobuildRules = Type.Object({
  id: Type.String(),
  defaultHeadings: Type.Array(Type.String()),
  expiryWindowDays: Type.Integer(),
  termMaxYears: Type.Integer(),
  source: Type.String(),
});
export type CobuildRules = Static<typeof CobuildRules>;

export const CobuildStatsQuery = Type.Object({
  orgId: Type.Optional(Id),
  /** Count the log of this year only (the agreements are counted as they stand). */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '年度' })),
});
export type CobuildStatsQuery = Static<typeof CobuildStatsQuery>;

const Counts = Type.Object({
  total: Type.Integer(),
  draft: Type.Integer(),
  pending: Type.Integer(),
  active: Type.Integer(),
  expired: Type.Integer(),
  terminated: Type.Integer(),
});
export const CobuildStats = Type.Object({
  scopeName: Type.String(),
  year: Nullable(Type.Integer()),
  byKind: Type.Array(
    Type.Intersect([
      Type.Object({ kind: Enum(COBUILD_PARTNER_KINDS, '乙方类别'), label: Type.String(), partners: Type.Integer({ description: '结对的乙方组织数' }) }),
      Counts,
    ]),
  ),
  totals: Type.Intersect([
    Counts,
    Type.Object({
      orgsA: Type.Integer({ description: '参与结对的甲方组织数' }),
      activities: Type.Integer(),
      participants: Type.Integer(),
      problems: Type.Integer(),
      fundsFen: Type.Number(),
      expiring: Type.Integer(),
      overdueCommitments: Type.Integer(),
    }),
  ]),
  byHeading: Type.Array(Type.Object({ heading: Type.String(), activities: Type.Integer(), problems: Type.Integer() })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), activities: Type.Integer(), problems: Type.Integer(), fundsFen: Type.Number() })),
});
export type CobuildStats = Static<typeof CobuildStats>;

export const cobuildAuditLabel: Record<string, string> = {
  'cobuild_agreement.create': '起草结对共建协议',
  'cobuild_agreement.update': '修改结对共建协议',
  'cobuild_agreement.submit': '提交结对共建协议待对方确认',
  'cobuild_agreement.withdraw': '撤回结对共建协议',
  'cobuild_agreement.confirm': '确认签订结对共建协议',
  'cobuild_agreement.decline': '退回结对共建协议',
  'cobuild_agreement.terminate': '终止结对共建协议',
  'cobuild_agreement.discard': '作废结对共建协议',
  'cobuild_agreement.expire': '结对共建协议到期',
  'cobuild_agreement.renew': '续签结对共建协议',
  'cobuild_agreement.import': '导入结对共建协议',
  'cobuild_agreement.plan': '修改结对共建年度计划',
  'cobuild_agreement.commitment_done': '完成共建承诺',
  'cobuild_agreement.log_add': '记录结对共建台账',
  'cobuild_agreement.log_remove': '删除结对共建台账记录',
};
