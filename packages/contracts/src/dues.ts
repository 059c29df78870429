import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Id, Timestamp, Version } from './common.ts';

/**
 * 党费 (issue 11): a member's dues basis (category and monthly base, from an effective month on) and
 * the calculator. The amounts come from the rule set in packages/rules (`DUES_RULES_2008`,
 * `monthlyDues`); money is integer fen throughout, as the wish module's `valueFen`.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** The rule set's categories (packages/rules `DUES_CATEGORIES`), in its order. */
export const DUES_CATEGORY_IDS = ['salaried', 'annual_salary', 'self_employed', 'retired', 'farmer', 'student', 'unemployed', 'relief', 'low_income'] as const;
export type DuesCategoryId = (typeof DUES_CATEGORY_IDS)[number];
/** The rule set's names of the categories (`DUES_RULES_2008.categories[c].label`; a server test holds them equal). */
export const duesCategoryLabel: Record<DuesCategoryId, string> = {
  salaried: '在职党员',
  annual_salary: '实行年薪制的党员',
  self_employed: '无固定工资收入的党员（个体等）',
  retired: '离退休党员',
  farmer: '农民党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  relief: '依靠抚恤或救济生活的党员',
  low_income: '领取最低生活保障金的党员',
};
/** Categories whose amount is a share of a monthly base (the others are fixed, or chosen: 农民). */
export const DUES_BASE_CATEGORIES: readonly DuesCategoryId[] = ['salaried', 'annual_salary', 'self_employed', 'retired'];
/** The category whose member chooses the monthly amount within the rule set's range. */
export const DUES_CHOSEN_CATEGORIES: readonly DuesCategoryId[] = ['farmer'];

export const DUES_RELIEF_KINDS = ['reduce', 'waive'] as const;
export type DuesReliefKind = (typeof DUES_RELIEF_KINDS)[number];
export const duesReliefLabel: Record<DuesReliefKind, string> = { reduce: '少交', waive: '免交' };

/** Field limits the forms reuse: a monthly base up to 1 亿元, a chosen amount up to 1 万元 (the rule set narrows both). */
export const DUES_BASE_MAX_FEN = 10_000_000_000;
export const DUES_AMOUNT_MAX_FEN = 1_000_000;
export const DUES_APPROVAL_MAX = 200;
/** A calendar month, `YYYY-MM`. */
export const DUES_MONTH_PATTERN = '^(19|20)\\d{2}-(0[1-9]|1[0-2])$';
const Month = (description: string) => Type.String({ pattern: DUES_MONTH_PATTERN, description });

const Category = Enum(DUES_CATEGORY_IDS, '缴费类别');
const BaseFen = Type.Integer({ minimum: 0, maximum: DUES_BASE_MAX_FEN, description: '每月计算基数（分）' });
const ChosenFen = Type.Integer({ minimum: 0, maximum: DUES_AMOUNT_MAX_FEN, description: '本人每月交纳金额（分）' });

export const DuesReliefInput = Type.Object(
  {
    /** 少交 or 免交. */
    kind: Enum(DUES_RELIEF_KINDS, '少交或免交'),
    /** 少交: the monthly amount after the reduction, in fen. */
    amountFen: Type.Optional(Type.Integer({ minimum: 0, maximum: DUES_AMOUNT_MAX_FEN, description: '少交后每月金额（分）' })),
    /** The upper committee's approval (文号 or record). */
    approval: Type.String({ minLength: 1, maxLength: DUES_APPROVAL_MAX, description: '上级党委批准文件或记录' }),
  },
  { additionalProperties: false },
);
export type DuesReliefInput = Static<typeof DuesReliefInput>;

/** What an amount is computed from (the calculator's input, and the basis without its month); a field the category does not use is ignored. */
const amountFields = {
  /** 缴费类别 */
  category: Category,
  /** The monthly base (bracket categories: pay after income tax, pension, last quarter's average). */
  baseFen: Type.Optional(BaseFen),
  /** 农民: the monthly amount the member chose within the range. */
  chosenFen: Type.Optional(ChosenFen),
  /** 少交/免交 with the approval. */
  relief: Type.Optional(DuesReliefInput),
};

/** Sets a member's basis from the month in the path (`PUT /api/members/:id/dues-bases/:month`). */
export const DuesBasisInput = Type.Object(
  {
    ...amountFields,
    /** The version read, when the month already has a basis (replacing it). */
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type DuesBasisInput = Static<typeof DuesBasisInput>;

export const DuesBasisParams = Type.Object({
  id: Type.Unsafe<string>({ ...Id, description: '党员' }),
  month: Month('起算月份（年-月，如 2026-01）'),
});
export type DuesBasisParams = Static<typeof DuesBasisParams>;

export const DuesBracket = Type.Object({
  /** 3000元以上至5000元（含5000元） */
  label: Type.String({ description: '所属档次' }),
  /** Basis points of the whole base (100 = 1%). */
  rateBp: Type.Integer({ description: '交纳比例（万分之一）' }),
});

/** The calculator's answer: what the rule set gives, and why. */
export const DuesCalcResult = Type.Object({
  category: Category,
  categoryLabel: Type.String({ description: '缴费类别名称' }),
  /** Due each month after any relief, in fen. */
  amountFen: Type.Integer({ description: '每月应交党费（分）' }),
  /** Before relief. */
  computedFen: Type.Integer({ description: '按规定应交（分，少交免交前）' }),
  bracket: Nullable(DuesBracket),
  explanation: Type.String({ description: '计算说明' }),
  ruleSet: Type.String({ description: '规则版本' }),
  /** The regulation. */
  ruleSetSource: Type.String({ description: '依据文件' }),
  /** Its article for this category. */
  source: Type.String({ description: '依据条款' }),
});
export type DuesCalcResult = Static<typeof DuesCalcResult>;

export const DuesCalcInput = Type.Object(amountFields, { additionalProperties: false });
export type DuesCalcInput = Static<typeof DuesCalcInput>;

/** A member's basis from a month on, with the amount it gives (as computed when it was set). */
export const DuesBasis = Type.Object({
  memberId: Id,
  effectiveMonth: Type.String({ description: '起算月份（年-月）' }),
  category: Category,
  categoryLabel: Type.String({ description: '缴费类别名称' }),
  baseFen: Nullable(Type.Integer({ description: '每月计算基数（分）' })),
  chosenFen: Nullable(Type.Integer({ description: '本人每月交纳金额（分）' })),
  relief: Nullable(
    Type.Object({
      kind: Enum(DUES_RELIEF_KINDS, '少交或免交'),
      amountFen: Nullable(Type.Integer({ description: '少交后每月金额（分）' })),
      approval: Type.String({ description: '上级党委批准文件或记录' }),
    }),
  ),
  amountFen: Type.Integer({ description: '每月应交党费（分）' }),
  computedFen: Type.Integer({ description: '按规定应交（分，少交免交前）' }),
  bracket: Nullable(DuesBracket),
  explanation: Type.String({ description: '计算说明' }),
  ruleSet: Type.String({ description: '规则版本' }),
  recordedBy: Nullable(Type.String({ description: '设置人' })),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DuesBasis = Static<typeof DuesBasis>;

export const duesAuditLabel: Record<string, string> = {
  'dues_basis.save': '设置党费基数',
  'dues_basis.delete': '删除党费基数',
};
