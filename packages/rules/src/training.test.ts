import { describe, expect, it } from 'vitest';
import { TRAINING_KINDS } from '@jiceng/contracts';
import { TRAINING_RULES_2026, type TrainingRuleSet } from './training.rules.ts';
import { isHoursStep, minimumOwed, monthsOwed, roundUpHours, trainingReminder, trainingRulesFor, trainingYear, type TrainingPersonYear } from './training.ts';

const R = TRAINING_RULES_2026;
const person = (over: Partial<TrainingPersonYear> = {}): TrainingPersonYear => ({
  year: 2026,
  joinedDate: '2010-07-01',
  cadreSince: null,
  records: [],
  partyLectures: 0,
  ...over,
});

describe('rule set training-hours-2026', () => {
  it('has the national plan’s minimums with their source, marked unconfirmed for the 2024—2028 plan', () => {
    expect(R).toMatchObject({ id: 'training-hours-2026', effectiveFrom: '2026-01-01', memberMinHours: 32, cadreMinHours: 56, unconfirmed: true });
    expect(R.source).toContain('《2019—2023年全国党员教育培训工作规划》');
    expect(R.source).toContain('《2024—2028年全国党员教育培训工作规划》沿用此数 UNCONFIRMED');
  });
  it('labels every kind in Chinese and says where each one’s counting comes from', () => {
    expect(Object.keys(R.kinds).sort()).toEqual([...TRAINING_KINDS].sort());
    expect(TRAINING_KINDS.map((k) => R.kinds[k].label)).toEqual(['集中轮训', '流动课堂', '送学送课', '党校培训', '网络培训']);
    for (const k of TRAINING_KINDS) expect(R.kinds[k].source).toMatch(/\p{Script=Han}/u);
  });
  it('judges a year by the set in force on 1 January, the first set before any', () => {
    expect(trainingRulesFor(2026)).toBe(R);
    expect(trainingRulesFor(2030)).toBe(R);
    expect(trainingRulesFor(2020)).toBe(R);
    const later: TrainingRuleSet = { ...R, id: 'local-2028', effectiveFrom: '2028-01-01', memberMinHours: 40 };
    expect(trainingRulesFor(2027, [R, later]).id).toBe('training-hours-2026');
    expect(trainingRulesFor(2028, [R, later]).id).toBe('local-2028');
  });
});

describe('rule training-rounding', () => {
  it('takes hours in half 学时 and rounds a pro-rata minimum up to one', () => {
    expect([0.5, 1, 2.5, 32].every((h) => isHoursStep(h, R))).toBe(true);
    expect([0.3, 1.25, 2.75].some((h) => isHoursStep(h, R))).toBe(false);
    expect(roundUpHours(2.6667, R)).toBe(3);
    expect(roundUpHours(4.6667, R)).toBe(5);
    expect(roundUpHours(16, R)).toBe(16);
    expect(roundUpHours(26.6667, R)).toBe(27);
  });
});

describe('rule training-pro-rata (Jiceng default: whole months left, the month of joining counted)', () => {
  it('counts the months owed', () => {
    expect(monthsOwed('2019-03-01', 2026)).toBe(12);
    expect(monthsOwed('2026-01-20', 2026)).toBe(12);
    expect(monthsOwed('2026-07-15', 2026)).toBe(6);
    expect(monthsOwed('2026-12-31', 2026)).toBe(1);
    expect(monthsOwed('2027-01-01', 2026)).toBe(0);
  });
  it('owes a member who joined on 15 July half the year’s 32, one who joined in December 3 (2.67 rounded up)', () => {
    expect(minimumOwed(32, '2026-07-15', 2026, R)).toBe(16);
    expect(minimumOwed(32, '2026-12-01', 2026, R)).toBe(3);
    expect(minimumOwed(32, '2027-02-01', 2026, R)).toBe(0);
  });
  it('owes the whole year under a set that says full', () => {
    expect(minimumOwed(32, '2026-07-15', 2026, { ...R, partYear: 'full' })).toBe(32);
  });
});

describe('rules training-minimum-member and training-minimum-cadre: a person’s year', () => {
  it('holds a member to 32 and counts the kinds of training that count', () => {
    const r = trainingYear(
      person({
        records: [
          { kind: 'rotation', hours: 16 },
          { kind: 'online', hours: 8 },
          { kind: 'party_school', hours: 4.5 },
        ],
      }),
    );
    expect(r).toEqual({ trainingHours: 28.5, lectureHours: 0, totalHours: 28.5, required: 32, shortfall: 3.5, met: false });
    expect(trainingYear(person({ records: [{ kind: 'rotation', hours: 32 }] }))).toMatchObject({ required: 32, shortfall: 0, met: true });
  });
  it('holds a 书记 or 班子成员 to 56, pro rata from the later of taking the seat and joining', () => {
    expect(trainingYear(person({ cadreSince: '2026-01-01', records: [{ kind: 'rotation', hours: 40 }] }))).toMatchObject({
      required: 56,
      shortfall: 16,
      met: false,
    });
    // elected in October: 56 × 3/12 = 14, less than the member's 32
    expect(trainingYear(person({ cadreSince: '2026-10-08', records: [] })).required).toBe(32);
    // joined in April and took the seat in January of the same year: 56 × 9/12 = 42
    expect(trainingYear(person({ joinedDate: '2026-04-10', cadreSince: '2026-01-01' })).required).toBe(42);
  });
  it('leaves out the kinds a rule set does not count', () => {
    const rules: TrainingRuleSet = { ...R, kinds: { ...R.kinds, online: { ...R.kinds.online, counts: false } } };
    expect(trainingYear(person({ records: [{ kind: 'online', hours: 32 }] }), rules)).toMatchObject({ trainingHours: 0, shortfall: 32 });
  });
  it('owes nothing for a year before joining', () => {
    expect(trainingYear(person({ joinedDate: '2027-03-01' }))).toMatchObject({ required: 0, shortfall: 0, met: true });
  });
});

describe('rule training-party-lecture', () => {
  it('counts each 党课 at a meeting for 2 学时 where the set says so', () => {
    expect(R.partyLecture).toMatchObject({ counts: true, hours: 2 });
    expect(trainingYear(person({ records: [{ kind: 'rotation', hours: 24 }], partyLectures: 4 }))).toMatchObject({
      lectureHours: 8,
      totalHours: 32,
      met: true,
    });
  });
  it('counts none where it does not', () => {
    const rules: TrainingRuleSet = { ...R, partyLecture: { ...R.partyLecture, counts: false } };
    expect(trainingYear(person({ partyLectures: 4 }), rules)).toMatchObject({ lectureHours: 0, shortfall: 32 });
  });
});

describe('rule training-reminder (Jiceng default: from 1 October 即将到期, 已逾期 until 31 January)', () => {
  it('is quiet before 1 October', () => {
    expect(trainingReminder('2026-09-30')).toBeNull();
    expect(trainingReminder('2026-02-01')).toBeNull();
  });
  it('makes this year’s shortfalls due soon from 1 October to 31 December', () => {
    expect(trainingReminder('2026-10-01')).toEqual({ year: 2026, severity: 'due_soon', dueDate: '2026-12-31' });
    expect(trainingReminder('2026-12-31')).toEqual({ year: 2026, severity: 'due_soon', dueDate: '2026-12-31' });
  });
  it('makes last year’s overdue in January, then drops them', () => {
    expect(trainingReminder('2027-01-01')).toEqual({ year: 2026, severity: 'overdue', dueDate: '2026-12-31' });
    expect(trainingReminder('2027-01-31')).toEqual({ year: 2026, severity: 'overdue', dueDate: '2026-12-31' });
    expect(trainingReminder('2027-02-01')).toBeNull();
  });
});
