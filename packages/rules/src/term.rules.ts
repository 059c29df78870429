import type { OrgDomain, OrgType } from '@jiceng/contracts';

/**
 * Term lengths (任期) and 换届 alarm thresholds, as data.
 * Source: 中办《关于党的基层组织任期的意见》(2018) — 基层党委 5 years; 党总支 and 党支部 3 years;
 * 村 and 社区 党组织 (党委、总支、支部) 5 years. Superior reminds ~6 months before expiry
 * (选举工作条例 2020); postponement normally ≤ 1 year, so more than 12 months late is serious.
 * See shared/docs/domain-rules.md §1.3.
 */
export interface TermRuleSet {
  id: string;
  effectiveFrom: string;
  /** Years per organization type; types absent here have no elected term (党小组, 临时党支部, 网格). */
  yearsByType: Partial<Record<OrgType, number>>;
  /** Domains whose organizations all have the village/community term, whatever their type. */
  villageCommunityDomains: OrgDomain[];
  villageCommunityYears: number;
  /** Warn this many months before the term ends. */
  dueSoonMonths: number;
  /** Overdue by more than this many months is serious. */
  seriouslyOverdueMonths: number;
}

export const TERM_RULES_2018: TermRuleSet = {
  id: 'term-2018',
  effectiveFrom: '2018-06-01',
  yearsByType: {
    committee: 5,
    working_committee: 5,
    general_branch: 3,
    branch: 3,
    joint_branch: 3,
  },
  villageCommunityDomains: ['rural', 'community'],
  villageCommunityYears: 5,
  dueSoonMonths: 6,
  seriouslyOverdueMonths: 12,
};
