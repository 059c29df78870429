import { APPRAISAL_RULES_2024, type AppraisalRuleSet } from './appraisal.rules.ts';
import { addMonths, daysBetween } from './term.ts';

/** The most 优秀 grades allowed among `appraised` members without an override (rounded down). */
export function excellentLimit(appraised: number, rules: AppraisalRuleSet = APPRAISAL_RULES_2024): number {
  const { numerator, denominator } = rules.excellentShare;
  return Math.floor((appraised * numerator) / denominator);
}

/** True when `excellent` grades are above the share allowed among `appraised` members. */
export function excellentShareExceeded(excellent: number, appraised: number, rules: AppraisalRuleSet = APPRAISAL_RULES_2024): boolean {
  const { numerator, denominator } = rules.excellentShare;
  return excellent * denominator > appraised * numerator;
}

export type DeadlineCheck = { ok: true; deadline: string } | { ok: false; reason: string };

/**
 * The deadline of a 限期改正 starting on `startDate`: `requested`, or by default 6 months later;
 * refused when not after the start or more than 12 months after it.
 */
export function correctionDeadline(startDate: string, requested: string | null | undefined, rules: AppraisalRuleSet = APPRAISAL_RULES_2024): DeadlineCheck {
  const latest = addMonths(startDate, rules.correctionMaxMonths);
  const deadline = requested ?? addMonths(startDate, rules.correctionDefaultMonths);
  if (deadline <= startDate) return { ok: false, reason: '整改期限应晚于开始日期' };
  if (deadline > latest) return { ok: false, reason: `限期改正的期限最长为 ${rules.correctionMaxMonths} 个月，请设在 ${latest} 或之前` };
  return { ok: true, deadline };
}

/** A 限期改正 in progress as a to-do: overdue after the deadline, due soon within the window, else none. */
export function dispositionAlert(deadline: string, today: string, rules: AppraisalRuleSet = APPRAISAL_RULES_2024): 'overdue' | 'due_soon' | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  return left <= rules.dispositionDueSoonDays ? 'due_soon' : null;
}
