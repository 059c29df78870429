import { DUES_RULES_2008, type DuesBracket, type DuesCategory, type DuesRuleSet } from './dues.rules.ts';

/** A calendar month, `YYYY-MM`. */
export type DuesMonth = string;

/** The hardship relief on a basis: less or nothing, after the branch's review and the upper committee's approval [F2] 第七条. */
export type DuesRelief = { kind: 'reduce'; amountFen: number; approval: string } | { kind: 'waive'; approval: string };

/** What a member's monthly dues are computed from, from `effectiveMonth` on. */
export interface DuesBasis {
  effectiveMonth: DuesMonth;
  category: DuesCategory;
  /** The monthly base in fen (bracket categories). */
  baseFen?: number | null;
  /** The member's chosen monthly amount in fen (a range category: 农民 0.2–1 元). */
  chosenFen?: number | null;
  relief?: DuesRelief | null;
}

export interface DuesAmount {
  /** Due for the month, in fen (after any relief). */
  amountFen: number;
  /** Before relief. */
  computedFen: number;
  ruleSet: string;
  category: DuesCategory;
  categoryLabel: string;
  source: string;
  /** The bracket that applied (bracket categories). */
  bracket: { label: string; rateBp: number } | null;
  /** How the amount came about, in Chinese, for the calculator page and the ledger. */
  explanation: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isDuesMonth = (m: string): boolean => MONTH.test(m);
const index = (m: DuesMonth) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const fromIndex = (i: number): DuesMonth => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
/** `m` moved by `n` months. */
export const addDuesMonths = (m: DuesMonth, n: number): DuesMonth => fromIndex(index(m) + n);
/** Months from `a` to `b` (negative when `b` is earlier). */
export const duesMonthsBetween = (a: DuesMonth, b: DuesMonth): number => index(b) - index(a);
/** `2026年6月`. */
export const duesMonthName = (m: DuesMonth): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
/** The month of a date (`YYYY-MM-DD` → `YYYY-MM`). */
export const duesMonthOf = (date: string): DuesMonth => date.slice(0, 7);

/** An amount in fen as the regulation writes 元: 76.5, 3000, 0.2 (no trailing zero). */
export const duesYuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2).replace(/0$/, ''));
const yuan = duesYuan;

function round(numerator: number, denominator: number, rules: DuesRuleSet): number {
  const d = denominator * rules.rounding.unitFen;
  const units =
    rules.rounding.mode === 'down'
      ? Math.floor(numerator / d)
      : rules.rounding.mode === 'up'
        ? Math.ceil(numerator / d)
        : Math.floor((2 * numerator + d) / (2 * d));
  return units * rules.rounding.unitFen;
}

/** The Chinese name of a bracket, as the regulation words it: 3000元以下（含3000元）, 3000元以上至5000元（含5000元）, 10000元以上. */
function bracketLabel(brackets: readonly DuesBracket[], i: number): string {
  const b = brackets[i]!;
  const from = i > 0 ? brackets[i - 1]!.upToFen : null;
  if (b.upToFen === null) return `${yuan(from ?? 0)}元以上`;
  if (from === null) return `${yuan(b.upToFen)}元以下（含${yuan(b.upToFen)}元）`;
  return `${yuan(from)}元以上至${yuan(b.upToFen)}元（含${yuan(b.upToFen)}元）`;
}

const percent = (bp: number) => `${bp / 100}%`;

/** Why a basis cannot be used, in Chinese, or null. */
export function duesBasisRefusal(b: DuesBasis, rules: DuesRuleSet = DUES_RULES_2008): string | null {
  if (!isDuesMonth(b.effectiveMonth)) return '起算月份格式应为“年-月”，如 2026-01';
  const rule = rules.categories[b.category];
  if (!rule) return '党员缴费类别无效';
  if (rule.kind === 'brackets') {
    if (b.baseFen === null || b.baseFen === undefined) return `请填写${rule.baseLabel}`;
    if (!Number.isSafeInteger(b.baseFen) || b.baseFen < 0) return `${rule.baseLabel}须为不小于0的金额（精确到分）`;
  }
  if (rule.kind === 'range') {
    const c = b.chosenFen;
    if (c === null || c === undefined) return `请填写每月交纳金额（${yuan(rule.minFen)}元至${yuan(rule.maxFen)}元）`;
    if (!Number.isSafeInteger(c) || c < rule.minFen || c > rule.maxFen) return `${rule.label}每月交纳党费${yuan(rule.minFen)}元至${yuan(rule.maxFen)}元`;
  }
  if (b.relief) {
    if (!b.relief.approval?.trim()) return '少交或免交党费须经党支部研究、报上一级党委批准，请填写批准文件或记录';
    if (b.relief.kind === 'reduce') {
      const computed = computed_(b, rules).fen;
      if (!Number.isSafeInteger(b.relief.amountFen) || b.relief.amountFen < 0) return '少交后的金额须为不小于0的金额（精确到分）';
      if (b.relief.amountFen >= computed) return `少交后的金额须低于按规定应交的${yuan(computed)}元`;
    }
  }
  return null;
}

function computed_(b: DuesBasis, rules: DuesRuleSet): { fen: number; bracket: DuesAmount['bracket']; explanation: string } {
  const rule = rules.categories[b.category];
  if (rule.kind === 'fixed') return { fen: rule.amountFen, bracket: null, explanation: `${rule.label}每月交纳党费${yuan(rule.amountFen)}元` };
  if (rule.kind === 'range') {
    const fen = b.chosenFen ?? rule.minFen;
    return { fen, bracket: null, explanation: `${rule.label}每月交纳党费${yuan(rule.minFen)}元至${yuan(rule.maxFen)}元，本人按${yuan(fen)}元交纳` };
  }
  const base = b.baseFen ?? 0;
  const i = rule.brackets.findIndex((x) => x.upToFen === null || base <= x.upToFen);
  const bracket = rule.brackets[i]!;
  const fen = round(base * bracket.rateBp, 10_000, rules);
  const label = bracketLabel(rule.brackets, i);
  return {
    fen,
    bracket: { label, rateBp: bracket.rateBp },
    explanation: `${rule.baseLabel}${yuan(base)}元，属${label}，按${percent(bracket.rateBp)}交纳（全额计算）：每月${yuan(fen)}元`,
  };
}

/** The monthly dues of a basis (rule set `rules`); throws RangeError with the refusal when the basis is invalid. */
export function monthlyDues(b: DuesBasis, rules: DuesRuleSet = DUES_RULES_2008): DuesAmount {
  const refusal = duesBasisRefusal(b, rules);
  if (refusal) throw new RangeError(refusal);
  const rule = rules.categories[b.category];
  const c = computed_(b, rules);
  let amountFen = c.fen;
  let explanation = c.explanation;
  if (b.relief?.kind === 'waive') {
    amountFen = 0;
    explanation += `；经批准免交（${b.relief.approval.trim()}）`;
  } else if (b.relief?.kind === 'reduce') {
    amountFen = b.relief.amountFen;
    explanation += `；经批准少交，每月${yuan(amountFen)}元（${b.relief.approval.trim()}）`;
  }
  return {
    amountFen,
    computedFen: c.fen,
    ruleSet: rules.id,
    category: b.category,
    categoryLabel: rule.label,
    source: rule.source,
    bracket: c.bracket,
    explanation,
  };
}

/**
 * The basis that applies to `month` among a member's bases (any order): the latest effective at or
 * before the month ('on_change'), or the one in effect that January ('january'; a member whose first
 * basis starts later in the year uses it from its month). Undefined before the first basis.
 */
export function duesBasisFor<T extends Pick<DuesBasis, 'effectiveMonth'>>(
  bases: readonly T[],
  month: DuesMonth,
  rules: DuesRuleSet = DUES_RULES_2008,
): T | undefined {
  const sorted = [...bases].sort((a, b) => duesMonthsBetween(b.effectiveMonth, a.effectiveMonth));
  const at = (m: DuesMonth) => sorted.filter((x) => duesMonthsBetween(x.effectiveMonth, m) >= 0).at(-1);
  const now = at(month);
  if (!now || rules.baseReset === 'on_change') return now;
  return at(`${month.slice(0, 4)}-01`) ?? sorted.find((x) => x.effectiveMonth.slice(0, 4) === month.slice(0, 4));
}

/** The first month a member owes dues: the month of the 支部大会 that accepted them as 预备党员 [F2] 第八条. */
export const firstDuesMonth = (acceptedOn: string): DuesMonth => duesMonthOf(acceptedOn);

/**
 * Why a payment for `month` cannot be recorded in `current` (the month it is recorded in), in
 * Chinese, or null: before the member's first dues month, more than `backPayMonths` back (补交一般不超过
 * 6个月, [F2] 第十二条), or further ahead than `payAheadMonths` (每季度交纳一次).
 */
export function duesPaymentRefusal(
  p: { month: DuesMonth; current: DuesMonth; firstMonth?: DuesMonth | null },
  rules: DuesRuleSet = DUES_RULES_2008,
): string | null {
  if (!isDuesMonth(p.month)) return '党费月份格式应为“年-月”，如 2026-01';
  if (p.firstMonth && duesMonthsBetween(p.firstMonth, p.month) < 0) return `${duesMonthName(p.month)}无须交纳党费（自${duesMonthName(p.firstMonth)}起交纳）`;
  const earliest = addDuesMonths(p.current, -rules.backPayMonths);
  if (duesMonthsBetween(earliest, p.month) < 0)
    return `补交党费一般不超过${rules.backPayMonths}个月：${duesMonthName(p.month)}已超过补交期限，最早可补交${duesMonthName(earliest)}`;
  const latest = addDuesMonths(p.current, rules.payAheadMonths);
  if (duesMonthsBetween(p.month, latest) < 0) return `党费按月交纳，经党支部同意可按季度交纳：最多预交至${duesMonthName(latest)}`;
  return null;
}

/** One month of a member's ledger, as the arrears rule reads it. */
export interface DuesLedgerMonth {
  month: DuesMonth;
  dueFen: number;
  paid: boolean;
  /** A recorded reason for not paying (因病住院, 外出联系不上 …): 正当理由 the branch accepted. */
  reason?: string | null;
}

export interface DuesArrears {
  /** Past months (before `current`) with something due and unpaid, oldest first. */
  unpaidMonths: DuesMonth[];
  oweFen: number;
  /** Unpaid months in a row up to the month before `current`. */
  consecutive: number;
  /** Of those, the months in a row without a recorded reason. */
  consecutiveWithoutReason: number;
  /** A to-do for the branch secretary (rule: `arrearsTodoMonths` in a row). */
  todo: boolean;
  /** The 自行脱党 warning to the branch: `lapseWarningMonths` in a row without a reason. Never acted on automatically. */
  lapseWarning: boolean;
}

/**
 * A member's arrears in `current` from their ledger months (any order; months absent are not
 * due). The current month is not yet in arrears; a month with nothing due (免交) ends a run, as a
 * paid one does; a month with a recorded reason ends the run that counts toward the warning.
 */
export function duesArrears(months: readonly DuesLedgerMonth[], current: DuesMonth, rules: DuesRuleSet = DUES_RULES_2008): DuesArrears {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const owing = (m: DuesLedgerMonth | undefined) => !!m && m.dueFen > 0 && !m.paid;
  const unpaid = [...months].filter((m) => duesMonthsBetween(m.month, current) > 0 && owing(m)).sort((a, b) => duesMonthsBetween(b.month, a.month));
  let consecutive = 0;
  let withoutReason = 0;
  let reasonSeen = false;
  for (let m = addDuesMonths(current, -1); owing(byMonth.get(m)); m = addDuesMonths(m, -1)) {
    consecutive++;
    if (byMonth.get(m)!.reason?.trim()) reasonSeen = true;
    if (!reasonSeen) withoutReason++;
  }
  return {
    unpaidMonths: unpaid.map((m) => m.month),
    oweFen: unpaid.reduce((s, m) => s + m.dueFen, 0),
    consecutive,
    consecutiveWithoutReason: withoutReason,
    todo: consecutive >= rules.arrearsTodoMonths,
    lapseWarning: withoutReason >= rules.lapseWarningMonths,
  };
}

/** The share of a year's received dues remitted to the upper committee [F2] 第十五条, rounded as the rule set says. */
export const duesRemittance = (receivedFen: number, rules: DuesRuleSet = DUES_RULES_2008): number => round(receivedFen * rules.remittanceBp, 10_000, rules);

/** Whether a voluntary one-off payment goes whole to the centre [F2] 第十一条. */
export const duesVoluntaryWholeUpward = (amountFen: number, rules: DuesRuleSet = DUES_RULES_2008): boolean => amountFen >= rules.voluntaryWholeUpwardFen;
