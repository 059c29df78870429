import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageQuery, Timestamp } from './common.ts';
import { PHONE_PATTERN } from './member.ts';
import { PERSON_NAME_MAX } from './org.ts';
import { StringEnum } from './reportin.ts';

/** 困难党员帮扶: hardship records, helping cadres (帮扶干部) and visits (走访慰问). */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const HardshipType = {
  LIVING: 'living',
  ILLNESS: 'illness',
  DISASTER: 'disaster',
  ELDERLY_ALONE: 'elderly_alone',
  DISABILITY: 'disability',
  OTHER: 'other',
} as const;
export type HardshipType = (typeof HardshipType)[keyof typeof HardshipType];
export const HARDSHIP_TYPES = Object.values(HardshipType) as HardshipType[];
export const hardshipTypeLabel: Record<HardshipType, string> = {
  living: '生活困难',
  illness: '因病致困',
  disaster: '因灾致困',
  elderly_alone: '高龄独居',
  disability: '残疾',
  other: '其他',
};

/** Where a record stands with this quarter's visit (rule in packages/rules hardship.rules.ts). */
export const VisitStatus = { VISITED: 'visited', DUE: 'due', OVERDUE: 'overdue', CLOSED: 'closed' } as const;
export type VisitStatus = (typeof VisitStatus)[keyof typeof VisitStatus];
export const visitStatusLabel: Record<VisitStatus, string> = {
  visited: '本季度已走访',
  due: '本季度待走访',
  overdue: '走访逾期',
  closed: '帮扶已结束',
};

export const HardshipState = { OPEN: 'open', CLOSED: 'closed' } as const;
export type HardshipState = (typeof HardshipState)[keyof typeof HardshipState];
export const hardshipStateLabel: Record<HardshipState, string> = { open: '帮扶中', closed: '已结束' };

/** Field limits reused by the web forms. */
export const HARDSHIP_DETAIL_MAX = 1000;
export const HARDSHIP_REASON_MAX = 200;
export const VISIT_CONTENT_MAX = 1000;
export const VISITOR_MAX = 60;

/**
 * 慰问金 in 元: not negative, at most two decimals, fits numeric(12,2). Money is a decimal string,
 * never a float.
 */
export const AMOUNT_PATTERN = '^(0|[1-9]\\d{0,9})(\\.\\d{1,2})?$';
export const isValidAmount = (s: string): boolean => new RegExp(AMOUNT_PATTERN).test(s.trim());

export const HardshipInput = Type.Object({
  /** The member in difficulty (in the account's scope). */
  memberId: Type.Unsafe<string>({ ...Id, description: '困难党员' }),
  /** 困难类型 */
  type: StringEnum(HARDSHIP_TYPES, '困难类型'),
  /** 困难情况: sensitive, stored encrypted, shown only on audited request. */
  detail: Type.String({ minLength: 2, maxLength: HARDSHIP_DETAIL_MAX, description: '困难情况' }),
  /** 认定日期: the day the hardship was recorded. */
  startDate: Type.Unsafe<string>({ ...DateOnly, description: '认定日期' }),
  /** 帮扶干部, optional at creation. */
  cadreId: Type.Optional(Nullable(Type.Unsafe<string>({ ...Id, description: '帮扶干部' }))),
});
export type HardshipInput = Static<typeof HardshipInput>;

export const HardshipCloseInput = Type.Object({
  /** 结束日期 */
  closedDate: Type.Unsafe<string>({ ...DateOnly, description: '结束日期' }),
  /** 结束原因 (e.g. 已脱困). */
  reason: Type.String({ minLength: 2, maxLength: HARDSHIP_REASON_MAX, description: '结束原因' }),
});
export type HardshipCloseInput = Static<typeof HardshipCloseInput>;

export const HardshipCadreAssign = Type.Object({
  /** The cadre to pair with the member; null releases the current one. */
  cadreId: Nullable(Type.Unsafe<string>({ ...Id, description: '帮扶干部' })),
});
export type HardshipCadreAssign = Static<typeof HardshipCadreAssign>;

export const HardshipCadreInput = Type.Object({
  /** 姓名 */
  name: Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, description: '姓名' }),
  /** 联系电话 (encrypted, masked; one cadre per phone). */
  phone: Type.String({ pattern: PHONE_PATTERN, description: '联系电话' }),
  /** The cadre's own member record, when they are a party member in scope. */
  memberId: Type.Optional(Nullable(Type.Unsafe<string>({ ...Id, description: '对应党员' }))),
});
export type HardshipCadreInput = Static<typeof HardshipCadreInput>;

export const HardshipCadre = Type.Object({
  id: Id,
  name: Type.String(),
  /** Masked. */
  phone: Type.String(),
  memberId: Nullable(Id),
  /** The organization that registered the cadre. */
  orgId: Id,
  orgName: Type.String(),
  /** Members in difficulty this cadre helps now (open records). */
  helping: Type.Integer(),
  /** Most members one cadre may help (rule in packages/rules). */
  capacity: Type.Integer(),
});
export type HardshipCadre = Static<typeof HardshipCadre>;

export const HardshipCadreQuery = Type.Object({
  /** 姓名关键字 */
  q: Type.Optional(Type.String({ maxLength: 30, description: '姓名关键字' })),
});
export type HardshipCadreQuery = Static<typeof HardshipCadreQuery>;

/** A list row: no hardship detail at all. */
export const HardshipSummary = Type.Object({
  id: Id,
  memberId: Id,
  memberName: Type.String(),
  gender: Type.String(),
  /** The member's branch. */
  orgId: Id,
  orgName: Type.String(),
  type: Type.String(),
  startDate: DateOnly,
  closedDate: Nullable(DateOnly),
  cadreId: Nullable(Id),
  cadreName: Nullable(Type.String()),
  lastVisitDate: Nullable(DateOnly),
  visitCount: Type.Integer(),
  /** 慰问金 total in 元, decimal string. */
  subsidyTotal: Type.String(),
  /** visited / due / overdue / closed, for today. */
  visitStatus: Type.String(),
  /** The last day for this quarter's visit while one is needed. */
  visitDueDate: Nullable(DateOnly),
});
export type HardshipSummary = Static<typeof HardshipSummary>;

export const Hardship = Type.Composite([
  HardshipSummary,
  Type.Object({
    /** 困难情况: masked (******) unless asked for in full with personal:unmask (audited). */
    detail: Type.String(),
    closeReason: Nullable(Type.String()),
    /** The cadre's phone, masked unless unmasked. */
    cadrePhone: Nullable(Type.String()),
    unmasked: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
]);
export type Hardship = Static<typeof Hardship>;

export const HardshipListQuery = Type.Object({
  /** Subtree root; defaults to the account's scope. */
  orgId: Type.Optional(Id),
  /** One member's records. */
  memberId: Type.Optional(Id),
  type: Type.Optional(StringEnum(HARDSHIP_TYPES, '困难类型')),
  /** open (default: all) / closed */
  state: Type.Optional(StringEnum(Object.values(HardshipState), '帮扶状态')),
  /** Only records whose visit is overdue. */
  overdue: Type.Optional(Type.Boolean({ description: '仅看走访逾期' })),
  cadreId: Type.Optional(Id),
  /** 姓名关键字 */
  q: Type.Optional(Type.String({ maxLength: 30, description: '姓名关键字' })),
  ...PageQuery.properties,
});
export type HardshipListQuery = Static<typeof HardshipListQuery>;
/** The export takes the list's filters without paging. */
export const HardshipExportQuery = Type.Omit(HardshipListQuery, ['page', 'pageSize']);
export type HardshipExportQuery = Static<typeof HardshipExportQuery>;

export const HardshipVisitInput = Type.Object({
  /** 走访日期 */
  visitDate: Type.Unsafe<string>({ ...DateOnly, description: '走访日期' }),
  /** 走访人 */
  visitor: Type.String({ minLength: 1, maxLength: VISITOR_MAX, description: '走访人' }),
  /** 走访慰问情况 */
  content: Type.String({ minLength: 2, maxLength: VISIT_CONTENT_MAX, description: '走访慰问情况' }),
  /** 慰问金 in 元 as a decimal string ("500" or "500.00"); "0" when none. */
  amount: Type.String({ maxLength: 16, description: '慰问金' }),
});
export type HardshipVisitInput = Static<typeof HardshipVisitInput>;

export const HardshipVisit = Type.Object({
  id: Id,
  hardshipId: Id,
  visitDate: DateOnly,
  visitor: Type.String(),
  content: Type.String(),
  /** 元, two decimals. */
  amount: Type.String(),
  /** The account that recorded the visit. */
  recordedBy: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type HardshipVisit = Static<typeof HardshipVisit>;

/** Chinese names of the 困难党员帮扶 audit actions (merged into auditActionLabel). */
export const hardshipAuditLabel: Record<string, string> = {
  'hardship.create': '登记困难党员',
  'hardship.close': '结束困难帮扶',
  'hardship.cadre_assign': '指定帮扶干部',
  'hardship.cadre_create': '登记帮扶干部',
  'hardship.cadre_duplicate_refused': '拒绝重复登记帮扶干部（手机号或党员已登记）',
  'hardship.visit_add': '登记走访慰问',
};
