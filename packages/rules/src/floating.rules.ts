import type { FloatingStatus, OrgType } from '@jiceng/contracts';

/**
 * 流动党员 and 失联党员 thresholds as data (see shared/docs/domain-rules.md §5).
 *
 * Rule floating-2023. Sources: 中办《关于加强和改进流动党员管理工作的意见》(2023) [T5][T6] — a
 * 流动党员 is a member whose relation is not moved and who cannot attend the home branch for 6
 * consecutive months or more; 党员教育管理工作条例 (2019) Art.24–25 [T1] — a member away at a fixed
 * place for 6 months or more transfers the organization relation (转接组织关系); 流动党员活动证 [T4]
 * is issued for a period and stops being valid at its end date.
 *
 * Rule lost-contact-2019. Sources: 党员教育管理工作条例 (2019) [T1] and《不合格党员组织处置办法》(2024)
 * [B5] — a member out of contact for 6 months or more who cannot be found is proposed for 停止党籍;
 * one still unreachable 2 years after 停止党籍 is proposed for 除名 (as 自行脱党). Both steps are
 * decisions of the branch (支委会 proposal, superior filing), never automatic.
 *
 * Effective dates carry the year of the source; the exact day is UNCONFIRMED.
 */
export interface FloatingRuleSet {
  id: string;
  effectiveFrom: string;
  /** At one fixed destination for this many months or more → propose a formal transfer. */
  transferAfterMonths: number;
}

export const FLOATING_RULES_2023: FloatingRuleSet = {
  id: 'floating-2023',
  effectiveFrom: '2023-01-01',
  transferAfterMonths: 6,
};

export interface LostContactRuleSet {
  id: string;
  effectiveFrom: string;
  /** Months without contact after which 停止党籍 is proposed. */
  suspendAfterMonths: number;
  /** Months after 停止党籍, still without contact, after which 除名 is proposed. */
  removeAfterSuspendedMonths: number;
}

export const LOST_CONTACT_RULES_2019: LostContactRuleSet = {
  id: 'lost-contact-2019',
  effectiveFrom: '2019-01-01',
  suspendAfterMonths: 6,
  removeAfterSuspendedMonths: 24,
};

/**
 * Organizations that may receive a floating member (流入地党组织): branches, and 临时党支部 set up for
 * members away together (2023 意见: 流动党员党组织 in parks, chambers and liaison offices) [T4][T5].
 */
export const FLOATING_DESTINATION_ORG_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];

/** The steps of a floating registration: 流入登记 (凡进必登), 核实 (凡登必核), 返回 (end of floating). */
export type FloatingAction = 'arrive' | 'verify' | 'return';
export const floatingActionLabel: Record<FloatingAction, string> = { arrive: '流入登记', verify: '核实', return: '返回' };

/**
 * Rule floating-2023 (2023 意见 [T5][T6]: 凡进必登、凡登必核): the destination registers the member first,
 * the home branch then confirms that registration; floating may end (返回) at any step.
 */
export const FLOATING_STEPS: Record<FloatingAction, { from: readonly FloatingStatus[]; to: FloatingStatus }> = {
  arrive: { from: ['pending_arrival'], to: 'pending_verify' },
  verify: { from: ['pending_verify'], to: 'verified' },
  return: { from: ['pending_arrival', 'pending_verify', 'verified'], to: 'returned' },
};
