import { WISH_RULES_2026, WISH_WORKFLOW, type WishAction, type WishRole, type WishRuleSet, type WishState } from './wish.rules.ts';
import { availableActions, transition, type WorkflowAttempt, type WorkflowResult } from './workflow.ts';

/** Rule wish-workflow-2026: the wish's next state, or a Chinese refusal naming its current state. */
export function wishTransition(from: WishState, action: WishAction, attempt: WorkflowAttempt<WishRole> = {}): WorkflowResult<WishState, WishAction, WishRole> {
  return transition(WISH_WORKFLOW, from, action, attempt);
}

/** The steps a role may take on a wish in `state` (the buttons). */
export function wishActions(state: WishState, role?: WishRole): WishAction[] {
  return availableActions(WISH_WORKFLOW, state, role);
}

/** Yuan as people write it, from fen: 50000 → 500, 1250 → 12.5. */
export const fenToYuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2).replace(/0$/, ''));

/** Rule wish-value-cap: null when `valueFen` is a whole number of fen above 0 and within the cap, else the Chinese refusal. */
export function wishValueRefusal(valueFen: number, rules: WishRuleSet = WISH_RULES_2026): string | null {
  if (!Number.isInteger(valueFen) || valueFen <= 0) return '心愿价值须大于 0 元（以分计的整数）';
  if (valueFen > rules.valueCapFen)
    return `微心愿价值不能超过 ${fenToYuan(rules.valueCapFen)} 元（本次 ${fenToYuan(valueFen)} 元），较大的需求请通过其他帮扶渠道办理`;
  return null;
}

/** Rule wish-claim-limit: null when a member holding `openClaims` open wishes may claim another, else the Chinese refusal. */
export function wishClaimRefusal(openClaims: number, rules: WishRuleSet = WISH_RULES_2026): string | null {
  return openClaims >= rules.openClaimLimit ? `每名党员同时最多认领 ${rules.openClaimLimit} 个未完成的微心愿，请先完成已认领的心愿` : null;
}

/** Rule wish-overdue: the last day (YYYY-MM-DD) a wish claimed on `claimedOn` should be fulfilled by. */
export function wishFulfilDue(claimedOn: string, rules: WishRuleSet = WISH_RULES_2026): string {
  const d = new Date(`${claimedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + rules.overdueDays);
  return d.toISOString().slice(0, 10);
}
