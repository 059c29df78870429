/**
 * 重点任务 (key tasks) as data: when a task counts as 滞后, what its acceptance must score, how long a
 * plan owner has to confirm a claim or accept a completed task, and how long an owner has to carry out
 * a 调度会 decision. There is no national standard for these numbers: they are the defaults of the
 * district practice the module follows (an annual list of 40 Party-building key tasks, 揭榜认领 by
 * offices and streets, 定人定岗定责, every task reviewed at the 调度会 with its target, deadline and
 * acceptance standard; 清单化管理, 项目化推进, 台账式督办). A district sets its own with a rule set
 * (`KtRuleSet`); the evaluators in `keytask.ts` read only this.
 *
 * Rule ids (named by the tests):
 * - kt-lag-deadline: past its 完成时限 and not reported complete → 滞后.
 * - kt-lag-milestone: a milestone past its date and not reached → 滞后.
 * - kt-lag-behind: progress more than `lagTolerancePoints` below what the elapsed share of the time
 *   asks for (kt-lag-expected: elapsed days / planned days × 100), once `lagGraceShare` of the time
 *   has passed → 滞后.
 * - kt-lag-unclaimed: still without a confirmed lead `claimWithinDays` after it went on the board → 滞后.
 * - kt-rollup-weight: a task with sub-tasks progresses by Σ weight × progress / Σ weight; a plan and a
 *   department the same over their tasks.
 * - kt-complete-at-100: only a task at 100 % is reported complete.
 * - kt-pass-score: acceptance passes at `passScore` or above; below it the task returns to its owner.
 * - kt-claim-confirm: a claim is confirmed or declined within `claimConfirmDays`.
 * - kt-accept-within: a completed task is accepted within `acceptWithinDays`.
 * - kt-decision-days: a 调度会 decision is carried out within `decisionDays` of the meeting.
 * - kt-accountability-when: an accountability record only for a late task (滞后 or past its deadline)
 *   or one that failed acceptance.
 * - kt-rank: departments ranked by the share of their tasks completed, then weighted progress, then
 *   fewer lagging tasks, then the average acceptance score.
 */
export interface KtRuleSet {
  id: string;
  lagTolerancePoints: number;
  lagGraceShare: number;
  claimWithinDays: number;
  passScore: number;
  claimConfirmDays: number;
  acceptWithinDays: number;
  decisionDays: number;
  /** Milestones and decisions are reminded this many days before they are due. */
  reminderLeadDays: number;
  /** The categories a plan's tasks are filed under by default (editable per plan). */
  categories: readonly string[];
}

export const KT_RULES_2026: KtRuleSet = {
  id: 'kt-2026',
  lagTolerancePoints: 15,
  lagGraceShare: 0.1,
  claimWithinDays: 15,
  passScore: 80,
  claimConfirmDays: 5,
  acceptWithinDays: 15,
  decisionDays: 15,
  reminderLeadDays: 7,
  categories: ['政治建设', '思想建设', '组织建设', '作风建设', '纪律建设', '制度建设', '基层治理', '服务群众', '党建引领发展'],
};
