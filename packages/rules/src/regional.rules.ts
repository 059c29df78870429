/**
 * 区域化党建 三张清单 (needs, resources, projects) as data: the category dictionary's starter set,
 * the matching weights, and the time limits of the to-dos. Keys in [] point to their source.
 *
 * [R1] 三张清单: "建立需求、资源、项目三张清单，有针对性地实施区域化党建项目，真正实现社区与驻区单位
 *      党组织的有效对接" (the practice quoted in issue 14; domain-rules §11). The lists and their
 *      fields follow that practice; no regulation fixes them.
 * [R2] The starter categories are the ones the practice names (助老助残, 儿童托管, 环境整治, 设施改造,
 *      就业帮扶, 法律服务, 文化活动, 医疗健康) plus 党建共建 and 其他; a district edits the dictionary.
 * [R3] Matching weights and the related-category pairs: Jiceng design, documented here and tested by
 *      name. No standard exists; they order the proposals a person then chooses from.
 * [R4] Time limits (an open need past its wanted-by date or unclaimed for 30 days; a project past
 *      its end date; 15 days to rate a completed project; 7 days for a unit to consent): Jiceng
 *      defaults, so that a need or a project does not sit forgotten.
 */

export interface RgCategory {
  code: string;
  name: string;
}

/** Rule rg-categories [R2]: the dictionary a region starts with. */
export const RG_STARTER_CATEGORIES: readonly RgCategory[] = [
  { code: 'elderly', name: '助老助残' },
  { code: 'children', name: '儿童托管' },
  { code: 'environment', name: '环境整治' },
  { code: 'facilities', name: '设施改造' },
  { code: 'employment', name: '就业帮扶' },
  { code: 'legal', name: '法律服务' },
  { code: 'culture', name: '文化活动' },
  { code: 'health', name: '医疗健康' },
  { code: 'party', name: '党建共建' },
  { code: 'other', name: '其他' },
];

export interface RgMatchWeights {
  /** Rule rg-match-category: the resource's category is the need's. */
  categorySame: number;
  /** Rule rg-match-category: a related category (relatedCategories). */
  categoryRelated: number;
  /** Rule rg-match-place: offered to the need's own community (or the unit reported to it). */
  placeCommunity: number;
  /** Rule rg-match-place: the unit sits in the same street. */
  placeStreet: number;
  /** Rule rg-match-capacity: the capacity covers the need's people and money; scaled down by the share covered. */
  capacity: number;
  /** Rule rg-match-capacity: the points given when the need states neither people nor money. */
  capacityUnknown: number;
  /** Rule rg-match-time: the resource is offered on the need's wanted-by date (or today when none). */
  time: number;
}

export interface RgRuleSet {
  id: string;
  weights: RgMatchWeights;
  /** Rule rg-match-category [R3]: category pairs close enough to be proposed (either order). */
  relatedCategories: readonly (readonly [string, string])[];
  /** Rule rg-match-floor [R3]: proposals scoring below this are not shown. */
  minScore: number;
  /** Rule rg-match-limit: how many proposals a need shows. */
  maxProposals: number;
  /** Rule rg-need-stale [R4]: an open need unclaimed this many days is a to-do. */
  staleDays: number;
  /** Rule rg-consent [R4]: days a unit has to agree to a proposed project before it is a reminder. */
  consentDays: number;
  /** Rule rg-rate [R4]: days after completion the community has to rate a project. */
  rateDays: number;
  /** Rule rg-urgency: the urgency levels, most urgent first, with the days before wanted-by that make an open need a to-do. */
  urgencyLeadDays: Readonly<Record<RgUrgency, number>>;
  /** Org types and domains of a 社区/村's Party organization (a need belongs to one; grids below it record for it). */
  communityOrgTypes: readonly string[];
  communityDomains: readonly string[];
  source: string;
}

export type RgUrgency = 'urgent' | 'soon' | 'normal';
export const RG_URGENCIES: readonly RgUrgency[] = ['urgent', 'soon', 'normal'];
export const RG_URGENCY_LABEL: Readonly<Record<RgUrgency, string>> = { urgent: '紧急', soon: '较急', normal: '一般' };

export const RG_RULES_2026: RgRuleSet = {
  id: 'rg-2026',
  weights: { categorySame: 40, categoryRelated: 20, placeCommunity: 25, placeStreet: 12, capacity: 20, capacityUnknown: 10, time: 15 },
  relatedCategories: [
    ['elderly', 'health'],
    ['children', 'culture'],
    ['environment', 'facilities'],
    ['employment', 'legal'],
    ['party', 'culture'],
  ],
  minScore: 20,
  maxProposals: 10,
  staleDays: 30,
  consentDays: 7,
  rateDays: 15,
  urgencyLeadDays: { urgent: 30, soon: 14, normal: 7 },
  communityOrgTypes: ['committee', 'general_branch'],
  communityDomains: ['community', 'rural'],
  source: '[R1] 三张清单 practice (issue 14); [R2] starter dictionary; [R3] matching weights, Jiceng design; [R4] Jiceng defaults',
};
