import { describe, expect, it } from 'vitest';
import { DUES_CATEGORIES, DUES_RULES_2008, type DuesCategory, type DuesRuleSet } from './dues.rules.ts';
import {
  addDuesMonths,
  duesArrears,
  duesBasisFor,
  duesBasisRefusal,
  duesMonthsBetween,
  duesPaymentRefusal,
  duesRemittance,
  duesVoluntaryWholeUpward,
  firstDuesMonth,
  monthlyDues,
  type DuesBasis,
  type DuesLedgerMonth,
} from './dues.ts';

const R = DUES_RULES_2008;
const yuan = (y: number) => Math.round(y * 100);
const due = (category: DuesCategory, baseYuan: number, rules: DuesRuleSet = R) =>
  monthlyDues({ effectiveMonth: '2026-01', category, baseFen: yuan(baseYuan) }, rules);

describe('rule set dues-2008 (中组发〔2008〕3号): the salaried brackets, one rate on the whole base (第二条, 全额累进 [F4])', () => {
  it.each([
    [0, 0, '3000元以下（含3000元）', 50],
    [1000, 5, '3000元以下（含3000元）', 50],
    [3000, 15, '3000元以下（含3000元）', 50],
    [3000.01, 30, '3000元以上至5000元（含5000元）', 100],
    [4900, 49, '3000元以上至5000元（含5000元）', 100],
    [5000, 50, '3000元以上至5000元（含5000元）', 100],
    [5000.01, 75, '5000元以上至10000元（含10000元）', 150],
    [5100, 76.5, '5000元以上至10000元（含10000元）', 150],
    [10000, 150, '5000元以上至10000元（含10000元）', 150],
    [10000.01, 200, '10000元以上', 200],
    [25000, 500, '10000元以上', 200],
  ])('在职 base %s 元 → %s 元 (%s, %s bp)', (base, amount, label, rateBp) => {
    const d = due('salaried', base);
    expect(d.amountFen).toBe(yuan(amount));
    expect(d.bracket).toEqual({ label, rateBp });
    expect(d.ruleSet).toBe('dues-2008');
    expect(d.source).toBe('中组发〔2008〕3号 第一条、第二条');
  });

  it('explains the amount in Chinese: base, bracket, rate and the whole-base rule', () => {
    expect(due('salaried', 5100).explanation).toBe('每月工资收入（税后）5100元，属5000元以上至10000元（含10000元），按1.5%交纳（全额计算）：每月76.5元');
  });

  it('年薪制 (第三条) and 个体 on last quarter’s average (第四条) use the same brackets on their own base', () => {
    expect(due('annual_salary', 12000)).toMatchObject({ amountFen: yuan(240), source: '中组发〔2008〕3号 第三条' });
    expect(due('self_employed', 4000)).toMatchObject({ amountFen: yuan(40), source: '中组发〔2008〕3号 第四条' });
    expect(due('self_employed', 4000).explanation).toContain('上一季度月平均纯收入（税后）4000元');
  });
});

describe('rule set dues-2008: 离退休 on the pension (第五条): 5000元以下（含） 0.5%, above 1%', () => {
  it.each([
    [3000, 15],
    [5000, 25],
    [5000.01, 50],
    [8000, 80],
  ])('pension %s 元 → %s 元', (base, amount) => {
    expect(due('retired', base).amountFen).toBe(yuan(amount));
  });
});

describe('rule set dues-2008: fixed and chosen amounts (第六条)', () => {
  it('农民 choose 0.2 to 1 元 a month; outside the range is refused in Chinese', () => {
    expect(monthlyDues({ effectiveMonth: '2026-01', category: 'farmer', chosenFen: 20 }).amountFen).toBe(20);
    expect(monthlyDues({ effectiveMonth: '2026-01', category: 'farmer', chosenFen: 100 }).amountFen).toBe(100);
    expect(duesBasisRefusal({ effectiveMonth: '2026-01', category: 'farmer', chosenFen: 101 })).toBe('农民党员每月交纳党费0.2元至1元');
    expect(duesBasisRefusal({ effectiveMonth: '2026-01', category: 'farmer', chosenFen: 19 })).toBe('农民党员每月交纳党费0.2元至1元');
    expect(duesBasisRefusal({ effectiveMonth: '2026-01', category: 'farmer' })).toBe('请填写每月交纳金额（0.2元至1元）');
  });

  it.each(['student', 'unemployed', 'relief', 'low_income'] as const)('%s pays 0.2 元 whatever the base', (category) => {
    expect(monthlyDues({ effectiveMonth: '2026-01', category, baseFen: yuan(9000) }).amountFen).toBe(20);
  });

  it('every category has a Chinese label and a source in the regulation', () => {
    for (const c of DUES_CATEGORIES) {
      expect(R.categories[c].label).toMatch(/\p{Script=Han}/u);
      expect(R.categories[c].source).toMatch(/^中组发〔2008〕3号 第/);
    }
  });
});

describe('rule set dues-2008: rounding to the fen as the rule set says', () => {
  it('rounds half up by default (1234.57 元 × 0.5% = 6.17285 元 → 6.17; 1235.10 × 0.5% = 6.1755 → 6.18)', () => {
    expect(due('salaried', 1234.57).amountFen).toBe(617);
    expect(due('salaried', 1235.1).amountFen).toBe(618);
  });
  it('can round down, up, or to the 角', () => {
    expect(due('salaried', 1235.1, { ...R, rounding: { mode: 'down', unitFen: 1 } }).amountFen).toBe(617);
    expect(due('salaried', 1234.57, { ...R, rounding: { mode: 'up', unitFen: 1 } }).amountFen).toBe(618);
    expect(due('salaried', 1234.57, { ...R, rounding: { mode: 'half_up', unitFen: 10 } }).amountFen).toBe(620);
  });
});

describe('rule set dues-2008: hardship relief needs the approval record (第七条)', () => {
  const base: DuesBasis = { effectiveMonth: '2026-01', category: 'salaried', baseFen: yuan(4000) };
  it('reduces to a lower amount or waives, saying by whose approval', () => {
    const reduced = monthlyDues({ ...base, relief: { kind: 'reduce', amountFen: 1000, approval: '街道党工委 2026年1月批复' } });
    expect(reduced).toMatchObject({ amountFen: 1000, computedFen: 4000 });
    expect(reduced.explanation).toContain('经批准少交，每月10元（街道党工委 2026年1月批复）');
    expect(monthlyDues({ ...base, relief: { kind: 'waive', approval: '街道党工委批复' } })).toMatchObject({ amountFen: 0, computedFen: 4000 });
  });
  it('refuses relief without the approval, and a “reduction” that is not lower', () => {
    expect(duesBasisRefusal({ ...base, relief: { kind: 'waive', approval: ' ' } })).toBe(
      '少交或免交党费须经党支部研究、报上一级党委批准，请填写批准文件或记录',
    );
    expect(duesBasisRefusal({ ...base, relief: { kind: 'reduce', amountFen: 4000, approval: '批复' } })).toBe('少交后的金额须低于按规定应交的40元');
    expect(() => monthlyDues({ ...base, relief: { kind: 'reduce', amountFen: 5000, approval: '批复' } })).toThrow(RangeError);
  });
  it('refuses a missing or negative base and a bad month', () => {
    expect(duesBasisRefusal({ effectiveMonth: '2026-01', category: 'salaried' })).toBe('请填写每月工资收入（税后）');
    expect(duesBasisRefusal({ effectiveMonth: '2026-01', category: 'retired', baseFen: -1 })).toBe('每月离退休费须为不小于0的金额（精确到分）');
    expect(duesBasisRefusal({ effectiveMonth: '2026-13', category: 'student' })).toBe('起算月份格式应为“年-月”，如 2026-01');
  });
});

describe('rule set dues-2008: which base applies to a month (第十条; the January option [F5])', () => {
  const bases = [
    { effectiveMonth: '2026-04', id: 'raise' },
    { effectiveMonth: '2025-07', id: 'first' },
    { effectiveMonth: '2027-02', id: 'later' },
  ];
  it('on_change (default): the new pay from its month', () => {
    expect(duesBasisFor(bases, '2025-06')).toBeUndefined();
    expect(duesBasisFor(bases, '2026-03')?.id).toBe('first');
    expect(duesBasisFor(bases, '2026-04')?.id).toBe('raise');
    expect(duesBasisFor(bases, '2027-01')?.id).toBe('raise');
  });
  it('january: the base in effect in January holds the year; a first base starting mid-year applies from its month', () => {
    const jan: DuesRuleSet = { ...R, baseReset: 'january' };
    expect(duesBasisFor(bases, '2026-12', jan)?.id).toBe('first');
    expect(duesBasisFor(bases, '2027-01', jan)?.id).toBe('raise');
    expect(duesBasisFor(bases, '2027-06', jan)?.id).toBe('raise');
    expect(duesBasisFor(bases, '2025-09', jan)?.id).toBe('first');
  });
  it('预备党员 owe dues from the month the 支部大会 accepted them (第八条)', () => {
    expect(firstDuesMonth('2026-03-28')).toBe('2026-03');
  });
});

describe('rule set dues-2008: which months may be paid now (第十二条: 补交 ≤ 6 months, quarterly ahead with consent)', () => {
  const current = '2026-12';
  it('accepts the current month, up to 6 months back and 2 ahead', () => {
    for (const month of ['2026-06', '2026-11', '2026-12', '2027-01', '2027-02']) expect(duesPaymentRefusal({ month, current })).toBeNull();
  });
  it('refuses 补交 beyond 6 months, naming the earliest month', () => {
    expect(duesPaymentRefusal({ month: '2026-05', current })).toBe('补交党费一般不超过6个月：2026年5月已超过补交期限，最早可补交2026年6月');
  });
  it('refuses paying further ahead than a quarter', () => {
    expect(duesPaymentRefusal({ month: '2027-03', current })).toBe('党费按月交纳，经党支部同意可按季度交纳：最多预交至2027年2月');
  });
  it('refuses a month before the member owed dues, and a bad month', () => {
    expect(duesPaymentRefusal({ month: '2026-08', current, firstMonth: '2026-09' })).toBe('2026年8月无须交纳党费（自2026年9月起交纳）');
    expect(duesPaymentRefusal({ month: '2026/08', current })).toBe('党费月份格式应为“年-月”，如 2026-01');
  });
  it('counts months across years', () => {
    expect(addDuesMonths('2026-11', 3)).toBe('2027-02');
    expect(addDuesMonths('2026-01', -1)).toBe('2025-12');
    expect(duesMonthsBetween('2025-12', '2026-12')).toBe(12);
  });
});

describe('rule set dues-2008: arrears — a to-do at 3 months (Jiceng), the 自行脱党 warning at 6 without a reason (第十三条)', () => {
  const ledger = (from: string, n: number, paid: (i: number) => boolean, reason?: (i: number) => string | null): DuesLedgerMonth[] =>
    Array.from({ length: n }, (_, i) => ({ month: addDuesMonths(from, i), dueFen: 1500, paid: paid(i), reason: reason?.(i) ?? null }));

  it('does not count the current month; 2 unpaid past months are neither a to-do nor a warning', () => {
    const a = duesArrears(
      ledger('2026-09', 4, (i) => i === 0),
      '2026-12',
    );
    expect(a).toMatchObject({ unpaidMonths: ['2026-10', '2026-11'], oweFen: 3000, consecutive: 2, todo: false, lapseWarning: false });
  });
  it('makes a to-do at 3 unpaid months in a row', () => {
    expect(
      duesArrears(
        ledger('2026-09', 4, () => false),
        '2026-12',
      ),
    ).toMatchObject({ consecutive: 3, todo: true, lapseWarning: false });
  });
  it('warns at 6 in a row without a reason, and not when a reason is recorded in the run', () => {
    const six = ledger('2026-06', 7, () => false);
    expect(duesArrears(six, '2026-12')).toMatchObject({ consecutive: 6, consecutiveWithoutReason: 6, todo: true, lapseWarning: true });
    const excused = ledger(
      '2026-06',
      7,
      () => false,
      (i) => (i === 2 ? '因病住院' : null),
    );
    expect(duesArrears(excused, '2026-12')).toMatchObject({ consecutive: 6, consecutiveWithoutReason: 3, lapseWarning: false });
  });
  it('a paid month or a waived month (nothing due) ends the run', () => {
    const broken = ledger('2026-03', 10, (i) => i === 5); // 2026-08 paid
    expect(duesArrears(broken, '2026-12')).toMatchObject({ consecutive: 3, lapseWarning: false });
    expect(duesArrears(broken, '2026-12').unpaidMonths).toHaveLength(8);
    const waived = ledger('2026-03', 10, () => false).map((m) => (m.month === '2026-09' ? { ...m, dueFen: 0 } : m));
    expect(duesArrears(waived, '2026-12')).toMatchObject({ consecutive: 2 });
  });
});

describe('rule set dues-2008: upward (第十一条, 第十五条)', () => {
  it('remits 5% of the year’s received dues, rounded to the fen', () => {
    expect(duesRemittance(yuan(12345.67))).toBe(yuan(617.28));
    expect(duesRemittance(0)).toBe(0);
    expect(duesRemittance(yuan(1000), { ...R, remittanceBp: 1000 })).toBe(yuan(100)); // 铁路、民航 10% (第十六条)
  });
  it('a voluntary one-off of 1000 元 or more goes whole to the centre', () => {
    expect(duesVoluntaryWholeUpward(yuan(1000))).toBe(true);
    expect(duesVoluntaryWholeUpward(yuan(999.99))).toBe(false);
  });
});
