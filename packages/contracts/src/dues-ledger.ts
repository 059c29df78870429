import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, Version } from './common.ts';
import { DUES_MONTH_PATTERN } from './dues.ts';

/**
 * 党费台账 (issue 11): one row per member and month — what was due (from the basis in effect) and
 * the month's one payment — with arrears, the branch's and the subtree's summaries, the yearly
 * publication and the member's own history. Money is integer fen.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Month = (description: string) => Type.String({ pattern: DUES_MONTH_PATTERN, description });

/** How a month was paid: 现金, 转账 (bank, WeChat, Alipay), 代交 (by someone on the member's behalf). */
export const DUES_CHANNELS = ['cash', 'transfer', 'proxy'] as const;
export type DuesChannel = (typeof DUES_CHANNELS)[number];
export const duesChannelLabel: Record<DuesChannel, string> = { cash: '现金', transfer: '转账', proxy: '代交' };

/**
 * A ledger month's state: paid; due and unpaid in the current or a coming month (待交); unpaid in a
 * past month (欠交); nothing due (免交); no basis set for the month (未定基数).
 */
export const DUES_MONTH_STATES = ['paid', 'pending', 'arrears', 'waived', 'no_basis'] as const;
export type DuesMonthState = (typeof DUES_MONTH_STATES)[number];
export const duesMonthStateLabel: Record<DuesMonthState, string> = {
  paid: '已交',
  pending: '待交',
  arrears: '欠交',
  waived: '免交',
  no_basis: '未定基数',
};

export const DUES_REASON_MAX = 100;
export const DUES_PROXY_MAX = 20;
export const DUES_NOTE_MAX = 100;
/** Months one payment may cover (a quarter ahead, or six months back and the current one). */
export const DUES_PAY_MONTHS_MAX = 12;

/** One member's month in the ledger. */
export const DuesLedgerRow = Type.Object({
  memberId: Id,
  memberName: Type.String({ description: '姓名' }),
  /** 正式党员 / 预备党员 */
  memberStatus: Type.String({ description: '党员状态' }),
  orgId: Id,
  orgName: Type.String({ description: '收缴党组织' }),
  month: Type.String({ description: '党费月份（年-月）' }),
  state: Enum(DUES_MONTH_STATES, '状态'),
  /** Null: no basis for the month. */
  dueFen: Nullable(Type.Integer({ description: '应交（分）' })),
  /** The basis the due came from (its effective month). */
  basisMonth: Nullable(Type.String({ description: '依据的党费基数起算月份' })),
  paidFen: Nullable(Type.Integer({ description: '实交（分）' })),
  paidOn: Nullable(Type.String({ description: '交纳日期' })),
  channel: Nullable(Enum(DUES_CHANNELS, '交纳方式')),
  proxyName: Nullable(Type.String({ description: '代交人' })),
  note: Nullable(Type.String({ description: '备注' })),
  recordedBy: Nullable(Type.String({ description: '登记人' })),
  recordedAt: Nullable(Type.String({ description: '登记时间' })),
  /** A recorded reason for not paying (正当理由). */
  reason: Nullable(Type.String({ description: '未交原因' })),
  version: Version,
});
export type DuesLedgerRow = Static<typeof DuesLedgerRow>;

/** What a set of ledger rows adds up to. */
export const DuesTotals = Type.Object({
  /** Member-months in the ledger. */
  members: Type.Integer({ description: '应交人数（人次）' }),
  /** Of those, with something due or no basis yet (not 免交). */
  owingMembers: Type.Integer({ description: '需交纳人数（不含免交）' }),
  paidMembers: Type.Integer({ description: '已交人数' }),
  waivedMembers: Type.Integer({ description: '免交人数' }),
  noBasisMembers: Type.Integer({ description: '未定基数人数' }),
  dueFen: Type.Integer({ description: '应交金额（分）' }),
  paidFen: Type.Integer({ description: '实交金额（分）' }),
  /** paidMembers / owingMembers, 0–1; null when nobody owes. */
  paidRate: Nullable(Type.Number({ description: '交纳率' })),
});
export type DuesTotals = Static<typeof DuesTotals>;

export const DuesLedgerQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党组织（缺省为本账号所在组织）' })),
  month: Type.Optional(Month('月份（缺省为本月）')),
});
export type DuesLedgerQuery = Static<typeof DuesLedgerQuery>;

/** A branch's month: the members whose dues it collects. */
export const DuesLedger = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  month: Type.String(),
  /** The month the ledger is read in (China time). */
  currentMonth: Type.String({ description: '本月' }),
  /** Whether the month's rows were generated (by the monthly job or a payment); a coming month is generated when it starts. */
  generated: Type.Boolean({ description: '是否已生成该月台账' }),
  rows: Type.Array(DuesLedgerRow),
  totals: DuesTotals,
});
export type DuesLedger = Static<typeof DuesLedger>;

/** Records one payment for one or more months of a member (补交 back months, 预交 a quarter ahead), all or none. */
export const DuesPaymentInput = Type.Object(
  {
    months: Type.Array(Month('党费月份'), { minItems: 1, maxItems: DUES_PAY_MONTHS_MAX, uniqueItems: true, description: '交纳的月份' }),
    /** Per month; defaults to the month's due. Never less than the due. */
    amountFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000, description: '每月实交金额（分，缺省为应交金额）' })),
    paidOn: Type.String({ ...DateOnly, description: '交纳日期' }),
    channel: Enum(DUES_CHANNELS, '交纳方式'),
    proxyName: Type.Optional(Type.String({ maxLength: DUES_PROXY_MAX, description: '代交人（代交时填写）' })),
    note: Type.Optional(Type.String({ maxLength: DUES_NOTE_MAX, description: '备注' })),
  },
  { additionalProperties: false },
);
export type DuesPaymentInput = Static<typeof DuesPaymentInput>;

export const DuesMonthParams = Type.Object({
  id: Type.Unsafe<string>({ ...Id, description: '党员' }),
  month: Month('党费月份（年-月）'),
});
export type DuesMonthParams = Static<typeof DuesMonthParams>;

/** Cancels a month's payment (登记有误), with the reason; the row's version as read. */
export const DuesCancelInput = Type.Object(
  {
    reason: Type.String({ minLength: 2, maxLength: DUES_REASON_MAX, description: '撤销原因' }),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type DuesCancelInput = Static<typeof DuesCancelInput>;

/** Records (or clears, with null) the reason a month is unpaid: a 正当理由 stops the 自行脱党 count. */
export const DuesReasonInput = Type.Object(
  {
    reason: Nullable(Type.String({ minLength: 2, maxLength: DUES_REASON_MAX, description: '未交原因（如 因病住院）' })),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type DuesReasonInput = Static<typeof DuesReasonInput>;

/** A member's arrears as the rule set reads the ledger (duesArrears). */
export const DuesArrears = Type.Object({
  unpaidMonths: Type.Array(Type.String(), { description: '欠交月份' }),
  oweFen: Type.Integer({ description: '欠交金额（分）' }),
  consecutive: Type.Integer({ description: '连续欠交月数' }),
  consecutiveWithoutReason: Type.Integer({ description: '连续无正当理由欠交月数' }),
  todo: Type.Boolean({ description: '已达提醒月数' }),
  lapseWarning: Type.Boolean({ description: '自行脱党预警' }),
});
export type DuesArrears = Static<typeof DuesArrears>;

/** A member's dues: the ledger months (newest first), arrears, and 党费缴至. */
export const DuesMemberLedger = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  orgName: Type.String(),
  currentMonth: Type.String(),
  /** The month paid up to: the last month of the run of paid (or 免交) months from the first. Null: nothing paid. */
  paidTo: Nullable(Type.String({ description: '党费缴至（年-月）' })),
  /** The basis in effect this month. */
  monthlyFen: Nullable(Type.Integer({ description: '本月应交（分）' })),
  basisExplanation: Nullable(Type.String({ description: '计算说明' })),
  arrears: DuesArrears,
  /** Months that may be paid now (补交 back to …, 预交 up to …). */
  payable: Type.Object({ from: Type.String(), to: Type.String() }),
  rows: Type.Array(DuesLedgerRow),
});
export type DuesMemberLedger = Static<typeof DuesMemberLedger>;

/** A member in arrears (the arrears list of a scope). */
export const DuesArrearsRow = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  consecutive: Type.Integer({ description: '连续欠交月数' }),
  consecutiveWithoutReason: Type.Integer({ description: '连续无正当理由欠交月数' }),
  unpaidMonths: Type.Integer({ description: '欠交月数（近两年）' }),
  oweFen: Type.Integer({ description: '欠交金额（分）' }),
  /** The oldest unpaid month in the last two years. */
  since: Nullable(Type.String({ description: '最早欠交月份' })),
  lapseWarning: Type.Boolean({ description: '自行脱党预警' }),
});
export type DuesArrearsRow = Static<typeof DuesArrearsRow>;

export const DuesArrearsQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党组织（缺省为本账号所在组织，含下级）' })),
  /** Only members with at least this many consecutive unpaid months (default 1). */
  minMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, description: '最少连续欠交月数' })),
});
export type DuesArrearsQuery = Static<typeof DuesArrearsQuery>;

export const DuesSummaryQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党组织（缺省为本账号所在组织）' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '年度（缺省为今年）' })),
  /** One month of the year; without it the whole year. */
  month: Type.Optional(Month('月份（缺省为全年）')),
});
export type DuesSummaryQuery = Static<typeof DuesSummaryQuery>;

/** The subtree summary of a period: the organization's totals, its children's, each month's, and the remittance. */
export const DuesSummary = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  year: Type.Integer(),
  month: Nullable(Type.String()),
  totals: DuesTotals,
  /** The direct children (each with its subtree), then the organization's own members when it has any. */
  children: Type.Array(
    Type.Object({
      orgId: Id,
      orgName: Type.String(),
      /** True for the row of the organization's own members. */
      own: Type.Boolean(),
      totals: DuesTotals,
    }),
  ),
  byMonth: Type.Array(Type.Object({ month: Type.String(), totals: DuesTotals })),
  /** The share of the year's received dues remitted upward (rule set remittanceBp). */
  remittance: Type.Object({
    receivedFen: Type.Integer({ description: '实收党费（分）' }),
    rateBp: Type.Integer({ description: '上缴比例（万分之一）' }),
    fen: Type.Integer({ description: '应上缴（分）' }),
    source: Type.String({ description: '依据' }),
  }),
});
export type DuesSummary = Static<typeof DuesSummary>;

export const DuesPublicationQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党支部（缺省为本账号所在组织）' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '年度（缺省为今年）' })),
});
export type DuesPublicationQuery = Static<typeof DuesPublicationQuery>;

/** The branch's yearly publication to its members (党费收缴情况公示): each member's year. */
export const DuesPublication = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  year: Type.Integer(),
  /** The months of the year in the ledger so far. */
  months: Type.Array(Type.String()),
  members: Type.Array(
    Type.Object({
      memberId: Id,
      memberName: Type.String(),
      /** Per month of `months`: what was due and paid (null: no row). */
      months: Type.Array(
        Nullable(Type.Object({ state: Enum(DUES_MONTH_STATES, '状态'), dueFen: Nullable(Type.Integer()), paidFen: Nullable(Type.Integer()) })),
      ),
      dueFen: Type.Integer(),
      paidFen: Type.Integer(),
      paidTo: Nullable(Type.String()),
    }),
  ),
  totals: DuesTotals,
  /** The rule set's line: published at least N times a year. */
  basis: Type.String({ description: '公示依据' }),
  today: Type.String(),
});
export type DuesPublication = Static<typeof DuesPublication>;

/** The member's own dues on H5 (GET /api/dues/me). */
export const DuesMine = DuesMemberLedger;
export type DuesMine = DuesMemberLedger;

export const duesLedgerAuditLabel: Record<string, string> = {
  'dues_payment.record': '登记党费交纳',
  'dues_payment.cancel': '撤销党费交纳登记',
  'dues_payment.import': '导入党费交纳记录',
  'dues_month.reason': '登记党费未交原因',
};
