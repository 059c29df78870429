import type { ServiceComplexity, ServiceRequestKind } from './service-request.rules.ts';

/**
 * Intake of 群众诉求 (issue 10), as data: the default 事项类别 dictionary, who may stay anonymous,
 * and the duplicate hint. Sources: domain-rules §8 ([H1][H2] kinds; [H10] 点单 categories of
 * community practice); the numbers of the hint are Jiceng's.
 */

export interface ServiceCategoryDefault {
  code: string;
  name: string;
  complexity: ServiceComplexity;
  sort: number;
}

/** The categories a region starts with; every region edits its own (service:config). [H10] practice. */
export const SERVICE_CATEGORIES_DEFAULT: readonly ServiceCategoryDefault[] = [
  { code: 'sanitation', name: '环境卫生', complexity: 'general', sort: 10 },
  { code: 'neighbour', name: '邻里纠纷', complexity: 'general', sort: 20 },
  { code: 'property', name: '物业管理', complexity: 'general', sort: 30 },
  { code: 'elderly', name: '养老助残', complexity: 'general', sort: 40 },
  { code: 'security', name: '治安', complexity: 'urgent', sort: 50 },
  { code: 'repair', name: '设施维修', complexity: 'general', sort: 60 },
  { code: 'utilities', name: '水电气热', complexity: 'urgent', sort: 70 },
  { code: 'greenery', name: '园林绿化', complexity: 'general', sort: 80 },
  { code: 'parking', name: '停车管理', complexity: 'general', sort: 90 },
  { code: 'policy', name: '政策咨询', complexity: 'general', sort: 100 },
  { code: 'other', name: '其他', complexity: 'general', sort: 999 },
];

export interface ServiceIntakeRuleSet {
  id: string;
  source: string;
  /** Kinds a resident may submit without name and phone (a 建议 needs no answer to a person). */
  anonymousKinds: readonly ServiceRequestKind[];
  /** The duplicate hint looks this many days back, in the same grid (or community) and category. */
  duplicateDays: number;
  /** Two descriptions are offered as the same matter at or above this bigram similarity (Dice, 0–1). */
  duplicateMinSimilarity: number;
  /** At most this many hints. */
  duplicateMax: number;
  /** A resident submits at most this many requests on H5 in any 24 hours (one phone cannot flood a community's desk). */
  residentPerDay: number;
}

export const SERVICE_INTAKE_RULES_2026: ServiceIntakeRuleSet = {
  id: 'service-intake-2026',
  source: '匿名仅限建议类：issue 10；重复提示的天数与阈值、群众每日提交上限为 Jiceng 默认值',
  anonymousKinds: ['suggestion'],
  duplicateDays: 30,
  duplicateMinSimilarity: 0.3,
  duplicateMax: 5,
  residentPerDay: 10,
};
