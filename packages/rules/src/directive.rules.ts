import type { OrgType } from '@jiceng/contracts';

/**
 * 下发任务与督办 (tasks and notices sent down the tree) as data. Source: local practice of 任务交办与
 * 督查督办 (交办单、签收、限期办结、逾期催办、延期报批); no national regulation fixes any of these
 * numbers, so each is a Jiceng default a locality replaces with a rule set of its own
 * (`DirectiveRuleSet`). The evaluators in `directive.ts` read only this.
 *
 * Rule ids (named by the tests):
 * - directive-due-window: the due date is today or later, and at most `dueMaxDays` ahead.
 * - directive-recipients: recipients lie strictly below the sender (or the forwarding recipient), are
 *   active and not of an excluded type (党小组 is not an organization level: no accounts, no 签收), at
 *   most `recipientsMax` at once.
 * - directive-notice-ack: a 通知 is complete once signed for (签收); a 任务 needs 签收 and 上报完成.
 * - directive-reminder-lead: a recipient's task comes due (待办, reminder) `reminderLeadDays` before its
 *   due date; past it, it is overdue for the recipient and its issuer.
 * - directive-extension: an extension is asked before the due date has passed, to a later date at most
 *   `extensionMaxDays` after the current one, at most `extensionRequestsMax` times per recipient; the
 *   issuer decides within `extensionDecisionDays` (its to-do is due then), once.
 * - directive-forward-due: a forwarded task is due no later than the forwarder's own due date.
 * - directive-remind-daily: 催办 reaches a recipient at most once a day.
 */
export interface DirectiveRuleSet {
  id: string;
  source: string;
  dueMaxDays: number;
  recipientsMax: number;
  excludedRecipientTypes: readonly OrgType[];
  noticeNeedsOnlyAck: boolean;
  reminderLeadDays: number;
  extensionMaxDays: number;
  extensionRequestsMax: number;
  extensionDecisionDays: number;
  /** Days between two 催办 of one recipient. */
  remindIntervalDays: number;
}

export const DIRECTIVE_RULES_2026: DirectiveRuleSet = {
  id: 'directive-rules-2026',
  source: '基层任务交办督办的通行做法（签收、限期办结、逾期催办、延期报批），无全国统一规定；数值为 Jiceng 默认值',
  dueMaxDays: 366,
  recipientsMax: 500,
  excludedRecipientTypes: ['group'],
  noticeNeedsOnlyAck: true,
  reminderLeadDays: 3,
  extensionMaxDays: 30,
  extensionRequestsMax: 2,
  extensionDecisionDays: 3,
  remindIntervalDays: 1,
};
