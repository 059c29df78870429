import type { OrgDomain, OrgType, TermStatus } from '@jiceng/contracts';
import { TERM_RULES_2018, type TermRuleSet } from './term.rules.ts';

/** Term length in years for an organization, or null when it has no elected term. */
export function termYears(type: OrgType, domain: OrgDomain, rules: TermRuleSet = TERM_RULES_2018): number | null {
  const base = rules.yearsByType[type];
  if (base === undefined) return null;
  return rules.villageCommunityDomains.includes(domain) ? rules.villageCommunityYears : base;
}

/** Adds whole months to a YYYY-MM-DD date, clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day before the same date `years` later: a term starting 2021-03-15 for 3 years ends 2024-03-14. */
export function termEndDate(startDate: string, years: number): string {
  const sameDay = addMonths(startDate, years * 12);
  const t = new Date(`${sameDay}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * 换届 status on `today` for a term ending on `endDate` (null: no term recorded).
 * Rule term-2018: due_soon from 6 months before the end; overdue after the end; seriously overdue
 * more than 12 months after it.
 */
export function termStatus(endDate: string | null, today: string, rules: TermRuleSet = TERM_RULES_2018): TermStatus {
  if (endDate === null) return 'no_term';
  if (today > addMonths(endDate, rules.seriouslyOverdueMonths)) return 'seriously_overdue';
  if (today > endDate) return 'overdue';
  if (today >= addMonths(endDate, -rules.dueSoonMonths)) return 'due_soon';
  return 'ok';
}
