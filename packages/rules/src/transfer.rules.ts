import type { MemberStatus, TransferAction, TransferKind, TransferStatus } from '@jiceng/contracts';

/**
 * 组织关系转接 (transfers of organization relation) as data. Sources (domain-rules §5):
 * - 党员教育管理工作条例 (2019) Art.24–25 [T1]: one home branch each; the sending organization manages
 *   the member until the relation is received; the receiving side may not refuse (it may return a
 *   transfer whose papers are wrong, with a reason).
 * - 介绍信 practice [T2][T3][T12]: 存根 / 正本 / 回执 under one number; the letter shows the month dues
 *   are paid to and its validity — 10 days in-city, 30 days elsewhere, at most 3 months (one source
 *   allows 6 for cross-province); the official value is UNCONFIRMED, so 3 months is the default and
 *   6 the most a letter may be given. An expired letter is replaced by a new one; the sender keeps a
 *   register of letters whose 回执 has not come back.
 * - 中组发〔2008〕3号 [F2]: organizations may not collect dues in advance, so 党费缴至 is never after
 *   the month of issue.
 */
export interface TransferRuleSet {
  id: string;
  effectiveFrom: string;
  /** Default validity of an introduction letter, in months from its issue date. */
  letterValidityMonths: number;
  /** The longest validity a letter may be given, in months. */
  letterValidityMaxMonths: number;
}

export const TRANSFER_RULES: TransferRuleSet = {
  id: 'transfer-2019',
  effectiveFrom: '2019-05-01',
  letterValidityMonths: 3,
  letterValidityMaxMonths: 6,
};

/** Member statuses whose relation may be transferred (not 停止党籍, not 出党). */
export const TRANSFERABLE_STATUSES: readonly MemberStatus[] = ['full', 'probationary'];

/** What each action does to an open transfer, per kind. Only a pending transfer can change. */
export const TRANSFER_TRANSITIONS: Record<TransferAction, { kinds: readonly TransferKind[]; from: 'pending'; to: TransferStatus }> = {
  accept: { kinds: ['internal'], from: 'pending', to: 'accepted' },
  return: { kinds: ['internal'], from: 'pending', to: 'returned' },
  cancel: { kinds: ['internal', 'letter_out'], from: 'pending', to: 'cancelled' },
  receipt: { kinds: ['letter_out'], from: 'pending', to: 'received' },
};
