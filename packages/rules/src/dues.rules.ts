/**
 * 党费 (Party dues) as data: who pays how much, when a month may be paid, when arrears become a
 * to-do or a warning, and what is remitted upward. Keys in [] point to domain-rules §3 and its
 * sources (§S):
 *
 * [F1][F2] 《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号), as quoted article by article
 *      in [F2] (articles 1–16, cited below as 第N条): the salaried brackets on the monthly pay after income tax (≤3000 元 0.5%, 3000–5000
 *      元 1%, 5000–10000 元 1.5%, above 10000 元 2%); 年薪制 on the month's pay; 个体 and others
 *      without a monthly pay on last quarter's average monthly net income; 离退休 on the pension
 *      (≤5000 元 0.5%, above 1%); 农民 0.2–1 元 a month; 学生, 下岗失业, 依靠抚恤或救济生活, 低保 0.2
 *      元; reduction or waiver for members in real difficulty after the branch's review and the
 *      upper committee's approval; 预备党员 pay from the day the 支部大会 accepted them; monthly
 *      payment, quarterly (or by proxy) with the branch's consent; 补交 no more than 6 months;
 *      6 consecutive months unpaid without a proper reason → 自行脱党 (after criticism and a
 *      deadline, decided by the branch — never by the system); a voluntary one-off of 1000 元 or
 *      more goes whole to the centre; 5% of the year's dues remitted upward by provincial committees.
 * [F4] 全额累进: one rate on the whole base, not a progressive tax (5100 元 → 76.5 元; 4900 元 → 49 元).
 * [F5] Some systems fix the base each January for the year instead of following every pay change.
 * [F6] A branch publishes its members' dues at least once a year.
 * The 3-month to-do for the secretary is Jiceng's (the regulation names only the 6-month outcome):
 * a secretary should be talking to the member long before the sixth month.
 */

/** The member's dues category (what the base is, or whether it is a fixed amount). */
export type DuesCategory =
  | 'salaried' // 在职（按月工资）
  | 'annual_salary' // 年薪制（当月收入）
  | 'self_employed' // 个体等无固定工资（上季度月平均纯收入）
  | 'retired' // 离退休（离退休费）
  | 'farmer' // 农民
  | 'student' // 学生
  | 'unemployed' // 下岗失业
  | 'relief' // 依靠抚恤或救济生活
  | 'low_income'; // 领取最低生活保障金

export const DUES_CATEGORIES: readonly DuesCategory[] = [
  'salaried',
  'annual_salary',
  'self_employed',
  'retired',
  'farmer',
  'student',
  'unemployed',
  'relief',
  'low_income',
];

/** One bracket: bases up to `upToFen` inclusive (null: no upper end) pay `rateBp` (basis points, 50 = 0.5%) of the whole base. */
export interface DuesBracket {
  upToFen: number | null;
  rateBp: number;
}

export type DuesCategoryRule =
  | { kind: 'brackets'; label: string; baseLabel: string; brackets: readonly DuesBracket[]; source: string }
  /** A monthly amount the member chooses within the range (农民 0.2–1 元). */
  | { kind: 'range'; label: string; minFen: number; maxFen: number; source: string }
  | { kind: 'fixed'; label: string; amountFen: number; source: string };

export interface DuesRuleSet {
  id: string;
  source: string;
  effectiveFrom: string;
  categories: Record<DuesCategory, DuesCategoryRule>;
  /** How an amount in fractions of a fen is rounded, and to what unit (1 = 分, 10 = 角). */
  rounding: { mode: 'half_up' | 'down' | 'up'; unitFen: 1 | 10 };
  /** 'on_change': a new base applies from the month the new pay is drawn [F2] 第十条; 'january': the base in effect each January holds for the year [F5]. */
  baseReset: 'on_change' | 'january';
  /** 补交: months before the current one that may still be paid [F2] 第十二条. */
  backPayMonths: number;
  /** Months after the current one that may be paid ahead: a quarter at once, with the branch's consent [F2] 第十二条. */
  payAheadMonths: number;
  /** Consecutive unpaid past months that make a to-do for the branch secretary (Jiceng). */
  arrearsTodoMonths: number;
  /** Consecutive unpaid past months without a recorded reason that make the 自行脱党 warning [F2] 第十三条. */
  lapseWarningMonths: number;
  /** Share of the year's dues remitted to the upper committee, basis points [F2] 第十五条 (铁路、民航 10%, 第十六条). */
  remittanceBp: number;
  /** A voluntary one-off payment at or above this goes whole to the centre [F2] 第十一条 (「1000元以上」: 以上 includes the number). */
  voluntaryWholeUpwardFen: number;
  /** Publication to the members at least this many times a year [F6]. */
  publicationsPerYear: number;
}

const SALARIED: readonly DuesBracket[] = [
  { upToFen: 300_000, rateBp: 50 },
  { upToFen: 500_000, rateBp: 100 },
  { upToFen: 1_000_000, rateBp: 150 },
  { upToFen: null, rateBp: 200 },
];

/** Rule set dues-2008 (中组发〔2008〕3号) with Jiceng's defaults where the regulation leaves a choice. */
export const DUES_RULES_2008: DuesRuleSet = {
  id: 'dues-2008',
  source: '《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）',
  effectiveFrom: '2008-04-01',
  categories: {
    salaried: { kind: 'brackets', label: '在职党员', baseLabel: '每月工资收入（税后）', brackets: SALARIED, source: '中组发〔2008〕3号 第一条、第二条' },
    annual_salary: { kind: 'brackets', label: '实行年薪制的党员', baseLabel: '当月收入（税后）', brackets: SALARIED, source: '中组发〔2008〕3号 第三条' },
    self_employed: {
      kind: 'brackets',
      label: '无固定工资收入的党员（个体等）',
      baseLabel: '上一季度月平均纯收入（税后）',
      brackets: SALARIED,
      source: '中组发〔2008〕3号 第四条',
    },
    retired: {
      kind: 'brackets',
      label: '离退休党员',
      baseLabel: '每月离退休费',
      brackets: [
        { upToFen: 500_000, rateBp: 50 },
        { upToFen: null, rateBp: 100 },
      ],
      source: '中组发〔2008〕3号 第五条',
    },
    farmer: { kind: 'range', label: '农民党员', minFen: 20, maxFen: 100, source: '中组发〔2008〕3号 第六条' },
    student: { kind: 'fixed', label: '学生党员', amountFen: 20, source: '中组发〔2008〕3号 第六条' },
    unemployed: { kind: 'fixed', label: '下岗失业党员', amountFen: 20, source: '中组发〔2008〕3号 第六条' },
    relief: { kind: 'fixed', label: '依靠抚恤或救济生活的党员', amountFen: 20, source: '中组发〔2008〕3号 第六条' },
    low_income: { kind: 'fixed', label: '领取最低生活保障金的党员', amountFen: 20, source: '中组发〔2008〕3号 第六条' },
  },
  rounding: { mode: 'half_up', unitFen: 1 },
  baseReset: 'on_change',
  backPayMonths: 6,
  payAheadMonths: 2,
  arrearsTodoMonths: 3,
  lapseWarningMonths: 6,
  remittanceBp: 500,
  voluntaryWholeUpwardFen: 100_000,
  publicationsPerYear: 1,
};
