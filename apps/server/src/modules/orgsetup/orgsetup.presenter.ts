import type { OrgSetupRule, OrgSetupWarning } from '@jiceng/contracts';
import type { OrgSetupFinding, OrgSetupRuleSet } from '@jiceng/rules';
import type { OrgCountRow } from './orgsetup.repository.ts';

type Say = (f: OrgSetupFinding, o: OrgCountRow, rules: OrgSetupRuleSet) => string;

/** What each finding means and what to do about it. */
const MESSAGES: Record<OrgSetupRule, Say> = {
  unit_without_branch: (f) => `单位「${f.unitName}」有 ${f.value} 名正式党员（工作单位相符）在本联合党支部，已达 ${f.threshold} 名，应单独建立党支部`,
  branch_without_committee: (f, o, r) => `有正式党员 ${f.value} 名（${f.threshold} 名以上应设支部委员会），现任支委 ${o.committee_seats} 名，不足 ${r.committeeMinSeats} 名，请选举产生支部委员会并录入班子成员`,
  branch_oversize: (f) => `有党员 ${f.value} 名，党支部党员一般不超过 ${f.threshold} 名，请考虑分设党支部或成立党总支`,
  general_branch_due: (f) => `有党员 ${f.value} 名，已达 ${f.threshold} 名，请按程序报批成立党总支`,
  committee_due: (f) => `所属党员共 ${f.value} 名，已达 ${f.threshold} 名，请按程序报批成立基层党委`,
  joint_branch_units: (f) => `覆盖 ${f.value} 个单位，联合党支部覆盖单位不超过 ${f.threshold} 个，请调整组建方式或分设党支部`,
  temporary_branch_members: (f) => `临时党支部不接收党员组织关系，现有 ${f.value} 名党员的组织关系在本支部，请转回其所在党支部`,
};

export function presentWarning(f: OrgSetupFinding, o: OrgCountRow, rules: OrgSetupRuleSet): OrgSetupWarning {
  return {
    key: [f.rule, o.id, ...(f.unitName ? [f.unitName] : [])].join(':'),
    rule: f.rule,
    level: f.level,
    orgId: o.id,
    orgName: o.name,
    orgType: o.type,
    parentName: o.parent_name,
    message: MESSAGES[f.rule](f, o, rules),
    value: f.value,
    threshold: f.threshold,
    unitName: f.unitName,
  };
}
