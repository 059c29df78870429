import { formationModeLabel, isValidCreditCode, orgTypeLabel, type OrgInput, type OrgType } from '@jiceng/contracts';
import { JOINT_UNITS_MAX, JOINT_UNITS_MIN, mayContain } from '@jiceng/rules';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Business checks of an organization's own fields and its place under `parentType`, shared by the
 * form and the import so both say the same thing in the same words.
 */
export function checkOrgFields(input: Omit<OrgInput, 'parentId'>, parentType: OrgType | null, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (parentType && !mayContain(parentType, input.type)) {
    problems.push({ field: 'parentId', message: `${orgTypeLabel[parentType]}下不能设立${orgTypeLabel[input.type]}` });
  }
  const units = input.units;
  if (input.formationMode === 'joint' && (units.length < JOINT_UNITS_MIN || units.length > JOINT_UNITS_MAX)) {
    problems.push({ field: 'units', message: `${formationModeLabel.joint}应由 ${JOINT_UNITS_MIN}–${JOINT_UNITS_MAX} 个单位组成，当前 ${units.length} 个` });
  }
  if (input.formationMode === 'single' && units.length > 1) {
    problems.push({ field: 'units', message: `${formationModeLabel.single}只能填写一个单位；多个单位请选择联合组建` });
  }
  if (input.type === 'joint_branch' && input.formationMode !== 'joint') {
    problems.push({ field: 'formationMode', message: '联合党支部的组建方式应为联合组建' });
  }
  const seen = new Set<string>();
  units.forEach((u, i) => {
    const code = u.creditCode?.trim();
    if (!code) return;
    if (!isValidCreditCode(code))
      problems.push({ field: `units.${i}.creditCode`, message: `单位「${u.name}」的统一社会信用代码「${code}」无效（应为 18 位且校验位正确）` });
    else if (seen.has(code)) problems.push({ field: `units.${i}.creditCode`, message: `统一社会信用代码「${code}」重复填写` });
    seen.add(code);
  });
  if (input.approvalDate && input.approvalDate > today) {
    problems.push({ field: 'approvalDate', message: '批准成立日期不能晚于今天' });
  }
  if (input.approvalDate && Number.isNaN(Date.parse(input.approvalDate))) {
    problems.push({ field: 'approvalDate', message: '批准成立日期不是有效日期' });
  }
  return problems;
}
