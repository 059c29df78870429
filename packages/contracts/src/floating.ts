import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, PageQuery, Timestamp } from './common.ts';
import { PHONE_PATTERN } from './member.ts';

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Text = (max: number, description: string, min = 1) => Type.String({ minLength: min, maxLength: max, description });
const OptText = (max: number, description: string) => Type.Optional(Type.Union([Type.String({ maxLength: max, description }), Type.Null()], { description }));
const OptDate = (description: string) => Type.Optional(Type.Union([Type.Unsafe<string>({ ...DateOnly, description }), Type.Null()], { description }));
const Day = (description: string) => Type.Unsafe<string>({ ...DateOnly, description });

export const FLOATING_PLACE_MAX = 100;
export const FLOATING_NOTE_MAX = 500;
export const FLOATING_REASON_NOTE_MAX = 200;
export const ACTIVITY_CERT_NO_MAX = 40;
export const CONTACT_PERSON_MAX = 30;

/** 外出原因 of a 流出 registration. */
export const FloatingReason = { WORK: 'work', STUDY: 'study', FAMILY: 'family', OTHER: 'other' } as const;
export type FloatingReason = (typeof FloatingReason)[keyof typeof FloatingReason];
export const floatingReasonLabel: Record<FloatingReason, string> = { work: '外出务工经商', study: '外出求学', family: '随迁或投靠亲属', other: '其他' };

/** 凡进必登、凡登必核: where a floating registration stands. */
export const FloatingStatus = { PENDING_ARRIVAL: 'pending_arrival', PENDING_VERIFY: 'pending_verify', VERIFIED: 'verified', RETURNED: 'returned' } as const;
export type FloatingStatus = (typeof FloatingStatus)[keyof typeof FloatingStatus];
export const floatingStatusLabel: Record<FloatingStatus, string> = { pending_arrival: '待流入地登记', pending_verify: '待流出地核实', verified: '已核实', returned: '已返回' };

/** Which side of a registration an account looks from: 流出 (home branch) or 流入 (destination). */
export const FloatingDirection = { OUT: 'out', IN: 'in' } as const;
export type FloatingDirection = (typeof FloatingDirection)[keyof typeof FloatingDirection];

/** 流出登记 by the home branch side. */
export const FloatingInput = Type.Object({
  /** The member going away; must be in the account's scope. */
  memberId: Type.Unsafe<string>({ ...Id, description: '党员' }),
  /** Where the member lives or works now (province, city, unit). */
  destinationPlace: Text(FLOATING_PLACE_MAX, '流入地'),
  /** The branch at the destination when it is in this platform; it then registers the member (凡进必登). */
  destinationOrgId: Type.Optional(Type.Union([Type.Unsafe<string>({ ...Id, description: '流入地党组织' }), Type.Null()], { description: '流入地党组织' })),
  /** 外出原因. */
  reason: Enum(Object.values(FloatingReason), '外出原因'),
  /** Free-text detail of the reason. */
  reasonNote: OptText(FLOATING_REASON_NOTE_MAX, '原因说明'),
  /** The member's phone while away; encrypted at rest, masked in responses. */
  contactPhone: Type.String({ pattern: PHONE_PATTERN, description: '外出期间联系电话' }),
  /** The day the member left. */
  leftDate: Day('外出日期'),
  /** 预计返回日期. */
  expectedReturnDate: OptDate('预计返回日期'),
  /** 流动党员活动证 number. */
  certNo: OptText(ACTIVITY_CERT_NO_MAX, '活动证编号'),
  /** 活动证 issue date. */
  certIssuedDate: OptDate('活动证发放日期'),
  /** 活动证 last valid day. */
  certValidUntil: OptDate('活动证有效期至'),
});
export type FloatingInput = Static<typeof FloatingInput>;

/** Edits by the home branch side; a new destination restarts 凡进必登 and the six-month count. */
export const FloatingUpdate = Type.Composite([
  Type.Partial(Type.Omit(FloatingInput, ['memberId'])),
  Type.Object({
    /** When the destination changes: the day the member settled there (defaults to today). */
    destinationSince: OptDate('到达新流入地日期'),
  }),
]);
export type FloatingUpdate = Static<typeof FloatingUpdate>;

/** 凡进必登: the destination branch registers the member. */
export const FloatingArrivalInput = Type.Object({
  /** The day the destination branch registered the member. */
  date: Day('流入登记日期'),
  /** The person at the destination branch the member reports to. */
  contactPerson: Text(CONTACT_PERSON_MAX, '流入地联系人'),
  /** Remarks (study group, org life arranged …). */
  note: OptText(FLOATING_NOTE_MAX, '备注'),
});
export type FloatingArrivalInput = Static<typeof FloatingArrivalInput>;

/** 凡登必核 (核实) or the end of floating (返回): a dated step with an optional remark. */
export const FloatingStepInput = Type.Object({
  /** The day of the step. */
  date: Day('日期'),
  /** Remarks. */
  note: OptText(FLOATING_NOTE_MAX, '备注'),
});
export type FloatingStepInput = Static<typeof FloatingStepInput>;

export const FloatingListQuery = Type.Object({
  /** out: my members away; in: members registered to my branches; none: both. */
  direction: Type.Optional(Enum(Object.values(FloatingDirection), '方向')),
  /** Filter by step. */
  status: Type.Optional(Enum(Object.values(FloatingStatus), '状态')),
  /** Only open registrations (not returned). */
  open: Type.Optional(Type.Boolean({ description: '仅未返回' })),
  /** Only one member's registrations. */
  memberId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党员' })),
  ...PageQuery.properties,
});
export type FloatingListQuery = Static<typeof FloatingListQuery>;
/** The export takes the list's filters without paging. */
export const FloatingExportQuery = Type.Omit(FloatingListQuery, ['page', 'pageSize']);
export type FloatingExportQuery = Static<typeof FloatingExportQuery>;

export const FloatingGetQuery = Type.Object({
  /** Show the contact phone in full; needs personal:unmask and is written to the audit log. */
  unmask: Type.Optional(Type.Boolean({ description: '显示完整联系电话' })),
});

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A floating registration as both sides see it (the member shown from the snapshot). */
export const FloatingRecord = Type.Object({
  /** Registration id. */
  id: Id,
  /** The member's record id (readable by the home side only). */
  memberId: Id,
  /** 姓名, snapshot at registration: the destination cannot read the member record. */
  memberName: Type.String(),
  /** 性别 (male/female), snapshot. */
  memberGender: Type.String(),
  /** Masked 公民身份号码, snapshot. */
  memberIdNumber: Type.String(),
  /** The home branch (流出地党组织). */
  homeOrgId: Id,
  /** Its name, snapshot at registration. */
  homeOrgName: Type.String(),
  /** 流入地 as text. */
  destinationPlace: Type.String(),
  /** The destination branch in this platform, if any. */
  destinationOrgId: Type.Union([Id, Type.Null()]),
  /** Its name. */
  destinationOrgName: Nullable(Type.String()),
  /** Since when the member is at this destination (start of the six-month count). */
  destinationSince: DateOnly,
  /** 外出原因 (FloatingReason). */
  reason: Type.String(),
  /** 原因说明. */
  reasonNote: Nullable(Type.String()),
  /** Masked unless asked for and permitted (then audited). */
  contactPhone: Type.String(),
  /** 外出日期. */
  leftDate: DateOnly,
  /** 预计返回日期. */
  expectedReturnDate: Type.Union([DateOnly, Type.Null()]),
  /** 活动证编号. */
  certNo: Nullable(Type.String()),
  /** 活动证发放日期. */
  certIssuedDate: Type.Union([DateOnly, Type.Null()]),
  /** 活动证有效期至. */
  certValidUntil: Type.Union([DateOnly, Type.Null()]),
  /** True when the certificate's last valid day has passed. */
  certExpired: Type.Boolean(),
  /** FloatingStatus. */
  status: Type.String(),
  /** 凡进必登: the day the destination registered the member. */
  arrivalDate: Type.Union([DateOnly, Type.Null()]),
  /** The destination's contact person. */
  arrivalContact: Nullable(Type.String()),
  /** Destination's remarks. */
  arrivalNote: Nullable(Type.String()),
  /** Who recorded the arrival. */
  arrivalBy: Nullable(Type.String()),
  /** 凡登必核: the day the home side confirmed. */
  verifiedDate: Type.Union([DateOnly, Type.Null()]),
  /** Home side's remarks on confirming. */
  verifiedNote: Nullable(Type.String()),
  /** Who confirmed. */
  verifiedBy: Nullable(Type.String()),
  /** 返回日期: the end of floating. */
  returnedDate: Type.Union([DateOnly, Type.Null()]),
  /** Remarks on the return. */
  returnedNote: Nullable(Type.String()),
  /** Rule floating-2023: from this day a formal transfer (转接组织关系) is due. */
  transferDueDate: DateOnly,
  /** True while open and on or after transferDueDate. */
  transferDue: Type.Boolean(),
  /** The account's side(s): out = home branch, in = destination. */
  sides: Type.Array(Type.String()),
  /** True when contactPhone is shown in full. */
  unmasked: Type.Boolean(),
  /** Created. */
  createdAt: Timestamp,
  /** Last changed. */
  updatedAt: Timestamp,
});
export type FloatingRecord = Static<typeof FloatingRecord>;

/** A branch that may be named as destination (any active branch of the platform). */
export const FloatingDestination = Type.Object({
  /** Branch id. */
  id: Id,
  /** Branch name. */
  name: Type.String(),
  /** Its superior's name, to tell same-named branches apart. */
  parentName: Nullable(Type.String()),
});
export type FloatingDestination = Static<typeof FloatingDestination>;
export const FloatingDestinationQuery = Type.Object({
  /** Part of the branch name. */
  q: Type.String({ minLength: 1, maxLength: 30, description: '组织名称关键字' }),
});

/** Chinese names of this module's audited actions (merged into auditActionLabel). */
export const floatingAuditLabel: Record<string, string> = {
  'floating.create': '流出登记',
  'floating.update': '修改流出登记',
  'floating.arrive': '流入地登记（凡进必登）',
  'floating.verify': '流出地核实（凡登必核）',
  'floating.return': '结束流动（返回）',
  'lost_contact.create': '登记失联党员',
  'lost_contact.update': '修改失联登记',
  'lost_contact.attempt': '记录联系失联党员',
  'lost_contact.found': '失联党员恢复联系',
};
