import { transferActionLabel, transferKindLabel, transferStatusText, type MemberStatus, type TransferAction, type TransferKind, type TransferStatus } from '@jiceng/contracts';
import { addMonths, daysBetween } from './term.ts';
import { TRANSFER_RULES, TRANSFER_TRANSITIONS, TRANSFERABLE_STATUSES, type TransferRuleSet } from './transfer.rules.ts';

export type TransferTransition = { ok: true; to: TransferStatus } | { ok: false; reason: string };

/** Rule transfer-2019: only a pending transfer changes, and only by the actions its kind allows. */
export function transferTransition(kind: TransferKind, status: TransferStatus, action: TransferAction): TransferTransition {
  const t = TRANSFER_TRANSITIONS[action];
  if (!t.kinds.includes(kind)) return { ok: false, reason: `${transferKindLabel[kind]}不能${transferActionLabel[action]}` };
  if (status !== t.from) return { ok: false, reason: `${transferStatusText(kind, status)}的转接不能${transferActionLabel[action]}` };
  return { ok: true, to: t.to };
}

/** Why a member's relation cannot be transferred now, or null when it can. */
export function transferRefusal(m: { status: MemberStatus; transferredOutDate: string | null }): string | null {
  if (m.transferredOutDate) return `该党员的组织关系已于 ${m.transferredOutDate} 转出本系统，不能再办理转接`;
  if (m.status === 'left') return '该人员已出党，不能办理组织关系转接';
  if (!TRANSFERABLE_STATUSES.includes(m.status)) return '该党员已停止党籍，恢复党籍后方可办理组织关系转接';
  return null;
}

const dayBefore = (date: string): string => {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
};

/** Last valid day of a letter issued on `issueDate` valid for `months`: 2026-06-01 + 3 → 2026-08-31. */
export function letterValidUntil(issueDate: string, months = TRANSFER_RULES.letterValidityMonths): string {
  return dayBefore(addMonths(issueDate, months));
}

/** The letter's number: one sequence per region and year, `2026第7号`. */
export const letterNumber = (year: number, seq: number): string => `${year}第${seq}号`;

export interface LetterProblem {
  field: 'issueDate' | 'validUntil' | 'duesPaidTo';
  message: string;
}

/**
 * Rule transfer-2019 for an outgoing letter: issued no later than today; valid from its issue for at
 * most `letterValidityMaxMonths`; dues paid to no later than the month of issue (no advance dues).
 */
export function checkLetter(l: { issueDate: string; validUntil: string; duesPaidTo: string }, today: string, rules: TransferRuleSet = TRANSFER_RULES): LetterProblem[] {
  const problems: LetterProblem[] = [];
  if (l.issueDate > today) problems.push({ field: 'issueDate', message: '开具日期不能晚于今天' });
  const latest = letterValidUntil(l.issueDate, rules.letterValidityMaxMonths);
  if (l.validUntil < l.issueDate) problems.push({ field: 'validUntil', message: '有效期不能早于开具日期' });
  else if (l.validUntil > latest) problems.push({ field: 'validUntil', message: `介绍信有效期最长 ${rules.letterValidityMaxMonths} 个月（至 ${latest}），请缩短有效期` });
  if (l.duesPaidTo > l.issueDate.slice(0, 7)) problems.push({ field: 'duesPaidTo', message: '党费缴至月份不能晚于开具介绍信的当月（党费不得预交）' });
  return problems;
}

/** Days a pending letter is past its validity on `today` (0 while still valid). */
export function letterDaysOverdue(validUntil: string, today: string): number {
  return Math.max(0, daysBetween(validUntil, today));
}
