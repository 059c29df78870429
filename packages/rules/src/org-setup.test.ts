import { describe, expect, it } from 'vitest';
import { evaluateOrgSetup, type OrgSetupCounts } from './org-setup.ts';

const base: OrgSetupCounts = { type: 'branch', members: 0, fullMembers: 0, subtreeMembers: 0, committeeSeats: 0, units: [] };
const rulesOf = (c: Partial<OrgSetupCounts>) => evaluateOrgSetup({ ...base, ...c }).map((f) => f.rule);

describe('rule org-setup-2018: unit_without_branch', () => {
  it('flags a unit of a 联合党支部 with 3 full members working there', () => {
    const f = evaluateOrgSetup({ ...base, type: 'joint_branch', units: [{ name: '甲公司', fullMembers: 3 }, { name: '乙公司', fullMembers: 2 }] });
    expect(f).toEqual([{ rule: 'unit_without_branch', level: 'warning', value: 3, threshold: 3, unitName: '甲公司' }]);
  });
  it('ignores units of ordinary branches and units with 2', () => {
    expect(rulesOf({ type: 'branch', units: [{ name: '甲公司', fullMembers: 5 }] })).toEqual([]);
    expect(rulesOf({ type: 'joint_branch', units: [{ name: '甲公司', fullMembers: 2 }] })).toEqual([]);
  });
});

describe('rule org-setup-2018: branch_without_committee', () => {
  it('flags 7 full members with fewer than 3 sitting committee members', () => {
    expect(rulesOf({ fullMembers: 7, members: 7, subtreeMembers: 7, committeeSeats: 2 })).toEqual(['branch_without_committee']);
  });
  it('is satisfied by 3 committee members, and not required below 7', () => {
    expect(rulesOf({ fullMembers: 8, members: 8, subtreeMembers: 8, committeeSeats: 3 })).toEqual([]);
    expect(rulesOf({ fullMembers: 6, members: 9, subtreeMembers: 9, committeeSeats: 0 })).toEqual([]);
  });
});

describe('rule org-setup-2018: branch_oversize and general_branch_due', () => {
  it('advises a 总支 at 50 members and flags more than 50', () => {
    expect(rulesOf({ members: 50, subtreeMembers: 50, committeeSeats: 3 })).toEqual(['general_branch_due']);
    expect(rulesOf({ members: 51, subtreeMembers: 51, committeeSeats: 3 })).toEqual(['branch_oversize', 'general_branch_due']);
    expect(rulesOf({ members: 49, subtreeMembers: 49, committeeSeats: 3 })).toEqual([]);
  });
  it('leaves a 党总支 alone at 50', () => {
    expect(rulesOf({ type: 'general_branch', subtreeMembers: 60 })).toEqual([]);
  });
});

describe('rule org-setup-2018: committee_due', () => {
  it('advises a 基层党委 for a 总支 or branch with 100 members in its subtree', () => {
    expect(rulesOf({ type: 'general_branch', subtreeMembers: 100 })).toEqual(['committee_due']);
    expect(rulesOf({ type: 'branch', members: 120, subtreeMembers: 120, committeeSeats: 5 })).toEqual(['branch_oversize', 'committee_due']);
  });
  it('leaves 党委 and 党工委 alone', () => {
    expect(rulesOf({ type: 'committee', subtreeMembers: 500 })).toEqual([]);
    expect(rulesOf({ type: 'working_committee', subtreeMembers: 500 })).toEqual([]);
  });
});

describe('rule org-setup-2018: joint_branch_units', () => {
  it('flags a 联合党支部 covering more than 5 units', () => {
    const units = Array.from({ length: 6 }, (_, i) => ({ name: `单位${i}`, fullMembers: 0 }));
    expect(evaluateOrgSetup({ ...base, type: 'joint_branch', units })).toEqual([{ rule: 'joint_branch_units', level: 'error', value: 6, threshold: 5, unitName: null }]);
    expect(rulesOf({ type: 'joint_branch', units: units.slice(0, 5) })).toEqual([]);
  });
});

describe('rule org-setup-2018: temporary_branch_members', () => {
  it('flags a 临时党支部 holding any member relation', () => {
    expect(rulesOf({ type: 'temporary_branch', members: 1, subtreeMembers: 1 })).toEqual(['temporary_branch_members']);
    expect(rulesOf({ type: 'temporary_branch' })).toEqual([]);
  });
});
