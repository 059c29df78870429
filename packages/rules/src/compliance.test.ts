import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_RULES_2018, type ComplianceRuleSet } from './compliance.rules.ts';
import {
  evaluateCompliance,
  isSilentBranch,
  periodBounds,
  periodOf,
  periodsOverlapping,
  requirementIds,
  ruleSetForSubtree,
  ruleSetInForce,
  type ComplianceOverrideSet,
  type ComplianceOrg,
  type HeldMeeting,
} from './compliance.ts';

const branch: ComplianceOrg = { type: 'branch', hasCommittee: true, activeFrom: '2020-01-01' };
const q2 = { kind: 'quarter', year: 2026, index: 2 } as const;
const byId = (items: ReturnType<typeof evaluateCompliance>, id: string) => items.filter((i) => i.requirementId === id);

describe('calendar periods', () => {
  it('bounds months, quarters and years', () => {
    expect(periodBounds({ kind: 'month', year: 2024, index: 2 })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodBounds(q2)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodBounds(periodOf('year', '2026-07-15'))).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodOf('quarter', '2026-12-31')).toEqual({ kind: 'quarter', year: 2026, index: 4 });
  });
  it('lists the months of a quarter and the year around a month', () => {
    expect(periodsOverlapping('month', q2).map((p) => p.index)).toEqual([4, 5, 6]);
    expect(periodsOverlapping('year', { kind: 'month', year: 2026, index: 5 })).toEqual([{ kind: 'year', year: 2026, index: 1 }]);
  });
  it('contains every date in the period of its own kind (property)', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom('month', 'quarter', 'year' as const), day, (kind, d) => {
        const { start, end } = periodBounds(periodOf(kind, d));
        expect(start <= d && d <= end).toBe(true);
      }),
    );
  });
});

describe('rule compliance-2018: requirements per organization type (domain-rules §2)', () => {
  const items = evaluateCompliance(branch, q2, [], '2026-05-10');
  it('asks a branch for 党员大会 quarterly [A3][A21], 支委会 and 主题党日 monthly [A2][A15][B2]', () => {
    expect(byId(items, 'branch-assembly-quarterly')).toHaveLength(1);
    expect(byId(items, 'committee-monthly').map((i) => i.start)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    expect(byId(items, 'theme-day-monthly')).toHaveLength(3);
    expect(byId(items, 'branch-assembly-quarterly')[0]).toMatchObject({ label: '支部党员大会每季度至少1次', source: expect.stringContaining('[A3][A21]') });
  });
  it('asks for 组织生活会 [A17], 民主评议 [B3] and 谈心谈话 [A16] once a year', () => {
    for (const id of ['org-life-yearly', 'appraisal-yearly', 'heart-talk-yearly'])
      expect(byId(items, id)).toMatchObject([{ start: '2026-01-01', end: '2026-12-31', required: 1 }]);
  });
  it('marks the quarterly branch 党课 and the branch secretary’s yearly 党课 as practice, UNCONFIRMED [A15][B1]', () => {
    expect(byId(items, 'party-lecture-quarterly')[0]).toMatchObject({ practice: true, unconfirmed: true });
    expect(byId(items, 'secretary-lecture-yearly')[0]).toMatchObject({ practice: true, label: '书记讲党课每年至少1次' });
  });
  it('skips 支委会 for a branch without a committee (§1.2: < 7 正式党员)', () => {
    expect(byId(evaluateCompliance({ ...branch, hasCommittee: false }, q2, [], '2026-05-10'), 'committee-monthly')).toEqual([]);
  });
  it('asks a 党小组 for 党小组会 monthly [A2], a 党委 for the secretary’s 党课 yearly [A15], a 党总支 for nothing listed', () => {
    expect(evaluateCompliance({ type: 'group', hasCommittee: false }, q2, [], '2026-05-10').map((i) => i.requirementId)).toEqual([
      'group-meeting-monthly',
      'group-meeting-monthly',
      'group-meeting-monthly',
    ]);
    expect(evaluateCompliance({ type: 'committee', hasCommittee: true }, q2, [], '2026-05-10').map((i) => i.requirementId)).toEqual([
      'committee-secretary-lecture-yearly',
    ]);
    expect(evaluateCompliance({ type: 'general_branch', hasCommittee: true }, q2, [], '2026-05-10')).toEqual([]);
  });
});

describe('rule compliance-2018: statuses', () => {
  const month = { kind: 'month', year: 2026, index: 5 } as const;
  const status = (meetings: HeldMeeting[], today: string, id = 'theme-day-monthly', org = branch) =>
    byId(evaluateCompliance(org, month, meetings, today), id)[0]?.status;
  it('is done once held in the period, and overdue after a period without one', () => {
    expect(status([{ type: 'theme_day', date: '2026-05-08' }], '2026-05-09')).toBe('done');
    expect(status([{ type: 'theme_day', date: '2026-04-30' }], '2026-06-01')).toBe('overdue');
  });
  it('is due, then due soon in the last 7 days of a month (dueSoonDays.month)', () => {
    expect(status([], '2026-05-24')).toBe('due');
    expect(status([], '2026-05-25')).toBe('due_soon');
    expect(status([], '2026-05-31')).toBe('due_soon');
    expect(byId(evaluateCompliance(branch, month, [], '2026-05-31'), 'theme-day-monthly')[0]?.daysLeft).toBe(0);
  });
  it('is due soon in the last 15 days of a quarter and 30 of a year', () => {
    expect(status([], '2026-06-15', 'branch-assembly-quarterly')).toBe('due');
    expect(status([], '2026-06-16', 'branch-assembly-quarterly')).toBe('due_soon');
    expect(status([], '2026-12-02', 'org-life-yearly')).toBe('due_soon');
  });
  it('is upcoming before the period begins', () => {
    expect(byId(evaluateCompliance(branch, q2, [], '2026-04-10'), 'committee-monthly').map((i) => i.status)).toEqual(['due', 'upcoming', 'upcoming']);
  });
  it('counts only the secretary’s 党课 for the secretary’s requirement', () => {
    expect(status([{ type: 'party_lecture', date: '2026-03-01' }], '2026-05-10', 'secretary-lecture-yearly')).toBe('due');
    expect(status([{ type: 'party_lecture', date: '2026-03-01', bySecretary: true }], '2026-05-10', 'secretary-lecture-yearly')).toBe('done');
  });
  it('counts 民主评议 held within a 组织生活会 [B3: may join 组织生活会]', () => {
    expect(status([{ type: 'org_life', date: '2026-05-20', alsoCovers: ['appraisal'] }], '2026-05-21', 'appraisal-yearly')).toBe('done');
    expect(status([{ type: 'org_life', date: '2026-05-20' }], '2026-05-21', 'appraisal-yearly')).toBe('due');
  });
  it('exempts a period the organization was set up in after its first day, unless held (partialPeriod)', () => {
    const fresh = { ...branch, activeFrom: '2026-05-12' };
    expect(status([], '2026-06-02', 'theme-day-monthly', fresh)).toBe('exempt');
    expect(status([{ type: 'theme_day', date: '2026-05-20' }], '2026-06-02', 'theme-day-monthly', fresh)).toBe('done');
    expect(status([], '2026-06-02', 'theme-day-monthly', { ...branch, activeFrom: '2026-05-01' })).toBe('overdue');
    const strict: ComplianceRuleSet = { ...COMPLIANCE_RULES_2018, partialPeriod: 'required' };
    expect(byId(evaluateCompliance(fresh, month, [], '2026-06-02', strict), 'theme-day-monthly')[0]?.status).toBe('overdue');
  });
  it('is done exactly when enough were held in the period (property)', () => {
    const may = fc.integer({ min: 1, max: 31 }).map((d) => `2026-05-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(may, { maxLength: 4 }), fc.constantFrom('2026-05-15', '2026-06-01'), (dates, today) => {
        const s = status(
          dates.map((date) => ({ type: 'theme_day', date })),
          today,
        );
        expect(s === 'done').toBe(dates.length >= 1);
        if (dates.length === 0) expect(s).toBe(today > '2026-05-31' ? 'overdue' : 'due');
      }),
    );
  });
});

describe('rule compliance-2018: rule sets with effective dates', () => {
  const local: ComplianceRuleSet = {
    ...COMPLIANCE_RULES_2018,
    id: 'local-2026-05',
    effectiveFrom: '2026-05-01',
    requirementsByType: {
      branch: [{ id: 'theme-day-twice', meetingType: 'theme_day', every: 'month', minCount: 2, source: '本地规定', practice: true, unconfirmed: false }],
    },
  };
  it('picks the set in force on a date', () => {
    expect(ruleSetInForce([COMPLIANCE_RULES_2018, local], '2026-04-30')?.id).toBe('compliance-2018');
    expect(ruleSetInForce([local, COMPLIANCE_RULES_2018], '2026-05-01')?.id).toBe('local-2026-05');
    expect(ruleSetInForce([local], '2026-04-30')).toBeNull();
  });
  it('applies to each period the set in force on its first day', () => {
    const items = evaluateCompliance(
      branch,
      q2,
      [
        { type: 'theme_day', date: '2026-04-03' },
        { type: 'theme_day', date: '2026-05-03' },
      ],
      '2026-05-10',
      [COMPLIANCE_RULES_2018, local],
    );
    expect(items.filter((i) => i.meetingType === 'theme_day').map((i) => [i.ruleSetId, i.start, i.status])).toEqual([
      ['compliance-2018', '2026-04-01', 'done'],
      ['local-2026-05', '2026-05-01', 'due'],
      ['local-2026-05', '2026-06-01', 'upcoming'],
    ]);
  });
});

describe('rule compliance-2018 silentAfterDays: silent branch after 30 days (issue 9)', () => {
  it('counts from the latest meeting, or from set-up when none', () => {
    expect(isSilentBranch('2026-05-01', '2020-01-01', '2026-05-30')).toBe(false);
    expect(isSilentBranch('2026-05-01', '2020-01-01', '2026-05-31')).toBe(true);
    expect(isSilentBranch(null, '2026-05-10', '2026-06-08')).toBe(false);
    expect(isSilentBranch(null, '2026-05-10', '2026-06-09')).toBe(true);
  });
});

describe('compliance-2018 per subtree (ruleSetForSubtree)', () => {
  const street: ComplianceOverrideSet[] = [
    { id: 'street-2026', effectiveFrom: '2026-07-01', overrides: [{ requirementId: 'theme-day-monthly', minCount: 2 }], silentAfterDays: 45 },
  ];
  const community: ComplianceOverrideSet[] = [
    { id: 'community-2026', effectiveFrom: '2026-10-01', overrides: [{ requirementId: 'heart-talk-yearly', minCount: 0 }], silentAfterDays: 60 },
  ];
  const req = (set: ComplianceRuleSet | null, id: string) => set?.requirementsByType.branch?.find((r) => r.id === id);

  it('keeps the defaults before a subtree’s date, and applies its numbers from it', () => {
    expect(req(ruleSetForSubtree([COMPLIANCE_RULES_2018], [street], '2026-06-01'), 'theme-day-monthly')?.minCount).toBe(1);
    const july = ruleSetForSubtree([COMPLIANCE_RULES_2018], [street], '2026-07-01');
    expect(req(july, 'theme-day-monthly')).toMatchObject({ minCount: 2, practice: true });
    expect(july?.silentAfterDays).toBe(45);
  });

  it('composes enclosing subtrees from the outermost in, and drops a requirement set to 0', () => {
    const oct = ruleSetForSubtree([COMPLIANCE_RULES_2018], [street, community], '2026-10-01');
    expect(req(oct, 'theme-day-monthly')?.minCount).toBe(2);
    expect(req(oct, 'heart-talk-yearly')).toBeUndefined();
    expect(oct?.silentAfterDays).toBe(60);
    expect(oct?.id).toBe('compliance-2018+street-2026+community-2026');
    // before the community's date only the street's numbers apply
    const sep = ruleSetForSubtree([COMPLIANCE_RULES_2018], [street, community], '2026-09-30');
    expect(req(sep, 'heart-talk-yearly')?.minCount).toBe(1);
  });

  it('has nothing in force before the defaults', () => {
    expect(ruleSetForSubtree([COMPLIANCE_RULES_2018], [street], '2017-01-01')).toBeNull();
    expect(requirementIds(COMPLIANCE_RULES_2018).has('theme-day-monthly')).toBe(true);
  });
});
