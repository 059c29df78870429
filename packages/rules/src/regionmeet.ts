import { RM_RULES_2026, type RmCriterion, type RmGradeBand, type RmRuleSet } from './regionmeet.rules.ts';

/** The figures of a yearly 双报告, assembled from the records (the stored snapshot). */
export interface RmFigures {
  /** Project activities its people took part in (rg_activity of the unit); a member's are not recorded one by one. */
  activities: number;
  participants: number;
  /** Volunteer hours of those activities; null for a member (hours are recorded per activity, not per person). */
  hours: number | null;
  beneficiaries: number;
  /** Projects it took part in (with its consent) that ran during the year. */
  projects: number;
  /** Resources it offered that were open during the year. */
  resources: number;
  /** Needs it claimed during the year. */
  needsClaimed: number;
  /** Money of its projects completed during the year, in fen. */
  fundsFen: number;
  /** Problems those projects solved. */
  problemsSolved: number;
  /** Beneficiaries' ratings of its completed projects: all, and 满意 among them. */
  feedbacks: number;
  satisfied: number;
}

export const emptyRmFigures = (): RmFigures => ({
  activities: 0,
  participants: 0,
  hours: 0,
  beneficiaries: 0,
  projects: 0,
  resources: 0,
  needsClaimed: 0,
  fundsFen: 0,
  problemsSolved: 0,
  feedbacks: 0,
  satisfied: 0,
});

/** Rule rm-grade-bands: the highest band whose minimum the total reaches. */
export function rmGrade(total: number, rules: RmRuleSet = RM_RULES_2026): RmGradeBand {
  return rules.grades.find((g) => total >= g.min) ?? rules.grades[rules.grades.length - 1]!;
}

/** The most a rating on these criteria can total. */
export const rmMaxTotal = (criteria: readonly RmCriterion[]): number => criteria.reduce((a, c) => a + c.max, 0);

export type RmScoreResult = { ok: true; total: number; grade: RmGradeBand } | { ok: false; field: string; refusal: string };

/**
 * Rule rm-score-range: every criterion is scored, as a whole number from 0 to its maximum, and
 * nothing else is; the total is their sum, graded by rm-grade-bands. A refusal names the criterion.
 */
export function rmScore(criteria: readonly RmCriterion[], scores: Readonly<Record<string, number>>, rules: RmRuleSet = RM_RULES_2026): RmScoreResult {
  const unknown = Object.keys(scores).find((k) => !criteria.some((c) => c.code === k));
  if (unknown !== undefined) return { ok: false, field: unknown, refusal: `评价项目「${unknown}」不在本评价标准中` };
  let total = 0;
  for (const c of criteria) {
    const v = scores[c.code];
    if (v === undefined) return { ok: false, field: c.code, refusal: `请为「${c.label}」打分（0–${c.max} 分）` };
    if (!Number.isInteger(v) || v < 0 || v > c.max) return { ok: false, field: c.code, refusal: `「${c.label}」的得分应为 0 到 ${c.max} 之间的整数` };
    total += v;
  }
  return { ok: true, total, grade: rmGrade(total, rules) };
}

/**
 * Rule rm-suggest: the points a unit's records suggest on the unit criteria — activities, resources
 * offered, projects joined and needs claimed, money and problems solved — each capped at its
 * criterion's maximum; 群众评价 is the share of 满意 among the beneficiaries' ratings (none: half).
 */
export function rmSuggestUnitScores(f: RmFigures, rules: RmRuleSet = RM_RULES_2026): Record<string, number> {
  const s = rules.suggest;
  const raw: Record<string, number> = {
    activities: f.activities * s.perActivity,
    resources: f.resources * s.perResource + Math.floor(f.fundsFen / 1_000_000) * s.perTenThousandYuan,
    projects: (f.projects + f.needsClaimed) * s.perProject,
    problems: f.problemsSolved * s.perProblem,
  };
  const out: Record<string, number> = {};
  for (const c of rules.unitCriteria) {
    if (c.code === 'masses') out[c.code] = f.feedbacks === 0 ? Math.round(c.max / 2) : Math.round((c.max * f.satisfied) / f.feedbacks);
    else out[c.code] = Math.min(c.max, raw[c.code] ?? 0);
  }
  return out;
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export type RmFollowupStatus = 'done' | 'overdue' | 'due_soon' | 'open';

/** Rule rm-followup-lead: done once done; past its due date overdue; within the lead days due soon. */
export function rmFollowupStatus(f: { dueOn: string; doneOn: string | null }, today: string, rules: RmRuleSet = RM_RULES_2026): RmFollowupStatus {
  if (f.doneOn) return 'done';
  if (f.dueOn < today) return 'overdue';
  if (f.dueOn <= addDays(today, rules.followupLeadDays)) return 'due_soon';
  return 'open';
}

/** Rule rm-minutes-days: the day a held meeting's minutes are due. */
export const rmMinutesDue = (heldOn: string, rules: RmRuleSet = RM_RULES_2026): string => addDays(heldOn, rules.minutesDays);

/** Rule rm-respond-by: the day a year's report is to be confirmed and its ratings given. */
export const rmRespondBy = (year: number, rules: RmRuleSet = RM_RULES_2026): string => `${year + 1}-${rules.respondBy}`;

/** Rule rm-assemble-month: the year the job assembles on `today` (last year's, in the month), or null. */
export function rmAssembleYear(today: string, rules: RmRuleSet = RM_RULES_2026): number | null {
  return Number(today.slice(5, 7)) === rules.assembleMonth ? Number(today.slice(0, 4)) - 1 : null;
}

/** The year the pages open on: last year's reports and ratings. */
export const rmDefaultYear = (today: string): number => Number(today.slice(0, 4)) - 1;
