import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, PageQuery, Timestamp } from './common.ts';
import { FLOATING_NOTE_MAX } from './floating.ts';

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Text = (max: number, description: string, min = 1) => Type.String({ minLength: min, maxLength: max, description });
const Day = (description: string) => Type.Unsafe<string>({ ...DateOnly, description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const LOST_CONTACT_MEASURES_MAX = 500;

/** 失联党员: status of a record. */
export const LostContactStatus = { LOST: 'lost', FOUND: 'found' } as const;
export type LostContactStatus = (typeof LostContactStatus)[keyof typeof LostContactStatus];
export const lostContactStatusLabel: Record<LostContactStatus, string> = { lost: '失联', found: '已恢复联系' };

/** How the branch tried to reach the member. */
export const ContactMethod = { PHONE: 'phone', VISIT: 'visit', RELATIVES: 'relatives', UNIT: 'unit', NOTICE: 'notice', OTHER: 'other' } as const;
export type ContactMethod = (typeof ContactMethod)[keyof typeof ContactMethod];
export const contactMethodLabel: Record<ContactMethod, string> = { phone: '电话联系', visit: '上门走访', relatives: '联系亲属', unit: '联系工作单位', notice: '登报或公告寻找', other: '其他' };

/** Proposals a lost-contact record may raise (rule lost-contact-2019). */
export const lostContactProposalLabel: Record<'suspend' | 'remove', string> = { suspend: '建议停止党籍', remove: '建议除名' };

export const LostContactInput = Type.Object({
  /** The member out of contact; must be in the account's scope. */
  memberId: Type.Unsafe<string>({ ...Id, description: '党员' }),
  /** The last day anyone of the branch reached the member. */
  lastContactDate: Day('最后联系日期'),
  /** What was tried before recording the loss of contact. */
  measures: Text(LOST_CONTACT_MEASURES_MAX, '已采取的联系措施', 2),
});
export type LostContactInput = Static<typeof LostContactInput>;

export const LostContactUpdate = Type.Partial(Type.Omit(LostContactInput, ['memberId']));
export type LostContactUpdate = Static<typeof LostContactUpdate>;

/** One try to reach the member. */
export const ContactAttemptInput = Type.Object({
  /** The day of the try. */
  date: Day('联系日期'),
  /** How the branch tried. */
  method: Enum(Object.values(ContactMethod), '联系方式'),
  /** What came of it. */
  result: Text(FLOATING_NOTE_MAX, '联系结果', 2),
});
export type ContactAttemptInput = Static<typeof ContactAttemptInput>;

export const ContactAttempt = Type.Object({
  /** Attempt id. */
  id: Id,
  /** 联系日期. */
  date: DateOnly,
  /** ContactMethod. */
  method: Type.String(),
  /** 联系结果. */
  result: Type.String(),
  /** Who recorded it. */
  actorName: Nullable(Type.String()),
  /** Recorded. */
  createdAt: Timestamp,
});
export type ContactAttempt = Static<typeof ContactAttempt>;

export const LostContactListQuery = Type.Object({
  /** lost / found. */
  status: Type.Optional(Enum(Object.values(LostContactStatus), '状态')),
  /** Only one member's records. */
  memberId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党员' })),
  ...PageQuery.properties,
});
export type LostContactListQuery = Static<typeof LostContactListQuery>;
/** The export takes the list's filters without paging. */
export const LostContactExportQuery = Type.Omit(LostContactListQuery, ['page', 'pageSize']);
export type LostContactExportQuery = Static<typeof LostContactExportQuery>;

export const LostContactRecord = Type.Object({
  /** Record id. */
  id: Id,
  /** The member's record id. */
  memberId: Id,
  /** 姓名. */
  memberName: Type.String(),
  /** The member's current status (MemberStatus: 正式、预备、停止党籍、已出党). */
  memberStatus: Type.String(),
  /** The member's branch. */
  orgId: Id,
  /** Its name. */
  orgName: Type.String(),
  /** 最后联系日期. */
  lastContactDate: DateOnly,
  /** 已采取的联系措施. */
  measures: Type.String(),
  /** LostContactStatus. */
  status: Type.String(),
  /** The day contact was re-established. */
  foundDate: Type.Union([DateOnly, Type.Null()]),
  /** How contact was re-established. */
  foundNote: Nullable(Type.String()),
  /** Whole months since the last contact (to the found day when found). */
  monthsLost: Type.Integer(),
  /** Rule lost-contact-2019: what the branch should consider now (suspend / remove), or null. */
  proposal: Nullable(Type.String()),
  /** Since when that proposal is due. */
  proposalDueDate: Type.Union([DateOnly, Type.Null()]),
  /** Number of recorded tries. */
  attemptCount: Type.Integer(),
  /** The latest try. */
  lastAttemptDate: Type.Union([DateOnly, Type.Null()]),
  /** Created. */
  createdAt: Timestamp,
  /** Last changed. */
  updatedAt: Timestamp,
});
export type LostContactRecord = Static<typeof LostContactRecord>;

export const LostContactDetail = Type.Composite([LostContactRecord, Type.Object({ attempts: Type.Array(ContactAttempt) })]);
export type LostContactDetail = Static<typeof LostContactDetail>;
