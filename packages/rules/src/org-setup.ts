import type { OrgSetupLevel, OrgSetupRule, OrgType } from '@jiceng/contracts';
import { ORG_SETUP_RULES_2018, type OrgSetupRuleSet } from './org-setup.rules.ts';

/** What the checks need to know about one organization (counted by the server). */
export interface OrgSetupCounts {
  type: OrgType;
  /** Members whose relation this organization holds (not left). */
  members: number;
  /** Of those, 正式党员. */
  fullMembers: number;
  /** Members held in the whole subtree, itself included (not left). */
  subtreeMembers: number;
  /** Sitting committee members (no end date, or one still ahead). */
  committeeSeats: number;
  /**
   * The units a 联合党支部 covers, each with the number of its 正式党员 whose 工作单位 is that unit's
   * name (the approximation of "a unit with ≥ 3 full members but no branch of its own").
   */
  units: { name: string; fullMembers: number }[];
}

export interface OrgSetupFinding {
  rule: OrgSetupRule;
  level: OrgSetupLevel;
  /** The number measured. */
  value: number;
  /** The threshold it broke. */
  threshold: number;
  unitName: string | null;
}

/** Every setup rule an organization breaks. Pure: the counts come from the caller. */
export function evaluateOrgSetup(c: OrgSetupCounts, rules: OrgSetupRuleSet = ORG_SETUP_RULES_2018): OrgSetupFinding[] {
  const out: OrgSetupFinding[] = [];
  const add = (rule: OrgSetupRule, value: number, threshold: number, unitName: string | null = null) => out.push({ rule, level: rules.levels[rule], value, threshold, unitName });
  const isBranch = rules.branchTypes.includes(c.type);

  if (c.type === 'joint_branch') {
    for (const u of c.units) if (u.fullMembers >= rules.ownBranchFullMembers) add('unit_without_branch', u.fullMembers, rules.ownBranchFullMembers, u.name);
    if (c.units.length > rules.jointBranchMaxUnits) add('joint_branch_units', c.units.length, rules.jointBranchMaxUnits);
  }
  if (isBranch && c.fullMembers >= rules.committeeFullMembers && c.committeeSeats < rules.committeeMinSeats) {
    add('branch_without_committee', c.fullMembers, rules.committeeFullMembers);
  }
  if (isBranch && c.subtreeMembers > rules.branchMaxMembers) add('branch_oversize', c.subtreeMembers, rules.branchMaxMembers);
  // At 100 members the answer is a 基层党委, so the 总支 advice gives way to it.
  const committeeDue = rules.belowCommitteeTypes.includes(c.type) && c.subtreeMembers >= rules.committeeMembers;
  if (committeeDue) add('committee_due', c.subtreeMembers, rules.committeeMembers);
  else if (isBranch && c.subtreeMembers >= rules.generalBranchMembers) add('general_branch_due', c.subtreeMembers, rules.generalBranchMembers);
  if (c.type === 'temporary_branch' && c.members > 0) add('temporary_branch_members', c.members, 0);
  return out;
}
