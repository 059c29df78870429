import {
  COMPLIANCE_FREQUENCIES,
  periodBounds,
  periodsOverlapping,
  requirementLabel,
  ruleSetForSubtree,
  type CalendarPeriod,
  type ComplianceOverrideSet,
  type ComplianceRuleSet,
} from '@jiceng/rules';
import type { RequirementRow, RuleSetRow } from './compliance.repository.ts';

/**
 * Requirement rows of every regime (the default '' and each subtree with rule sets of its own, whose
 * chain is every enclosing subtree's sets, outermost first) for the periods of each frequency that
 * overlap `view`, each period judged by the rule set in force on its first day.
 */
export function requirementRows(defaults: readonly ComplianceRuleSet[], sets: readonly RuleSetRow[], view: CalendarPeriod): RequirementRow[] {
  const byPath = setsByPath(sets);
  const regimes = ['', ...byPath.keys()];
  const rows: RequirementRow[] = [];
  for (const regime of regimes) {
    const chain = regime === '' ? [] : chainOf(byPath, regime);
    for (const kind of COMPLIANCE_FREQUENCIES) {
      for (const p of periodsOverlapping(kind, view)) {
        const { start, end } = periodBounds(p);
        const set = ruleSetForSubtree(defaults, chain, start);
        if (!set) continue;
        for (const [orgType, reqs] of Object.entries(set.requirementsByType)) {
          for (const r of reqs ?? []) {
            if (r.every !== kind) continue;
            rows.push({
              regime,
              orgType,
              requirementId: r.id,
              label: requirementLabel(r),
              stem: requirementLabel({ ...r, minCount: 0 }).replace(/至少0次$/, ''),
              meetingType: r.meetingType,
              every: kind,
              minCount: r.minCount,
              bySecretary: !!r.bySecretary,
              onlyIfCommittee: !!r.onlyIfCommittee,
              periodStart: start,
              periodEnd: end,
              dueSoonDays: set.dueSoonDays[kind],
              partialExempt: set.partialPeriod === 'exempt',
              silentAfterDays: set.silentAfterDays,
            });
          }
        }
      }
    }
  }
  return rows;
}

/** Rule sets by the path of their subtree. */
function setsByPath(sets: readonly RuleSetRow[]): Map<string, ComplianceOverrideSet[]> {
  const byPath = new Map<string, ComplianceOverrideSet[]>();
  for (const s of sets)
    byPath.set(s.org_path, [
      ...(byPath.get(s.org_path) ?? []),
      { id: s.id, effectiveFrom: s.effective_from, overrides: s.overrides, silentAfterDays: s.silent_after_days },
    ]);
  return byPath;
}

/** The sets of every subtree enclosing `path` (itself included), outermost first: the chain ruleSetForSubtree composes. */
function chainOf(byPath: ReadonlyMap<string, ComplianceOverrideSet[]>, path: string): ComplianceOverrideSet[][] {
  return [...byPath.entries()]
    .filter(([p]) => path === p || path.startsWith(`${p}.`))
    .sort(([a], [b]) => a.split('.').length - b.split('.').length)
    .map(([, s]) => s);
}

/** The rule-set chain of one organization (its own and its ancestors' subtree sets among `sets`). */
export const ruleChainFor = (sets: readonly RuleSetRow[], orgPath: string): ComplianceOverrideSet[][] => chainOf(setsByPath(sets), orgPath);
