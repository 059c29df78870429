import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Timestamp, PageNumber, pageSizeField, Version } from './common.ts';
import { Education, ETHNICITIES, Gender, LeaveReason, MemberCategory, MemberStatus, Occupation } from './member-dict.ts';

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const MEMBER_NAME_MAX = 30;
export const WORK_UNIT_MAX = 100;
export const MEMBER_POSITION_MAX = 60;
export const ADDRESS_MAX = 120;
export const PHONE_PATTERN = '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$';
export const REASON_MAX = 500;
/** Largest member photo, bytes (a 证件照 needs far less). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export const MemberInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: MEMBER_NAME_MAX, description: '姓名' }),
  /** Validated with the GB 11643 check digit; must agree with birthDate and gender when given. */
  idNumber: Type.String({ minLength: 15, maxLength: 24, description: '公民身份号码' }),
  gender: Type.Optional(Enum(Object.values(Gender), '性别')),
  birthDate: Type.Optional(DateOnly),
  ethnicity: Enum(ETHNICITIES, '民族'),
  education: Enum(Object.values(Education), '学历'),
  occupation: Enum(Object.values(Occupation), '人员类别'),
  workUnit: Type.Optional(Nullable(Type.String({ maxLength: WORK_UNIT_MAX, description: '工作单位' }))),
  position: Type.Optional(Nullable(Type.String({ maxLength: MEMBER_POSITION_MAX, description: '职务' }))),
  phone: Type.Optional(Nullable(Type.String({ pattern: PHONE_PATTERN, description: '联系电话' }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: ADDRESS_MAX, description: '家庭住址' }))),
  appliedDate: Type.Optional(Nullable(DateOnly)),
  /** 入党日期: the branch meeting's acceptance date. */
  joinedDate: Type.Unsafe<string>({ ...DateOnly, description: '入党日期' }),
  /** 正式 or 预备 at registration. */
  status: Enum(['full', 'probationary'] as const, '党员类别'),
  /** 转正日期 for a full member; defaults to one year after joinedDate. */
  confirmedDate: Type.Optional(Nullable(DateOnly)),
  /** The branch (exactly one) that holds the member's organization relation. */
  orgId: Type.Unsafe<string>({ ...Id, description: '所在党支部' }),
  categories: Type.Array(Enum(Object.values(MemberCategory), '人员标签'), { maxItems: 7, uniqueItems: true, description: '人员标签' }),
});
export type MemberInput = Static<typeof MemberInput>;

/** Edits of the record's own fields; branch and status change only through transfers and events. */
export const MemberUpdate = Type.Composite([
  Type.Partial(Type.Omit(MemberInput, ['orgId', 'status', 'joinedDate', 'confirmedDate'])),
  /** The version the form started from (or If-Match). */
  Type.Object({ version: Type.Optional(Version) }),
]);
export type MemberUpdate = Static<typeof MemberUpdate>;

export const MemberSummary = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  name: Type.String(),
  gender: Type.String(),
  /**
   * Full only where the personal fields are shown in full (an audited unmask, or one's own record);
   * null in every masked answer, since with the masked ID number it would rebuild the whole number.
   */
  birthDate: Type.Union([DateOnly, Type.Null()]),
  /** 年龄 in whole years (what masked answers show instead of the birth date). */
  age: Type.Integer(),
  /** Masked unless the request asked for and may see it in full. */
  idNumber: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  education: Type.String(),
  occupation: Type.String(),
  status: Type.String(),
  leaveReason: Type.Union([Type.String(), Type.Null()]),
  joinedDate: DateOnly,
  confirmedDate: Type.Union([DateOnly, Type.Null()]),
  /** 党龄 in whole years, counted from the end of the probation year; null while probationary. */
  partyAge: Type.Union([Type.Integer(), Type.Null()]),
  categories: Type.Array(Type.String()),
});
export type MemberSummary = Static<typeof MemberSummary>;

export const Member = Type.Composite([
  MemberSummary,
  Type.Object({
    ethnicity: Type.String(),
    workUnit: Type.Union([Type.String(), Type.Null()]),
    position: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    appliedDate: Type.Union([DateOnly, Type.Null()]),
    probationExtendedMonths: Type.Union([Type.Integer(), Type.Null()]),
    /** End of the probation year (with any extension), while probationary. */
    probationEndDate: Type.Union([DateOnly, Type.Null()]),
    disciplineUntil: Type.Union([DateOnly, Type.Null()]),
    /** 表决权: only full members not under 留党察看 and not suspended. */
    canVote: Type.Boolean(),
    /** A photo is on file (GET /api/members/:id/photo). */
    hasPhoto: Type.Boolean(),
    /** True when personal fields are shown in full (and the read was audited). */
    unmasked: Type.Boolean(),
    /** Send back on save (optimistic locking). */
    version: Version,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
]);
export type Member = Static<typeof Member>;

export const MemberListQuery = Type.Object({
  /** Subtree root; defaults to the account's scope. */
  orgId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 30, description: '姓名关键字' })),
  idNumber: Type.Optional(Type.String({ maxLength: 24, description: '公民身份号码（精确）' })),
  phone: Type.Optional(Type.String({ maxLength: 20, description: '联系电话（精确）' })),
  status: Type.Optional(Enum(Object.values(MemberStatus), '党员状态')),
  category: Type.Optional(Enum(Object.values(MemberCategory), '人员标签')),
  education: Type.Optional(Enum(Object.values(Education), '学历')),
  occupation: Type.Optional(Enum(Object.values(Occupation), '人员类别')),
  ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  partyAgeMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  partyAgeMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  /** Include members who have left (出党). */
  includeLeft: Type.Optional(Type.Boolean()),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type MemberListQuery = Static<typeof MemberListQuery>;

/**
 * Where the member list stops counting (and the web list stops paging): counting every match of a
 * district-wide list took 93 % of a 662 ms answer at 1,000,000 members. A list with more matches
 * answers `total` = MEMBER_COUNT_CAP with `totalCapped`; shown as 「10,000+」 with a hint to narrow
 * the filter. Smaller lists (a branch, a street, any selective filter) keep their exact total.
 */
export const MEMBER_COUNT_CAP = 10_000;

/** A page of the member list (GET /api/members): like `Page`, but the count may stop at MEMBER_COUNT_CAP. */
export const MemberListPage = Type.Object({
  items: Type.Array(MemberSummary),
  /**
   * Members matching the filter: exact when `totalCapped` is false; otherwise *at least* this many
   * (counting stopped at MEMBER_COUNT_CAP, or at the end of the requested page when that lies further).
   */
  total: Type.Integer(),
  /** True when more members match than `total` says (see MEMBER_COUNT_CAP). */
  totalCapped: Type.Boolean(),
});
export type MemberListPage = Static<typeof MemberListPage>;

export const MemberGetQuery = Type.Object({
  /** Ask for personal fields in full; needs personal:unmask and is written to the audit log. */
  unmask: Type.Optional(Type.Boolean()),
});

/** Status lifecycle events (state machine in packages/rules). */
export const MemberEvent = {
  CONFIRM: 'confirm',
  EXTEND_PROBATION: 'extend_probation',
  CANCEL_PROBATION: 'cancel_probation',
  SUSPEND: 'suspend',
  RESTORE: 'restore',
  LEAVE: 'leave',
  DISCIPLINE_START: 'discipline_start',
  DISCIPLINE_END: 'discipline_end',
} as const;
export type MemberEvent = (typeof MemberEvent)[keyof typeof MemberEvent];
export const memberEventLabel: Record<MemberEvent, string> = {
  confirm: '按期转正',
  extend_probation: '延长预备期',
  cancel_probation: '取消预备党员资格',
  suspend: '停止党籍',
  restore: '恢复党籍',
  leave: '出党',
  discipline_start: '留党察看',
  discipline_end: '留党察看期满',
};

export const MemberEventInput = Type.Object({
  event: Enum(Object.values(MemberEvent), '变动类型'),
  /** Date of the decision (支部大会 / 上级批准). */
  date: Type.Unsafe<string>({ ...DateOnly, description: '决定日期' }),
  reason: Type.String({ minLength: 2, maxLength: REASON_MAX, description: '原因' }),
  /** For `leave`. */
  leaveReason: Type.Optional(
    Enum(
      Object.values(LeaveReason).filter((r) => r !== 'probation_cancelled'),
      '出党方式',
    ),
  ),
  /** For `extend_probation`: 6–12 months. */
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, description: '延长月数' })),
  /** For `discipline_start`: end of 留党察看. */
  until: Type.Optional(DateOnly),
});
export type MemberEventInput = Static<typeof MemberEventInput>;

export const MemberStatusEvent = Type.Object({
  id: Id,
  event: Type.String(),
  fromStatus: Type.String(),
  toStatus: Type.String(),
  date: DateOnly,
  reason: Type.String(),
  detail: Type.Unknown(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type MemberStatusEvent = Static<typeof MemberStatusEvent>;
export * from './member-stats.ts';
