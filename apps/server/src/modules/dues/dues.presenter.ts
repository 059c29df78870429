import { duesCategoryLabel, type DuesBasis, type DuesCalcResult, type DuesCategoryId, type DuesReliefKind } from '@jiceng/contracts';
import type { DuesAmount, DuesRuleSet } from '@jiceng/rules';
import type { DuesBasisRow } from './dues.repository.ts';

/** A stored basis as the API answers it: the amount and explanation as computed when it was set. */
export function presentBasis(r: DuesBasisRow): DuesBasis {
  const category = r.category as DuesCategoryId;
  return {
    memberId: r.member_id,
    effectiveMonth: r.effective_month,
    category,
    categoryLabel: duesCategoryLabel[category],
    baseFen: r.base_fen === null ? null : Number(r.base_fen),
    chosenFen: r.chosen_fen,
    relief: r.relief_kind ? { kind: r.relief_kind as DuesReliefKind, amountFen: r.relief_fen, approval: r.relief_approval ?? '' } : null,
    amountFen: r.amount_fen,
    computedFen: r.computed_fen,
    bracket: r.bracket_label !== null && r.bracket_rate_bp !== null ? { label: r.bracket_label, rateBp: r.bracket_rate_bp } : null,
    explanation: r.explanation,
    ruleSet: r.rule_set,
    recordedBy: r.recorded_by,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The calculator's answer from the rule set's amount. */
export function presentCalc(a: DuesAmount, rules: DuesRuleSet): DuesCalcResult {
  return {
    category: a.category,
    categoryLabel: a.categoryLabel,
    amountFen: a.amountFen,
    computedFen: a.computedFen,
    bracket: a.bracket,
    explanation: a.explanation,
    ruleSet: a.ruleSet,
    ruleSetSource: rules.source,
    source: a.source,
  };
}
