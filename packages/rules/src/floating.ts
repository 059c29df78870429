import { floatingStatusLabel, type FloatingStatus, type MemberStatus } from '@jiceng/contracts';
import { FLOATING_RULES_2023, FLOATING_STEPS, floatingActionLabel, LOST_CONTACT_RULES_2019, type FloatingAction, type FloatingRuleSet, type LostContactRuleSet } from './floating.rules.ts';
import { addMonths } from './term.ts';

/** Rule floating-2023: the day from which a member at one destination should transfer formally. */
export function floatingTransferDueDate(destinationSince: string, rules: FloatingRuleSet = FLOATING_RULES_2023): string {
  return addMonths(destinationSince, rules.transferAfterMonths);
}

/** Rule floating-2023: true once the member has been at the same destination for 6 months or more. */
export function floatingTransferDue(destinationSince: string, today: string, rules: FloatingRuleSet = FLOATING_RULES_2023): boolean {
  return today >= floatingTransferDueDate(destinationSince, rules);
}

/** A 流动党员活动证 is valid through its end date; expired from the day after. No certificate: never expired. */
export function activityCertExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && today > validUntil;
}

export interface LostContactState {
  lastContactDate: string;
  memberStatus: MemberStatus;
  /** Date of the latest 停止党籍, when the member is suspended. */
  suspendedDate: string | null;
}

/** What the branch should consider for a lost-contact member, from which day. */
export interface LostContactProposal {
  kind: 'suspend' | 'remove';
  dueDate: string;
}

/**
 * Rule lost-contact-2019: 6 months after the last contact a member still lost is proposed for 停止党籍;
 * 2 years after 停止党籍 (or after the day it became due, when its date is unknown) one still lost is
 * proposed for 除名. Nothing for a member who has left. A proposal, never a change of status.
 */
export function lostContactProposal(s: LostContactState, today: string, rules: LostContactRuleSet = LOST_CONTACT_RULES_2019): LostContactProposal | null {
  const suspendDue = addMonths(s.lastContactDate, rules.suspendAfterMonths);
  if (s.memberStatus === 'left') return null;
  if (s.memberStatus === 'suspended') {
    const removeDue = addMonths(s.suspendedDate ?? suspendDue, rules.removeAfterSuspendedMonths);
    return today >= removeDue ? { kind: 'remove', dueDate: removeDue } : null;
  }
  return today >= suspendDue ? { kind: 'suspend', dueDate: suspendDue } : null;
}

/** Whole months from `from` to `to` (months out of contact): 03-10 → 09-09 is 5, → 09-10 is 6. */
export function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** Rule floating-2023: the status after `action`, or why it may not be taken now (Chinese, for the user). */
export function floatingStep(status: FloatingStatus, action: FloatingAction): { ok: true; next: FloatingStatus } | { ok: false; reason: string } {
  const step = FLOATING_STEPS[action];
  if (step.from.includes(status)) return { ok: true, next: step.to };
  return { ok: false, reason: `该登记当前为「${floatingStatusLabel[status]}」，不能办理「${floatingActionLabel[action]}」` };
}
