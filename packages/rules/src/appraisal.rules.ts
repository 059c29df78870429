import type { MemberStatus } from '@jiceng/contracts';

/**
 * 民主评议党员 and 组织处置 of 不合格 members, as data (domain-rules §2.1).
 * Sources:
 * - [B3] 12371 民主评议党员 guidance: grades 优秀/合格/基本合格/不合格; 优秀 normally no more than one
 *   third of the members appraised.
 * - [B5] 《不合格党员组织处置办法》(2024): 不合格 → 限期改正 (normally 6 months, at most 1 year),
 *   劝其退党 or 除名.
 * - The 30-day to-do window before a 限期改正 deadline is Jiceng's reminder default, not a regulation.
 */
export interface AppraisalRuleSet {
  id: string;
  effectiveFrom: string;
  /** 优秀 may be at most numerator/denominator of the members appraised. */
  excellentShare: { numerator: number; denominator: number };
  /** Member statuses appraised: 正式 and 预备; 停止党籍 members take no part in organization life. */
  appraisedStatuses: readonly MemberStatus[];
  /** 限期改正: default and longest correction period, in months. */
  correctionDefaultMonths: number;
  correctionMaxMonths: number;
  /** A 限期改正 due within this many days (or past) is a to-do. */
  dispositionDueSoonDays: number;
}

export const APPRAISAL_RULES_2024: AppraisalRuleSet = {
  id: 'appraisal-2024',
  effectiveFrom: '2024-01-01',
  excellentShare: { numerator: 1, denominator: 3 },
  appraisedStatuses: ['full', 'probationary'],
  correctionDefaultMonths: 6,
  correctionMaxMonths: 12,
  dispositionDueSoonDays: 30,
};
