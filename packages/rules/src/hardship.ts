import type { VisitStatus } from '@jiceng/contracts';
import { HARDSHIP_RULES, type HardshipRuleSet } from './hardship.rules.ts';
import { addMonths } from './term.ts';

const dayBefore = (date: string): string => {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
};

/** The visit period (calendar quarter) containing `today`, and the last day before a missing visit is overdue. */
export interface VisitWindow {
  periodStart: string;
  periodEnd: string;
  /** Last day of the grace (end of the quarter's first month). */
  graceEnd: string;
  /** True when `today` is past the grace: records open before the period and not visited in it are overdue. */
  pastGrace: boolean;
}

/** Rule hardship-visit: the quarter of `today` and its grace. */
export function visitWindow(today: string, rules: HardshipRuleSet = HARDSHIP_RULES): VisitWindow {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const firstMonth = Math.floor((m - 1) / rules.visitPeriodMonths) * rules.visitPeriodMonths + 1;
  const periodStart = `${y}-${String(firstMonth).padStart(2, '0')}-01`;
  const graceEnd = dayBefore(addMonths(periodStart, rules.visitGraceMonths));
  return { periodStart, periodEnd: dayBefore(addMonths(periodStart, rules.visitPeriodMonths)), graceEnd, pastGrace: today > graceEnd };
}

export interface HardshipVisitState {
  startDate: string;
  closedDate: string | null;
  lastVisitDate: string | null;
}

/**
 * Rule hardship-visit: where a record stands with the current quarter's visit, and the last day for
 * it while one is needed. A record opened before the quarter is overdue after the quarter's first
 * month without a visit; one opened during the quarter is due by the quarter's end.
 */
export function hardshipVisitStatus(s: HardshipVisitState, today: string, rules: HardshipRuleSet = HARDSHIP_RULES): { status: VisitStatus; dueDate: string | null } {
  if (s.closedDate !== null) return { status: 'closed', dueDate: null };
  const w = visitWindow(today, rules);
  if (s.lastVisitDate !== null && s.lastVisitDate >= w.periodStart) return { status: 'visited', dueDate: null };
  const openedBefore = s.startDate < w.periodStart;
  if (!openedBefore) return { status: 'due', dueDate: w.periodEnd };
  return { status: w.pastGrace ? 'overdue' : 'due', dueDate: w.graceEnd };
}

/**
 * Rule hardship-pairing: null when a cadre already helping `helping` members may take one more,
 * else the Chinese reason for refusing.
 */
export function cadreLoadProblem(cadreName: string, helping: number, rules: HardshipRuleSet = HARDSHIP_RULES): string | null {
  if (helping < rules.cadreMaxMembers) return null;
  return `帮扶干部「${cadreName}」已结对帮扶 ${helping} 名困难党员，每名帮扶干部最多帮扶 ${rules.cadreMaxMembers} 名；请选择其他帮扶干部，或先结束其中一项帮扶`;
}
