import type { OrgSetupLevel, OrgSetupRule, OrgType } from '@jiceng/contracts';
import { JOINT_UNITS_MAX } from './org-structure.rules.ts';

/**
 * 组织设置 thresholds, as data (domain-rules §1.1, §1.2, §1.4). 正式党员 = full members; members
 * counts leave out those who have left. Sources:
 * - [A1] 《中国共产党支部工作条例（试行）》(2018) Art.5–6 and Art.17: a unit with ≥ 3 正式党员 sets up its
 *   own branch; a 联合党支部 covers at most 5 units; a branch with ≥ 7 正式党员 has a 支部委员会 of
 *   3–5 members; a branch normally has no more than 50 members.
 * - [A4] 党章 and 《党和国家机关基层组织工作条例》/国企条例 Art.4 [A13][A14]: ≥ 50 members → 党总支;
 *   ≥ 100 → 基层党委 (fewer only with the superior's approval).
 * - [A11] 临时党支部: members keep their relations elsewhere; it does not receive relations, develop
 *   members, discipline or collect dues.
 */
export interface OrgSetupRuleSet {
  id: string;
  effectiveFrom: string;
  /** A unit with this many 正式党员 sets up its own branch. */
  ownBranchFullMembers: number;
  /** A branch with this many 正式党员 has a 支部委员会 … */
  committeeFullMembers: number;
  /** … of at least this many sitting members. */
  committeeMinSeats: number;
  /** A branch normally has no more members than this. */
  branchMaxMembers: number;
  /** This many members → 党总支. */
  generalBranchMembers: number;
  /** This many members → 基层党委. */
  committeeMembers: number;
  /** A 联合党支部 covers at most this many units. */
  jointBranchMaxUnits: number;
  /** Types the branch checks apply to (those holding members' relations). */
  branchTypes: readonly OrgType[];
  /** Types below 基层党委 level, checked against the 100-member threshold. */
  belowCommitteeTypes: readonly OrgType[];
  /** How serious each finding is. */
  levels: Record<OrgSetupRule, OrgSetupLevel>;
}

export const ORG_SETUP_RULES_2018: OrgSetupRuleSet = {
  id: 'org-setup-2018',
  effectiveFrom: '2018-10-28',
  ownBranchFullMembers: 3,
  committeeFullMembers: 7,
  committeeMinSeats: 3,
  branchMaxMembers: 50,
  generalBranchMembers: 50,
  committeeMembers: 100,
  jointBranchMaxUnits: JOINT_UNITS_MAX,
  branchTypes: ['branch', 'joint_branch'],
  belowCommitteeTypes: ['general_branch', 'branch', 'joint_branch'],
  levels: {
    unit_without_branch: 'warning',
    branch_without_committee: 'error',
    branch_oversize: 'warning',
    general_branch_due: 'warning',
    committee_due: 'warning',
    joint_branch_units: 'error',
    temporary_branch_members: 'error',
  },
};
