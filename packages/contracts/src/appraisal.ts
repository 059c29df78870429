import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, Timestamp } from './common.ts';

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** 民主评议党员 grades (domain-rules §2.1). */
export const AppraisalGrade = {
  EXCELLENT: 'excellent',
  QUALIFIED: 'qualified',
  BASICALLY_QUALIFIED: 'basically_qualified',
  UNQUALIFIED: 'unqualified',
} as const;
export type AppraisalGrade = (typeof AppraisalGrade)[keyof typeof AppraisalGrade];
export const APPRAISAL_GRADES = Object.values(AppraisalGrade) as AppraisalGrade[];
export const appraisalGradeLabel: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** 组织处置 of a member graded 不合格 (《不合格党员组织处置办法》2024). */
export const DispositionKind = { CORRECTION: 'correction', PERSUADE: 'persuade', REMOVE: 'remove' } as const;
export type DispositionKind = (typeof DispositionKind)[keyof typeof DispositionKind];
export const DISPOSITION_KINDS = Object.values(DispositionKind) as DispositionKind[];
export const dispositionKindLabel: Record<DispositionKind, string> = { correction: '限期改正', persuade: '劝其退党', remove: '除名' };

export const DispositionStatus = { IN_PROGRESS: 'in_progress', DONE: 'done' } as const;
export type DispositionStatus = (typeof DispositionStatus)[keyof typeof DispositionStatus];
export const DISPOSITION_STATUSES = Object.values(DispositionStatus) as DispositionStatus[];
export const dispositionStatusLabel: Record<DispositionStatus, string> = { in_progress: '进行中', done: '已完成' };

/** Field limits reused by the web forms. */
export const APPRAISAL_YEAR_MIN = 2000;
export const APPRAISAL_YEAR_MAX = 2100;
export const APPRAISAL_REMARK_MAX = 200;
export const APPRAISAL_OVERRIDE_REASON_MIN = 5;
export const APPRAISAL_OVERRIDE_REASON_MAX = 500;
export const DISPOSITION_RESULT_MAX = 500;
/** One bulk request carries at most this many grades (a branch far above the 50-member norm fits). */
export const APPRAISAL_BULK_MAX = 1000;

const Year = Type.Integer({ minimum: APPRAISAL_YEAR_MIN, maximum: APPRAISAL_YEAR_MAX, description: '评议年度' });
const OverrideReason = Type.String({ minLength: APPRAISAL_OVERRIDE_REASON_MIN, maxLength: APPRAISAL_OVERRIDE_REASON_MAX, description: '优秀超过三分之一的理由' });

export const AppraisalSheetQuery = Type.Object({
  /** The branch (党支部) running the appraisal. */
  orgId: Type.Unsafe<string>({ ...Id, description: '党支部' }),
  /** 评议年度 */
  year: Year,
});
export type AppraisalSheetQuery = Static<typeof AppraisalSheetQuery>;

/** How a 不合格 grade is dealt with; only 限期改正 has a deadline. */
export const DispositionInput = Type.Object({
  /** 处置方式: 限期改正 / 劝其退党 / 除名 */
  kind: Enum(DISPOSITION_KINDS, '处置方式'),
  /** 开始日期; defaults to today. */
  startDate: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '开始日期' })),
  /** 整改期限 of 限期改正; defaults to 6 months after the start, at most 1 year. */
  deadline: Type.Optional(Nullable(Type.Unsafe<string>({ ...DateOnly, description: '整改期限' }))),
});
export type DispositionInput = Static<typeof DispositionInput>;

/** One member's grade inside a bulk request. */
export const AppraisalGradeItem = Type.Object({
  /** The member graded. */
  memberId: Type.Unsafe<string>({ ...Id, description: '党员' }),
  /** 评议等次 */
  grade: Enum(APPRAISAL_GRADES, '评议等次'),
  /** 评议意见 (optional). */
  remark: Type.Optional(Nullable(Type.String({ maxLength: APPRAISAL_REMARK_MAX, description: '评议意见' }))),
  /** Required when the grade is 不合格 and no disposition exists yet. */
  disposition: Type.Optional(Nullable(DispositionInput)),
});
export type AppraisalGradeItem = Static<typeof AppraisalGradeItem>;

/** Sets one member's grade. */
export const AppraisalGradeInput = Type.Composite([
  AppraisalSheetQuery,
  AppraisalGradeItem,
  Type.Object({
    /** Needed only when 优秀 would exceed one third of the members appraised; recorded and audited. */
    overrideReason: Type.Optional(OverrideReason),
  }),
]);
export type AppraisalGradeInput = Static<typeof AppraisalGradeInput>;

/** Sets many grades of one branch-year at once: checked as a whole, applied whole or not at all. */
export const AppraisalBulkInput = Type.Composite([
  AppraisalSheetQuery,
  Type.Object({
    /** The grades to set; members not listed keep theirs. */
    grades: Type.Array(AppraisalGradeItem, { minItems: 1, maxItems: APPRAISAL_BULK_MAX, description: '评议等次' }),
    /** Needed only when 优秀 would exceed one third of the members appraised; recorded and audited. */
    overrideReason: Type.Optional(OverrideReason),
  }),
]);
export type AppraisalBulkInput = Static<typeof AppraisalBulkInput>;

/** A disposition as shown next to a grade. */
export const DispositionBrief = Type.Object({
  id: Id,
  /** 处置方式 */
  kind: Type.String(),
  /** 开始日期 */
  startDate: DateOnly,
  /** 整改期限 (限期改正 only) */
  deadline: Nullable(DateOnly),
  /** 进行中 / 已完成 */
  status: Type.String(),
});
export type DispositionBrief = Static<typeof DispositionBrief>;

/** One row of the branch-year sheet: a member appraised, with their grade or none yet. */
export const AppraisalRow = Type.Object({
  memberId: Id,
  /** 姓名 */
  name: Type.String(),
  /** 性别 */
  gender: Type.String(),
  /** 党员状态 (正式/预备; 已出党 or moved when graded earlier in the year) */
  memberStatus: Type.String(),
  /** 评议等次; null when not graded yet */
  grade: Nullable(Type.String()),
  /** 评议意见 */
  remark: Nullable(Type.String()),
  /** The reason given when this 优秀 went above one third */
  overrideReason: Nullable(Type.String()),
  /** Who graded, and when */
  gradedBy: Nullable(Type.String()),
  gradedAt: Nullable(Timestamp),
  /** The 组织处置 started by a 不合格 grade */
  disposition: Nullable(DispositionBrief),
  /** Set when the member was already appraised this year by another branch (not counted here). */
  appraisedElsewhere: Nullable(Type.String()),
});
export type AppraisalRow = Static<typeof AppraisalRow>;

export const AppraisalSheet = Type.Object({
  orgId: Id,
  /** 党支部名称 */
  orgName: Type.String(),
  year: Type.Integer(),
  /** 参加评议人数: members on the sheet, those appraised elsewhere excluded */
  appraisedCount: Type.Integer(),
  /** The most 优秀 allowed without an override (one third, rounded down) */
  excellentLimit: Type.Integer(),
  /** Members per grade, and `ungraded` */
  counts: Type.Record(Type.String(), Type.Integer()),
  rows: Type.Array(AppraisalRow),
});
export type AppraisalSheet = Static<typeof AppraisalSheet>;

export const DispositionListQuery = Type.Object({
  /** Subtree root; defaults to the account's scope. */
  orgId: Type.Optional(Id),
  year: Type.Optional(Year),
  status: Type.Optional(Enum(DISPOSITION_STATUSES, '处置状态')),
});
export type DispositionListQuery = Static<typeof DispositionListQuery>;

export const Disposition = Type.Composite([
  DispositionBrief,
  Type.Object({
    memberId: Id,
    /** 党员姓名 */
    memberName: Type.String(),
    /** The branch that ran the appraisal */
    orgId: Id,
    orgName: Type.String(),
    year: Type.Integer(),
    /** 处置结果 */
    result: Nullable(Type.String()),
    /** 完成日期 */
    completedDate: Nullable(DateOnly),
    /** Days left to the deadline of a 限期改正 in progress (negative: overdue) */
    daysLeft: Nullable(Type.Integer()),
  }),
]);
export type Disposition = Static<typeof Disposition>;

/** Changes a disposition in progress: its deadline, or closing it with the result. */
export const DispositionUpdate = Type.Object({
  /** New 整改期限 (限期改正 only; at most 1 year after the start) */
  deadline: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '整改期限' })),
  /** 已完成 closes the disposition (needs the result) */
  status: Type.Optional(Enum(DISPOSITION_STATUSES, '处置状态')),
  /** 处置结果 */
  result: Type.Optional(Type.String({ minLength: 2, maxLength: DISPOSITION_RESULT_MAX, description: '处置结果' })),
});
export type DispositionUpdate = Static<typeof DispositionUpdate>;

/** A member's own appraisal of one year (self-service). */
export const MyAppraisal = Type.Object({
  year: Type.Integer(),
  /** The branch that ran it */
  orgName: Type.String(),
  /** 评议等次 */
  grade: Type.String(),
  /** 评议意见 */
  remark: Nullable(Type.String()),
  /** 组织处置, if any */
  disposition: Nullable(Type.Composite([DispositionBrief, Type.Object({ result: Nullable(Type.String()), completedDate: Nullable(DateOnly) })])),
});
export type MyAppraisal = Static<typeof MyAppraisal>;
