import type { OrgType } from '@jiceng/contracts';
import {
  COMPLIANCE_FREQUENCIES,
  COMPLIANCE_RULES_2018,
  complianceFrequencyLabel,
  type ComplianceFrequency,
  type ComplianceRequirement,
  type ComplianceRuleSet,
} from './compliance.rules.ts';
import { meetingTypeLabel, type MeetingType } from './meeting.rules.ts';
import { addMonths, daysBetween } from './term.ts';

/** A calendar period: a month (index 1–12), a quarter (1–4) or a year (index 1). */
export interface CalendarPeriod {
  kind: ComplianceFrequency;
  year: number;
  index: number;
}

const MONTHS_PER: Record<ComplianceFrequency, number> = { month: 1, quarter: 3, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

/** The period of `kind` that contains a YYYY-MM-DD date. */
export function periodOf(kind: ComplianceFrequency, date: string): CalendarPeriod {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { kind, year: y, index: Math.floor((m - 1) / MONTHS_PER[kind]) + 1 };
}

/** First and last day of a period, both included. */
export function periodBounds(p: CalendarPeriod): { start: string; end: string } {
  const start = `${p.year}-${pad((p.index - 1) * MONTHS_PER[p.kind] + 1)}-01`;
  const next = addMonths(start, MONTHS_PER[p.kind]);
  return { start, end: new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) };
}

/** The periods of `kind` that overlap `outer`: the 3 months of a quarter, or the year around a month. */
export function periodsOverlapping(kind: ComplianceFrequency, outer: CalendarPeriod): CalendarPeriod[] {
  const { start, end } = periodBounds(outer);
  const out: CalendarPeriod[] = [];
  for (let p = periodOf(kind, start); periodBounds(p).start <= end; p = periodOf(kind, addMonths(periodBounds(p).start, MONTHS_PER[kind]))) out.push(p);
  return out;
}

/** The rule set in force on `date`: the latest whose effectiveFrom is not after it, or null. */
export function ruleSetInForce<T extends { effectiveFrom: string }>(sets: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best;
}

/** A meeting held: its type and date; a 组织生活会 that also ran 民主评议 lists it in `alsoCovers`. */
export interface HeldMeeting {
  type: MeetingType;
  date: string;
  /** The 党课 was given by the organization's secretary. */
  bySecretary?: boolean;
  alsoCovers?: readonly MeetingType[];
}

export interface ComplianceOrg {
  type: OrgType;
  /** Has a sitting committee (支委会 applies). */
  hasCommittee: boolean;
  /** Set up on this date (periods that began before it are partial). */
  activeFrom?: string | null;
}

/**
 * done: held enough · upcoming: period not begun · due: not over, not done · due_soon: in its last N
 * days · overdue: over without enough · exempt: the organization did not exist for the whole period.
 */
export type ComplianceStatus = 'done' | 'upcoming' | 'due' | 'due_soon' | 'overdue' | 'exempt';
export const complianceStatusLabel: Record<ComplianceStatus, string> = {
  done: '已完成',
  upcoming: '未开始',
  due: '待开展',
  due_soon: '即将到期',
  overdue: '未完成',
  exempt: '不作要求',
};

export interface ComplianceItem {
  requirementId: string;
  ruleSetId: string;
  meetingType: MeetingType;
  every: ComplianceFrequency;
  /** Chinese: 「支部党员大会每季度至少1次」. */
  label: string;
  start: string;
  end: string;
  held: number;
  required: number;
  status: ComplianceStatus;
  /** Days from today to the period's end (0 on the last day); negative once over. */
  daysLeft: number;
  source: string;
  practice: boolean;
  unconfirmed: boolean;
}

/** Chinese wording of a requirement. */
export function requirementLabel(r: ComplianceRequirement): string {
  return `${r.bySecretary ? '书记讲' : ''}${meetingTypeLabel[r.meetingType]}${complianceFrequencyLabel[r.every]}至少${r.minCount}次`;
}

function countHeld(r: ComplianceRequirement, meetings: readonly HeldMeeting[], start: string, end: string): number {
  return meetings.filter(
    (m) => m.date >= start && m.date <= end && (m.type === r.meetingType || m.alsoCovers?.includes(r.meetingType)) && (!r.bySecretary || m.bySecretary),
  ).length;
}

/**
 * Rule compliance-2018: for every requirement of the organization's type, and every period of its
 * frequency that overlaps `period` (a quarter shows its three months of 支委会; a month shows the year
 * of 组织生活会 around it), what was held and the status on `today`. With several rule sets, each
 * period follows the set in force on its first day.
 */
export function evaluateCompliance(
  org: ComplianceOrg,
  period: CalendarPeriod,
  meetings: readonly HeldMeeting[],
  today: string,
  rules: ComplianceRuleSet | readonly ComplianceRuleSet[] = COMPLIANCE_RULES_2018,
): ComplianceItem[] {
  const sets: readonly ComplianceRuleSet[] = Array.isArray(rules) ? rules : [rules as ComplianceRuleSet];
  const out: ComplianceItem[] = [];
  for (const kind of COMPLIANCE_FREQUENCIES) {
    for (const p of periodsOverlapping(kind, period)) {
      const { start, end } = periodBounds(p);
      const set = ruleSetInForce(sets, start);
      if (!set) continue;
      for (const r of set.requirementsByType[org.type] ?? []) {
        if (r.every !== kind || (r.onlyIfCommittee && !org.hasCommittee)) continue;
        const held = countHeld(r, meetings, start, end);
        const daysLeft = daysBetween(today, end);
        const partial = !!org.activeFrom && org.activeFrom > start && set.partialPeriod === 'exempt';
        let status: ComplianceStatus;
        if (held >= r.minCount) status = 'done';
        else if (partial) status = 'exempt';
        else if (today < start) status = 'upcoming';
        else if (today > end) status = 'overdue';
        else status = daysLeft < set.dueSoonDays[kind] ? 'due_soon' : 'due';
        const { id, meetingType, every, minCount, source, practice, unconfirmed } = r;
        out.push({
          requirementId: id,
          ruleSetId: set.id,
          meetingType,
          every,
          label: requirementLabel(r),
          start,
          end,
          held,
          required: minCount,
          status,
          daysLeft,
          source,
          practice,
          unconfirmed,
        });
      }
    }
  }
  return out;
}

/**
 * Rule compliance-2018 silentAfterDays: no meeting of any kind for 30 days (counted from the latest
 * meeting, or from the day the organization was set up when it has held none) → a silent branch.
 */
export function isSilentBranch(lastMeetingDate: string | null, activeFrom: string, today: string, rules: ComplianceRuleSet = COMPLIANCE_RULES_2018): boolean {
  const since = lastMeetingDate && lastMeetingDate > activeFrom ? lastMeetingDate : activeFrom;
  return daysBetween(since, today) >= rules.silentAfterDays;
}

/** A subtree's own numbers (compliance_rule_set): minimums by requirement id (0 = not required), in force from a date. */
export interface ComplianceOverrideSet {
  id: string;
  effectiveFrom: string;
  overrides: readonly { requirementId: string; minCount: number }[];
  silentAfterDays: number;
}

/** Every requirement id of a rule set (the ids an override may name). */
export function requirementIds(set: ComplianceRuleSet): Set<string> {
  return new Set(Object.values(set.requirementsByType).flatMap((rs) => (rs ?? []).map((r) => r.id)));
}

/**
 * The rule set in force on `date` in a subtree: the defaults in force then, with the overrides of
 * every enclosing subtree applied from the outermost in (`chain`, outermost first: each link's
 * latest set not after `date`), so a community keeps its street's changes and adds its own. A
 * minimum of 0 drops the requirement. Jiceng's design (issue 9: "editable per subtree with an
 * effective date").
 */
export function ruleSetForSubtree(
  defaults: readonly ComplianceRuleSet[],
  chain: readonly (readonly ComplianceOverrideSet[])[],
  date: string,
): ComplianceRuleSet | null {
  const base = ruleSetInForce(defaults, date);
  if (!base) return null;
  let out: ComplianceRuleSet = base;
  for (const link of chain) {
    const o = ruleSetInForce(link, date);
    if (!o) continue;
    const min = new Map(o.overrides.map((x) => [x.requirementId, x.minCount]));
    const requirementsByType = Object.fromEntries(
      Object.entries(out.requirementsByType).map(([type, rs]) => [
        type,
        (rs ?? []).flatMap((r) => {
          const m = min.get(r.id);
          if (m === undefined) return [r];
          return m === 0 ? [] : [{ ...r, minCount: m, practice: true }];
        }),
      ]),
    ) as ComplianceRuleSet['requirementsByType'];
    out = { ...out, id: `${out.id}+${o.id}`, requirementsByType, silentAfterDays: o.silentAfterDays };
  }
  return out;
}
