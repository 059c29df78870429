import type { OrgType } from '@jiceng/contracts';
import type { MeetingType } from './meeting.rules.ts';

/**
 * How often each meeting must be held, per organization type: the compliance calendar's rule set
 * (domain-rules §2; keys in [] point to its §S sources). Every number is a default a locality may
 * change with a rule set of its own, effective from its date.
 */
export type ComplianceFrequency = 'month' | 'quarter' | 'year';
export const COMPLIANCE_FREQUENCIES: readonly ComplianceFrequency[] = ['month', 'quarter', 'year'];
export const complianceFrequencyLabel: Record<ComplianceFrequency, string> = { month: '每月', quarter: '每季度', year: '每年' };

export interface ComplianceRequirement {
  /** Stable id, named by the tests and shown in reports. */
  id: string;
  meetingType: MeetingType;
  every: ComplianceFrequency;
  /** At least this many in each period. */
  minCount: number;
  /** Only meetings the secretary gave count (党课 given by the 书记). */
  bySecretary?: boolean;
  /** Applies only to an organization with a committee (a branch of < 7 正式党员 has only a 书记, §1.2). */
  onlyIfCommittee?: boolean;
  /** Where the number comes from. */
  source: string;
  /** The number is local practice, not the text of a regulation. */
  practice: boolean;
  /** Not verified in a retrievable source (domain-rules marks it UNCONFIRMED). */
  unconfirmed: boolean;
}

export interface ComplianceRuleSet {
  id: string;
  effectiveFrom: string;
  requirementsByType: Partial<Record<OrgType, readonly ComplianceRequirement[]>>;
  /** A period not yet done is "due soon" in its last N days (the end day counted). Jiceng's reminder defaults. */
  dueSoonDays: Record<ComplianceFrequency, number>;
  /**
   * A period the organization existed for only in part (set up after its first day): 'exempt' unless
   * the meeting was held anyway, or 'required' like any other. Jiceng's default, not a regulation.
   */
  partialPeriod: 'exempt' | 'required';
  /** No meeting of any kind for this many days → a "silent branch" (issue 9 default, configurable). */
  silentAfterDays: number;
}

const BRANCH: readonly ComplianceRequirement[] = [
  // 支部工作条例 (2018): 党员大会 at least once a quarter.
  {
    id: 'branch-assembly-quarterly',
    meetingType: 'branch_assembly',
    every: 'quarter',
    minCount: 1,
    source: '[A3][A21] 支部党员大会每季度至少召开1次',
    practice: false,
    unconfirmed: false,
  },
  // "~monthly, ad hoc ok": once a month, more when needed; only where a committee exists.
  {
    id: 'committee-monthly',
    meetingType: 'committee_meeting',
    every: 'month',
    minCount: 1,
    onlyIfCommittee: true,
    source: '[A2] 支委会一般每月召开1次，根据需要可随时召开',
    practice: false,
    unconfirmed: false,
  },
  // The 条例 text gives no branch frequency for 党课; quarterly is practice, UNCONFIRMED.
  {
    id: 'party-lecture-quarterly',
    meetingType: 'party_lecture',
    every: 'quarter',
    minCount: 1,
    source: '[A15][B1] 条例未规定支部党课频次，每季度至少1次为地方做法（UNCONFIRMED）',
    practice: true,
    unconfirmed: true,
  },
  // domain-rules names 党委(党组)书记 (≥ 1/yr); issue 9 extends it to the branch secretary.
  {
    id: 'secretary-lecture-yearly',
    meetingType: 'party_lecture',
    every: 'year',
    minCount: 1,
    bySecretary: true,
    source: '[A15] 党委(党组)书记每年至少讲1次党课；支部书记沿用此要求系 issue 9 的默认值',
    practice: true,
    unconfirmed: true,
  },
  {
    id: 'theme-day-monthly',
    meetingType: 'theme_day',
    every: 'month',
    minCount: 1,
    source: '[A15][B2] 每月固定1天开展主题党日',
    practice: false,
    unconfirmed: false,
  },
  {
    id: 'org-life-yearly',
    meetingType: 'org_life',
    every: 'year',
    minCount: 1,
    source: '[A17] 组织生活会每年至少召开1次，一般安排在第四季度',
    practice: false,
    unconfirmed: false,
  },
  {
    id: 'appraisal-yearly',
    meetingType: 'appraisal',
    every: 'year',
    minCount: 1,
    source: '[B3] 民主评议党员每年1次，可结合组织生活会进行',
    practice: false,
    unconfirmed: false,
  },
  // The rule is ≥ 1 a year per pair; the calendar counts talks per organization, pair coverage is the talks' own check.
  {
    id: 'heart-talk-yearly',
    meetingType: 'heart_talk',
    every: 'year',
    minCount: 1,
    source: '[A16] 谈心谈话每年至少1次（支委之间、支委与党员、党员之间）',
    practice: false,
    unconfirmed: false,
  },
];

/**
 * The meeting states that count as held for the calendar: once its record is submitted (提交) —
 * also while the supervisor has returned it for corrections, the meeting took place — and after
 * review and archiving. Planned, noticed, held without a record yet, and cancelled meetings do not
 * count. Jiceng's default (no regulation says when a meeting "counts"); a stricter locality may
 * count only reviewed records.
 */
export const COMPLIANCE_COUNTED_STATES: readonly string[] = ['submitted', 'returned', 'reviewed', 'archived'];

/** A meeting in these states shows the organization active (a silent branch has none for silentAfterDays): held, with or without its record. */
export const COMPLIANCE_ACTIVE_STATES: readonly string[] = ['held', 'recorded', ...COMPLIANCE_COUNTED_STATES];

/** Sitting committee members from which a branch "has a committee" (支委会 applies): [A2] 支部委员会由3至5人组成. */
export const COMPLIANCE_COMMITTEE_MIN_SEATS = 3;

export const COMPLIANCE_RULES_2018: ComplianceRuleSet = {
  id: 'compliance-2018',
  effectiveFrom: '2018-10-28',
  requirementsByType: {
    branch: BRANCH,
    joint_branch: BRANCH,
    group: [
      {
        id: 'group-meeting-monthly',
        meetingType: 'group_meeting',
        every: 'month',
        minCount: 1,
        source: '[A2] 党小组会一般每月召开1次，由组长召集',
        practice: false,
        unconfirmed: false,
      },
    ],
    committee: [
      {
        id: 'committee-secretary-lecture-yearly',
        meetingType: 'party_lecture',
        every: 'year',
        minCount: 1,
        bySecretary: true,
        source: '[A15] 党委(党组)书记每年至少讲1次党课',
        practice: false,
        unconfirmed: false,
      },
    ],
    working_committee: [
      {
        id: 'committee-secretary-lecture-yearly',
        meetingType: 'party_lecture',
        every: 'year',
        minCount: 1,
        bySecretary: true,
        source: '[A15] 党委(党组)书记每年至少讲1次党课',
        practice: false,
        unconfirmed: false,
      },
    ],
  },
  dueSoonDays: { month: 7, quarter: 15, year: 30 },
  partialPeriod: 'exempt',
  silentAfterDays: 30,
};
