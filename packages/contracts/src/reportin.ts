import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageQuery, Timestamp } from './common.ts';
import { PHONE_PATTERN } from './member.ts';
import { PERSON_NAME_MAX, UNIT_NAME_MAX } from './org.ts';

/**
 * 双报到 (domain-rules §8, 吹哨报到): in-service members (在职党员) report to the community Party
 * organization where they live, and resident units (驻区单位) report to the community.
 */

/** A string enum with a Chinese description (shared by the 双报到 and 困难党员 contracts). */
export const StringEnum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ReportInStatus = { REPORTED: 'reported', CANCELLED: 'cancelled' } as const;
export type ReportInStatus = (typeof ReportInStatus)[keyof typeof ReportInStatus];
export const reportInStatusLabel: Record<ReportInStatus, string> = { reported: '已报到', cancelled: '已注销' };

/** Organizations one reports to: a community's or village's committee, general branch or branch. */
export const REPORT_IN_ORG_TYPES = ['committee', 'general_branch', 'branch'] as const;
export const REPORT_IN_ORG_DOMAINS = ['community', 'rural'] as const;

/** Field limits reused by the web forms. */
export const REPORT_IN_INTENTIONS_MAX = 500;
export const UNIT_RESOURCES_MAX = 1000;
export const REPORT_IN_REASON_MAX = 200;
export const CREDIT_CODE_LENGTH = 18;

export const MemberReportInInput = Type.Object({
  /** The member reporting (a 党员 account may name only itself). */
  memberId: Type.Unsafe<string>({ ...Id, description: '报到党员' }),
  /** The community (village) Party organization where the member lives, anywhere in the region. */
  communityId: Type.Unsafe<string>({ ...Id, description: '报到社区' }),
  /** 报到日期 */
  reportDate: Type.Unsafe<string>({ ...DateOnly, description: '报到日期' }),
  /** 服务意向及特长, free text. */
  intentions: Type.Optional(Nullable(Type.String({ maxLength: REPORT_IN_INTENTIONS_MAX, description: '服务意向及特长' }))),
});
export type MemberReportInInput = Static<typeof MemberReportInInput>;

export const ReportInCancelInput = Type.Object({
  /** 注销日期 */
  date: Type.Unsafe<string>({ ...DateOnly, description: '注销日期' }),
  /** 注销原因 (e.g. moved house). */
  reason: Type.String({ minLength: 2, maxLength: REPORT_IN_REASON_MAX, description: '注销原因' }),
});
export type ReportInCancelInput = Static<typeof ReportInCancelInput>;

/**
 * A member's report as the community sees it: a snapshot of the member (name, gender, home branch,
 * masked phone), never the member record itself.
 */
export const MemberReportIn = Type.Object({
  id: Id,
  /** The community reported to. */
  communityId: Id,
  communityName: Type.String(),
  memberId: Id,
  memberName: Type.String(),
  gender: Type.String(),
  /** 所在党支部: the branch holding the member's relation, possibly in another street. */
  homeOrgName: Type.String(),
  /** Masked (138****5678). */
  phone: Nullable(Type.String()),
  reportDate: DateOnly,
  intentions: Nullable(Type.String()),
  /** reported / cancelled */
  status: Type.String(),
  cancelledDate: Nullable(DateOnly),
  cancelReason: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type MemberReportIn = Static<typeof MemberReportIn>;

export const MemberReportInView = { COMMUNITY: 'community', HOME: 'home' } as const;
export type MemberReportInView = (typeof MemberReportInView)[keyof typeof MemberReportInView];

export const MemberReportInQuery = Type.Object({
  /** One community in scope; default every community in the account's subtree. */
  communityId: Type.Optional(Id),
  /** community: members who reported to communities in scope (default); home: the scope's own members who reported anywhere. */
  view: Type.Optional(StringEnum(Object.values(MemberReportInView), '查看方式')),
  status: Type.Optional(StringEnum(Object.values(ReportInStatus), '报到状态')),
  /** 姓名关键字 */
  q: Type.Optional(Type.String({ maxLength: 30, description: '姓名关键字' })),
  ...PageQuery.properties,
});
export type MemberReportInQuery = Static<typeof MemberReportInQuery>;
/** The export takes the list's filters without paging. */
export const MemberReportInExportQuery = Type.Omit(MemberReportInQuery, ['page', 'pageSize']);
export type MemberReportInExportQuery = Static<typeof MemberReportInExportQuery>;

/** A page of reports with the counts by status for the same scope and filters (status aside). */
export const ReportInPage = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    /** 已报到 */
    reported: Type.Integer(),
    /** 已注销 */
    cancelled: Type.Integer(),
  });

/** A 党员 account's own report: the current community and earlier ones. */
export const MyReportIn = Type.Object({
  current: Nullable(MemberReportIn),
  history: Type.Array(MemberReportIn),
});
export type MyReportIn = Static<typeof MyReportIn>;

export const UnitReportInInput = Type.Object({
  /** The community reported to (a 驻区单位 account: its own bound community). */
  communityId: Type.Unsafe<string>({ ...Id, description: '报到社区' }),
  /** 单位名称 */
  unitName: Type.String({ minLength: 2, maxLength: UNIT_NAME_MAX, description: '单位名称' }),
  /** 统一社会信用代码 (GB 32100, check character verified). */
  creditCode: Type.String({ minLength: 1, maxLength: 24, description: '统一社会信用代码' }),
  /** 联系人 */
  contactName: Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, description: '联系人' }),
  /** 联系电话 (stored encrypted, shown masked). */
  phone: Type.String({ pattern: PHONE_PATTERN, description: '联系电话' }),
  /** 可提供的资源 (venues, volunteers, funds …). */
  resources: Type.Optional(Nullable(Type.String({ maxLength: UNIT_RESOURCES_MAX, description: '可提供的资源' }))),
  /** 报到日期 */
  reportDate: Type.Unsafe<string>({ ...DateOnly, description: '报到日期' }),
});
export type UnitReportInInput = Static<typeof UnitReportInInput>;

export const UnitReportIn = Type.Object({
  id: Id,
  communityId: Id,
  communityName: Type.String(),
  unitName: Type.String(),
  creditCode: Type.String(),
  contactName: Type.String(),
  /** Masked unless asked for in full with personal:unmask (audited). */
  phone: Type.String(),
  resources: Nullable(Type.String()),
  reportDate: DateOnly,
  status: Type.String(),
  cancelledDate: Nullable(DateOnly),
  cancelReason: Nullable(Type.String()),
  /** True when the phone is shown in full. */
  unmasked: Type.Boolean(),
  createdAt: Timestamp,
});
export type UnitReportIn = Static<typeof UnitReportIn>;

export const UnitReportInQuery = Type.Object({
  /** One community in scope; default every community in the account's subtree. */
  communityId: Type.Optional(Id),
  status: Type.Optional(StringEnum(Object.values(ReportInStatus), '报到状态')),
  /** 单位名称关键字 */
  q: Type.Optional(Type.String({ maxLength: 50, description: '单位名称关键字' })),
  ...PageQuery.properties,
});
export type UnitReportInQuery = Static<typeof UnitReportInQuery>;
/** The export takes the list's filters without paging. */
export const UnitReportInExportQuery = Type.Omit(UnitReportInQuery, ['page', 'pageSize']);
export type UnitReportInExportQuery = Static<typeof UnitReportInExportQuery>;

export const UnmaskQuery = Type.Object({
  /** Ask for personal fields in full; needs personal:unmask and is written to the audit log. */
  unmask: Type.Optional(Type.Boolean({ description: '显示完整信息' })),
});

/** A community one may report to (picker across the whole region). */
export const ReportInCommunity = Type.Object({
  id: Id,
  name: Type.String(),
  type: Type.String(),
  /** 上级组织 (the street), to tell same-named communities apart. */
  parentName: Nullable(Type.String()),
});
export type ReportInCommunity = Static<typeof ReportInCommunity>;

export const ReportInCommunityQuery = Type.Object({
  /** 名称关键字 */
  q: Type.Optional(Type.String({ maxLength: 50, description: '名称关键字' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20, description: '条数' })),
});
export type ReportInCommunityQuery = Static<typeof ReportInCommunityQuery>;

/** Chinese names of the 双报到 audit actions (merged into auditActionLabel). */
export const reportInAuditLabel: Record<string, string> = {
  'reportin.member_report': '在职党员到社区报到',
  'reportin.member_cancel': '注销在职党员报到',
  'reportin.unit_report': '驻区单位到社区报到',
  'reportin.unit_cancel': '注销驻区单位报到',
};
