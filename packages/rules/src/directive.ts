import { orgTypeLabel, type DirectiveCounts, type DirectiveKind, type DirectiveTargetState, type DirectiveTargetStatus, type OrgType } from '@jiceng/contracts';
import { addDays } from './development.ts';
import { DIRECTIVE_OPEN_TARGET_STATES, type DirectiveStep } from './directive-workflow.ts';
import { DIRECTIVE_RULES_2026, type DirectiveRuleSet } from './directive.rules.ts';

const isOpen = (s: DirectiveTargetState) => DIRECTIVE_OPEN_TARGET_STATES.includes(s);

/** Rule directive-due-window: null when `dueOn` may be a directive's (or a forwarded task's) due date, else the Chinese refusal. */
export function directiveDueRefusal(dueOn: string, today: string, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): string | null {
  if (dueOn < today) return `办结期限不能早于今天（${today}）`;
  const last = addDays(today, rules.dueMaxDays);
  if (dueOn > last) return `办结期限最长为 ${rules.dueMaxDays} 天，不能晚于 ${last}`;
  return null;
}

/** Rule directive-forward-due: a forwarded task is due by the forwarder's own due date, and not before today. */
export function directiveForwardDueRefusal(dueOn: string, ownDueOn: string, today: string): string | null {
  if (dueOn < today) return `下级办结期限不能早于今天（${today}）`;
  if (dueOn > ownDueOn) return `下级办结期限不能晚于本单位的办结期限（${ownDueOn}）`;
  return null;
}

/**
 * Rule directive-recipients: null when the organization may receive a directive from the one at
 * `senderPath`, else the Chinese refusal naming it (the caller has checked it lies in the sender's scope).
 */
export function directiveRecipientRefusal(
  org: { name: string; type: string; status: string; path: string },
  senderPath: string,
  rules: DirectiveRuleSet = DIRECTIVE_RULES_2026,
): string | null {
  if (org.path === senderPath) return `「${org.name}」是本单位，不能下发给自己`;
  if (!org.path.startsWith(`${senderPath}.`)) return `「${org.name}」不在本单位下级，不能下发`;
  if (org.status !== 'active') return `「${org.name}」已撤销，不能接收任务`;
  if ((rules.excludedRecipientTypes as readonly string[]).includes(org.type))
    return `「${org.name}」是${orgTypeLabel[org.type as OrgType] ?? org.type}，不是一级党组织，不能接收任务`;
  return null;
}

/** Rule directive-recipients: the count a send or forward may name. */
export function directiveRecipientCountRefusal(n: number, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): string | null {
  if (n === 0) return '请选择接收单位';
  if (n > rules.recipientsMax) return `一次最多下发给 ${rules.recipientsMax} 个组织（本次 ${n} 个），请分批下发`;
  return null;
}

/** Rule directive-notice-ack: the step 签收 is for a recipient of this kind — a notice ends there. */
export function directiveSignStep(kind: DirectiveKind, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): Extract<DirectiveStep, 'acknowledge' | 'sign_notice'> {
  return kind === 'notice' && rules.noticeNeedsOnlyAck ? 'sign_notice' : 'acknowledge';
}

/** What the sender's table shows: the state, or 逾期 for an open recipient past its due date (a waiting extension request stays). */
export function directiveTargetStatus(t: { state: DirectiveTargetState; dueOn: string }, today: string): DirectiveTargetStatus {
  if (t.state !== 'extension' && isOpen(t.state) && t.dueOn < today) return 'overdue';
  return t.state;
}

/** Recipients counted by status (they sum to the total), and those not signed for. */
export function directiveCounts(targets: readonly { state: DirectiveTargetState; dueOn: string }[], today: string): DirectiveCounts {
  const c: DirectiveCounts = { total: 0, sent: 0, acknowledged: 0, extension: 0, overdue: 0, done: 0, unfinished: 0, notAcknowledged: 0 };
  for (const t of targets) {
    c.total++;
    c[directiveTargetStatus(t, today)]++;
    if (t.state === 'sent') c.notAcknowledged++;
  }
  return c;
}

/**
 * Rule directive-reminder-lead: the reminder a recipient still open gets today — `due` from
 * `reminderLeadDays` before its due date, `overdue` after it — or null.
 */
export function directiveReminderStage(dueOn: string, today: string, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): 'due' | 'overdue' | null {
  if (dueOn < today) return 'overdue';
  return addDays(dueOn, -rules.reminderLeadDays) <= today ? 'due' : null;
}

/**
 * Rule directive-extension: null when a recipient due on `dueOn`, having asked `asked` times, may
 * ask today to be due on `requested`, else the Chinese refusal.
 */
export function directiveExtensionRefusal(
  a: { dueOn: string; requested: string; today: string; asked: number },
  rules: DirectiveRuleSet = DIRECTIVE_RULES_2026,
): string | null {
  const closed = directiveExtensionClosed(a, rules);
  if (closed) return closed;
  if (a.requested <= a.dueOn) return `延期后的日期应晚于现在的办结期限（${a.dueOn}）`;
  const last = addDays(a.dueOn, rules.extensionMaxDays);
  if (a.requested > last) return `每次最多延期 ${rules.extensionMaxDays} 天，不能晚于 ${last}`;
  return null;
}

/** Rule directive-extension: null while a recipient due on `dueOn`, having asked `asked` times, may still ask today (for some date). */
export function directiveExtensionClosed(a: { dueOn: string; today: string; asked: number }, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): string | null {
  if (a.asked >= rules.extensionRequestsMax) return `每个接收单位最多申请延期 ${rules.extensionRequestsMax} 次，已申请 ${a.asked} 次`;
  if (a.today > a.dueOn) return `办结期限（${a.dueOn}）已过，不能再申请延期，请尽快办理并上报`;
  return null;
}

/** Rule directive-extension: the day the issuer should decide a request made on `requestedOn` by. */
export function directiveExtensionDecideBy(requestedOn: string, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): string {
  return addDays(requestedOn, rules.extensionDecisionDays);
}

/** Rule directive-remind-daily: null when a recipient last reminded on `lastOn` (null: never) may be reminded today. */
export function directiveRemindRefusal(lastOn: string | null, today: string, rules: DirectiveRuleSet = DIRECTIVE_RULES_2026): string | null {
  if (lastOn && addDays(lastOn, rules.remindIntervalDays) > today) return '今天已催办过';
  return null;
}
