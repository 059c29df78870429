import { educationLabel, ETHNICITIES, IMPORT_MAX_ROWS, MEMBER_LABEL_SEPARATOR, memberCategoryLabel, memberStatusLabel, occupationLabel } from '@jiceng/contracts';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { IMPORT_COLUMNS, ROSTER_SHEET, type ImportColumnKey } from './member.xlsx.ts';

export const GUIDE_SHEET = '填写说明';
/** A sheet listing the full names of the branches the downloading account may import into. */
export const BRANCH_SHEET = '可选党支部';

const EXAMPLE: Record<ImportColumnKey, string> = {
  name: '张建国',
  idNumber: '11010519491231002X',
  ethnicity: '汉族',
  education: educationLabel.bachelor,
  occupation: occupationLabel.professional,
  workUnit: '某某科技有限公司',
  position: '工程师',
  phone: '13912345678',
  address: '某某市某某区某某街道某某路 1 号',
  appliedDate: '2008-03-01',
  joinedDate: '2009/7/1',
  status: memberStatusLabel.full,
  confirmedDate: '2010年7月1日',
  branchName: '中共某某社区第一支部委员会',
  categories: [memberCategoryLabel.employed, memberCategoryLabel.party_worker].join(MEMBER_LABEL_SEPARATOR),
};
const PROBATIONARY_EXAMPLE: Record<ImportColumnKey, string> = {
  ...EXAMPLE,
  name: '李秀英',
  idNumber: '110105200001010024',
  education: educationLabel.master,
  occupation: occupationLabel.student,
  workUnit: '某某大学',
  position: '',
  appliedDate: '2023-09-01',
  joinedDate: '2025-06-20',
  status: memberStatusLabel.probationary,
  confirmedDate: '',
  categories: '',
};

const labels = (l: Record<string, string>) => Object.values(l);

const GUIDE_LINES = [
  '党员名册填写说明（本工作表不会被导入）',
  `1. 在“${ROSTER_SHEET}”工作表中从第 2 行起每行填写一名党员，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 公民身份号码：18 位，系统会核对校验位；末位 X 大小写均可，全角数字也可识别。性别和出生日期由身份证号得出，无需填写。请保持该列为“文本”格式，否则 Excel 会丢失后几位。',
  `3. 所在党支部：填写党支部（或联合党支部）的全称，须在您的管理范围内；可在“${BRANCH_SHEET}”工作表中复制。`,
  `4. 民族、学历、人员类别、党员类别请从下拉列表中选择；党员类别为“${memberStatusLabel.full}”或“${memberStatusLabel.probationary}”（也可填“正式”“预备”）。`,
  `5. 人员标签可填多个，用“${MEMBER_LABEL_SEPARATOR}”分隔，可选：${labels(memberCategoryLabel).join(MEMBER_LABEL_SEPARATOR)}。`,
  '6. 日期可填 2024-01-05、2024/1/5、2024.1.5、2024年1月5日 或 Excel 日期；正式党员的转正日期不填时按入党满一年计算，预备党员不填转正日期。',
  `7. 导入时逐行检查，有任何错误则整个文件都不导入；页面会列出每处错误，也可下载“错误报告”（在每行末尾写明问题）。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];

/**
 * The import template: the 党员名册 sheet (headers, dropdowns, text-formatted ID and phone columns),
 * a 填写说明 sheet with examples, and the names of the branches in the account's scope.
 */
export async function buildRosterTemplate(branchNames: readonly string[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(wb, ROSTER_SHEET, IMPORT_COLUMNS);
  addDropdown(ws, 'ethnicity', ETHNICITIES, { strict: true, prompt: '请从下拉列表中选择民族' });
  addDropdown(ws, 'education', labels(educationLabel), { strict: true, prompt: '请从下拉列表中选择学历' });
  addDropdown(ws, 'occupation', labels(occupationLabel), { strict: true, prompt: '请从下拉列表中选择人员类别' });
  addDropdown(ws, 'status', [memberStatusLabel.full, memberStatusLabel.probationary], { strict: true, prompt: '正式党员须填写或按入党满一年计算转正日期' });
  // Several labels may share one cell, so this list only suggests.
  addDropdown(ws, 'categories', labels(memberCategoryLabel), { strict: false, prompt: `可填多个，用“${MEMBER_LABEL_SEPARATOR}”分隔` });
  addGuideSheet(wb, { name: GUIDE_SHEET, columns: IMPORT_COLUMNS, lines: GUIDE_LINES, examples: [EXAMPLE, PROBATIONARY_EXAMPLE] });
  const branches = addTableSheet(wb, BRANCH_SHEET, [{ key: 'name', header: '党支部全称', width: 48 }]);
  for (const name of branchNames) branches.addRow({ name });
  return toBuffer(wb);
}
