import type { MemberEvent, MemberStatus, OrgType } from '@jiceng/contracts';

/**
 * The member status lifecycle as data. Sources (domain-rules §2.1, §4, §5):
 * - 党章 Art.7 and 《发展党员工作细则》Art.33: probation is one year from the branch meeting's
 *   acceptance; it may be extended once, by at least 6 months and at most 1 year; the outcome is
 *   转正, 延长, or 取消预备党员资格.
 * - 党章 Art.7: 党龄 counts from the day of 转正 (the end of the probation year).
 * - 党员教育管理工作条例 (2019) Art.24–25 and 《不合格党员组织处置办法》(2024): 停止党籍 (e.g. lost
 *   contact ≥ 6 months, emigration) can be restored; 自行脱党, 劝其退党, 除名, 开除 end membership.
 * - 党章 Art.40: a member under 留党察看 has no right to vote, elect or be elected; 留党察看 lasts at
 *   most two years.
 */
export const PROBATION_MONTHS = 12;
export const PROBATION_EXTENSION = { minMonths: 6, maxMonths: 12, maxTimes: 1 } as const;

/** `restore` returns to the status held before suspension. */
export const MEMBER_TRANSITIONS: Record<MemberEvent, { from: readonly MemberStatus[]; to: MemberStatus | 'previous' }> = {
  confirm: { from: ['probationary'], to: 'full' },
  extend_probation: { from: ['probationary'], to: 'probationary' },
  cancel_probation: { from: ['probationary'], to: 'left' },
  suspend: { from: ['full', 'probationary'], to: 'suspended' },
  restore: { from: ['suspended'], to: 'previous' },
  leave: { from: ['full', 'probationary', 'suspended'], to: 'left' },
  discipline_start: { from: ['full'], to: 'full' },
  discipline_end: { from: ['full'], to: 'full' },
};

/** Organizations that may hold members' relations: branches (not 临时党支部, 党小组 or grids). */
export const MEMBER_HOME_ORG_TYPES: readonly OrgType[] = ['branch', 'joint_branch'];

/** 党章 Art.1: applicants must be at least 18 years old (checked against the application date, or joining when absent). */
export const ADMISSION_MIN_AGE = 18;
