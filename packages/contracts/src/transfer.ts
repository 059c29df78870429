import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Timestamp, PageNumber, pageSizeField } from './common.ts';
import { MemberInput, REASON_MAX } from './member.ts';

/** 组织关系转接: within the deployment, or by introduction letter (介绍信) to or from outside it. */

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** Longest organization name typed for a letter (destination or issuer outside the deployment). */
export const TRANSFER_ORG_NAME_MAX = 100;
/** Longest external letter number (凭介绍信转入). */
export const LETTER_NO_MAX = 40;
/** Longest free-text note (转接原因, 回执说明). */
export const TRANSFER_NOTE_MAX = 200;
/** Most branches a receiver search answers. */
export const TRANSFER_RECEIVERS_MAX = 20;
/** `YYYY-MM`. */
export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

export const TransferKind = { INTERNAL: 'internal', LETTER_OUT: 'letter_out', LETTER_IN: 'letter_in' } as const;
export type TransferKind = (typeof TransferKind)[keyof typeof TransferKind];
export const TRANSFER_KINDS = Object.values(TransferKind) as TransferKind[];
export const transferKindLabel: Record<TransferKind, string> = {
  internal: '系统内转接',
  letter_out: '开具介绍信转出',
  letter_in: '凭介绍信转入',
};

export const TransferStatus = { PENDING: 'pending', ACCEPTED: 'accepted', RETURNED: 'returned', CANCELLED: 'cancelled', RECEIVED: 'received' } as const;
export type TransferStatus = (typeof TransferStatus)[keyof typeof TransferStatus];
export const TRANSFER_STATUSES = Object.values(TransferStatus) as TransferStatus[];
export const transferStatusLabel: Record<TransferStatus, string> = {
  pending: '待接收',
  accepted: '已接收',
  returned: '已退回',
  cancelled: '已撤销',
  received: '已登记回执',
};
/** The status as users say it: a pending letter waits for its 回执, a cancelled letter is 作废. */
export function transferStatusText(kind: TransferKind, status: TransferStatus): string {
  if (kind === 'letter_out' && status === 'pending') return '待回执';
  if (kind === 'letter_out' && status === 'cancelled') return '已作废';
  if (kind === 'letter_in' && status === 'accepted') return '已转入';
  return transferStatusLabel[status];
}

/** What a side may do to a transfer; `letter` prints the introduction letter. */
export const TransferAction = { ACCEPT: 'accept', RETURN: 'return', CANCEL: 'cancel', RECEIPT: 'receipt' } as const;
export type TransferAction = (typeof TransferAction)[keyof typeof TransferAction];
export const transferActionLabel: Record<TransferAction, string> = { accept: '接收', return: '退回', cancel: '撤销', receipt: '登记回执' };

export const TransferDirection = { IN: 'in', OUT: 'out', ALL: 'all' } as const;
export type TransferDirection = (typeof TransferDirection)[keyof typeof TransferDirection];

/** Start a transfer to another branch of the deployment (发起转接). */
export const TransferStartInput = Type.Object({
  /** The member whose relation moves; must be in the sender's scope. */
  memberId: Type.Unsafe<string>({ ...Id, description: '党员' }),
  /** The receiving branch: any active branch of the region. */
  toOrgId: Type.Unsafe<string>({ ...Id, description: '接收党支部' }),
  /** Why (工作调动, 居住地变更 …). */
  reason: Type.Optional(Nullable(Type.String({ maxLength: TRANSFER_NOTE_MAX, description: '转接原因' }))),
});
export type TransferStartInput = Static<typeof TransferStartInput>;

/** Return a transfer to the sender (退回). */
export const TransferReturnInput = Type.Object({
  /** What the sender must correct. */
  reason: Type.String({ minLength: 2, maxLength: REASON_MAX, description: '退回原因' }),
});
export type TransferReturnInput = Static<typeof TransferReturnInput>;

/** Cancel a pending transfer or void a letter (撤销 / 作废). */
export const TransferCancelInput = Type.Object({
  /** Why (e.g. 介绍信已过期，重新开具). */
  reason: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX, description: '撤销原因' }))),
});
export type TransferCancelInput = Static<typeof TransferCancelInput>;

/** Issue an introduction letter to an organization outside the deployment (开具介绍信). */
export const LetterIssueInput = Type.Object({
  /** The member whose relation leaves; must be in the sender's scope. */
  memberId: Type.Unsafe<string>({ ...Id, description: '党员' }),
  /** The organization the letter is addressed to (free text). */
  toOrgName: Type.String({ minLength: 2, maxLength: TRANSFER_ORG_NAME_MAX, description: '接收党组织名称' }),
  /** Issue date; defaults to today, never later. */
  issueDate: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '开具日期' })),
  /** Last valid day; defaults to the rule set's validity (3 months). */
  validUntil: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '有效期至' })),
  /** Month the member's dues are paid to, `YYYY-MM`: taken from the dues ledger when the member is in it, else required. */
  duesPaidTo: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: '党费缴至（年月；党费台账中有记录的以台账为准）' })),
  /** Why (工作调动, 升学 …). */
  reason: Type.Optional(Nullable(Type.String({ maxLength: TRANSFER_NOTE_MAX, description: '转接原因' }))),
});
export type LetterIssueInput = Static<typeof LetterIssueInput>;

/** The 回执 of an outgoing letter came back (登记回执). */
export const LetterReceiptInput = Type.Object({
  /** Date the receipt arrived. */
  receivedDate: Type.Unsafe<string>({ ...DateOnly, description: '回执日期' }),
  /** Who signed it or anything worth keeping. */
  note: Type.Optional(Nullable(Type.String({ maxLength: TRANSFER_NOTE_MAX, description: '回执说明' }))),
});
export type LetterReceiptInput = Static<typeof LetterReceiptInput>;

/** A member arriving from outside the deployment with a letter (凭介绍信转入). */
export const IncomingLetterInput = Type.Object({
  /** The letter's own number, as printed. */
  letterNo: Type.String({ minLength: 1, maxLength: LETTER_NO_MAX, description: '介绍信编号' }),
  /** The organization that issued the letter. */
  fromOrgName: Type.String({ minLength: 2, maxLength: TRANSFER_ORG_NAME_MAX, description: '开具介绍信的党组织' }),
  /** Date printed on the letter. */
  letterDate: Type.Unsafe<string>({ ...DateOnly, description: '介绍信开具日期' }),
  /** Month the dues are paid to, as printed on the letter. */
  duesPaidTo: Type.Optional(Nullable(Type.String({ pattern: MONTH_PATTERN, description: '党费缴至（年月）' }))),
  /** The member's record, registered in the receiving branch (member.orgId). */
  member: MemberInput,
});
export type IncomingLetterInput = Static<typeof IncomingLetterInput>;

export const TransferListQuery = Type.Object({
  /** in: received or to receive; out: sent; all: both. */
  direction: Type.Optional(Enum(Object.values(TransferDirection), '方向')),
  /** Only this status. */
  status: Type.Optional(Enum(TRANSFER_STATUSES, '办理状态')),
  /** Only this kind. */
  kind: Type.Optional(Enum(TRANSFER_KINDS, '转接方式')),
  /** Started in this year. */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '年度' })),
  /** Outgoing letters past their validity without a receipt. */
  overdue: Type.Optional(Type.Boolean({ description: '仅逾期未回执' })),
  /** Page number. */
  page: PageNumber,
  /** Rows per page. */
  pageSize: pageSizeField(),
});
export type TransferListQuery = Static<typeof TransferListQuery>;
/** The export takes the list's filters without paging. */
export const TransferExportQuery = Type.Omit(TransferListQuery, ['page', 'pageSize']);
export type TransferExportQuery = Static<typeof TransferExportQuery>;

/** A transfer as either side sees it: the member is a snapshot taken when it started. */
export const Transfer = Type.Object({
  /** Record id. */
  id: Id,
  /** internal / letter_out / letter_in. */
  kind: Type.String({ description: '转接方式' }),
  /** pending / accepted / returned / cancelled / received. */
  status: Type.String({ description: '办理状态' }),
  /** Status in words (待接收, 待回执, 已作废 …). */
  statusText: Type.String({ description: '办理状态' }),
  /** The member's record id (readable by the receiver only once accepted). */
  memberId: Id,
  /** Snapshot: name. */
  memberName: Type.String({ description: '姓名' }),
  /** Snapshot: male / female. */
  memberGender: Type.String({ description: '性别' }),
  /** The member's age in whole years today (never the birth date: with the masked ID it rebuilds the number). */
  memberAge: Type.Integer({ description: '年龄' }),
  /** Snapshot: masked ID number. */
  memberIdNumber: Type.String({ description: '公民身份号码（脱敏）' }),
  /** Snapshot: full / probationary. */
  memberStatus: Type.String({ description: '党员类别' }),
  /** Sending branch inside the deployment (null for a letter from outside). */
  fromOrgId: Type.Union([Id, Type.Null()]),
  /** Sending organization's name. */
  fromOrgName: Type.String({ description: '转出党组织' }),
  /** Receiving branch inside the deployment (null for a letter to outside). */
  toOrgId: Type.Union([Id, Type.Null()]),
  /** Receiving organization's name. */
  toOrgName: Type.String({ description: '接收党组织' }),
  /** Why the transfer was started. */
  reason: Type.Union([Type.String(), Type.Null()], { description: '转接原因' }),
  /** Started (or the letter issued). */
  startedOn: Type.Unsafe<string>({ ...DateOnly, description: '发起日期' }),
  /** Accepted, receipt registered, or arrival registered. */
  completedOn: Type.Union([DateOnly, Type.Null()], { description: '办结日期' }),
  /** Why it was returned. */
  returnReason: Type.Union([Type.String(), Type.Null()], { description: '退回原因' }),
  /** Why it was cancelled. */
  cancelReason: Type.Union([Type.String(), Type.Null()], { description: '撤销原因' }),
  /** Letter number (ours for outgoing, as printed for incoming). */
  letterNo: Type.Union([Type.String(), Type.Null()], { description: '介绍信编号' }),
  /** Letter's last valid day. */
  validUntil: Type.Union([DateOnly, Type.Null()], { description: '有效期至' }),
  /** Dues paid to, `YYYY-MM`. */
  duesPaidTo: Type.Union([Type.String(), Type.Null()], { description: '党费缴至' }),
  /** A pending outgoing letter past its validity. */
  overdue: Type.Boolean({ description: '逾期未回执' }),
  /** Days past validity (0 when not overdue). */
  daysOverdue: Type.Integer({ description: '逾期天数' }),
  /** Note kept with the receipt. */
  receiptNote: Type.Union([Type.String(), Type.Null()], { description: '回执说明' }),
  /** Who started it. */
  createdByName: Type.Union([Type.String(), Type.Null()], { description: '经办人' }),
  /** Who accepted, returned, cancelled or registered the receipt. */
  decidedByName: Type.Union([Type.String(), Type.Null()], { description: '办理人' }),
  /** What the asking account may do now. */
  actions: Type.Array(Type.String(), { description: '可办理的操作' }),
  /** Whether the asking account may print the letter. */
  printable: Type.Boolean({ description: '可打印介绍信' }),
  /** Created. */
  createdAt: Timestamp,
  /** Last changed. */
  updatedAt: Timestamp,
});
export type Transfer = Static<typeof Transfer>;

/** A branch that may receive a transfer (searched across the whole region). */
export const TransferReceiver = Type.Object({
  /** Branch id. */
  id: Id,
  /** Branch name. */
  name: Type.String({ description: '党支部名称' }),
  /** Its parent's name, to tell same-named branches apart. */
  parentName: Type.Union([Type.String(), Type.Null()], { description: '上级组织' }),
});
export type TransferReceiver = Static<typeof TransferReceiver>;

export const TransferReceiverQuery = Type.Object({
  /** Part of the branch name (two characters or more match best). */
  q: Type.String({ minLength: 1, maxLength: 30, description: '党支部名称关键字' }),
});
export type TransferReceiverQuery = Static<typeof TransferReceiverQuery>;

export const TransferStatsQuery = Type.Object({
  /** Year counted; defaults to this year. */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '年度' })),
});
export type TransferStatsQuery = Static<typeof TransferStatsQuery>;

/** Completed transfers counted by the day they completed. */
export const TransferCounts = Type.Object({
  /** Accepted into the scope from another part of the deployment. */
  internalIn: Type.Integer({ description: '系统内转入' }),
  /** Accepted out of the scope to another part of the deployment. */
  internalOut: Type.Integer({ description: '系统内转出' }),
  /** Moves between branches both inside the scope. */
  internalWithin: Type.Integer({ description: '范围内调整' }),
  /** Outgoing letters whose receipt came back. */
  letterOut: Type.Integer({ description: '介绍信转出' }),
  /** Members registered from incoming letters. */
  letterIn: Type.Integer({ description: '介绍信转入' }),
});
export type TransferCounts = Static<typeof TransferCounts>;

export const TransferStats = Type.Object({
  /** The year counted. */
  year: Type.Integer({ description: '年度' }),
  /** Totals for the year. */
  totals: TransferCounts,
  /** Month by month, January first (12 entries). */
  months: Type.Array(TransferCounts, { description: '逐月统计' }),
  /** Open now: transfers waiting to be accepted by the scope. */
  pendingIn: Type.Integer({ description: '待接收' }),
  /** Open now: transfers and letters sent by the scope, not yet completed. */
  pendingOut: Type.Integer({ description: '待对方接收或回执' }),
});
export type TransferStats = Static<typeof TransferStats>;

/** Chinese names of the audited transfer actions. */
export const transferAuditLabel: Record<string, string> = {
  'transfer.start': '发起组织关系转接',
  'transfer.accept': '接收组织关系转接',
  'transfer.return': '退回组织关系转接',
  'transfer.cancel': '撤销组织关系转接',
  'transfer.letter_issue': '开具组织关系介绍信',
  'transfer.letter_receipt': '登记介绍信回执',
  'transfer.letter_in': '凭介绍信转入党员',
};
