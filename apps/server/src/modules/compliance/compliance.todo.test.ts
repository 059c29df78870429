import { describe, expect, it } from 'vitest';
import { COMPLIANCE_RULES_2018 } from '@jiceng/rules';
import { todoRequirementRows, windowOpensBetween } from './compliance.todo.ts';

/** When the compliance to-dos change with the day (rule compliance-2018 dueSoonDays: month 7, quarter 15, year 30). */
describe('compliance to-do periods', () => {
  it('takes the periods containing today, and last month’s (and a quarter or year just ended) during the month after', () => {
    const nov = todoRequirementRows([COMPLIANCE_RULES_2018], '2026-11-26');
    expect(new Set(nov.map((r) => `${r.every}:${r.periodStart}`))).toEqual(
      new Set(['month:2026-11-01', 'quarter:2026-10-01', 'year:2026-01-01', 'month:2026-10-01']),
    );
    const jan = todoRequirementRows([COMPLIANCE_RULES_2018], '2027-01-05');
    expect(new Set(jan.map((r) => `${r.every}:${r.periodStart}`))).toEqual(
      new Set(['month:2027-01-01', 'quarter:2027-01-01', 'year:2027-01-01', 'month:2026-12-01', 'quarter:2026-10-01', 'year:2026-01-01']),
    );
  });

  it('recomputes when a period’s due-soon days begin', () => {
    expect(windowOpensBetween([COMPLIANCE_RULES_2018], '2026-11-23', '2026-11-24')).toBe(true); // November: 7 days before the 30th
    expect(windowOpensBetween([COMPLIANCE_RULES_2018], '2026-11-24', '2026-11-25')).toBe(false);
    expect(windowOpensBetween([COMPLIANCE_RULES_2018], '2026-12-01', '2026-12-02')).toBe(true); // the year: 30 days before 31 December
    expect(windowOpensBetween([COMPLIANCE_RULES_2018], '2026-12-16', '2026-12-17')).toBe(true); // the quarter: 15 days
  });
});
