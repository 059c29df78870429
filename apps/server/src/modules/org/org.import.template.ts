import { formationModeLabel, IMPORT_MAX_ROWS, orgDomainLabel, orgTypeLabel } from '@jiceng/contracts';
import { JOINT_UNITS_MAX, JOINT_UNITS_MIN } from '@jiceng/rules';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { IMPORT_COLUMNS, IMPORT_SHEET, type ImportColumnKey } from './org.xlsx.ts';

export const GUIDE_SHEET = '填写说明';

const EXAMPLE: Record<ImportColumnKey, string> = {
  name: '中共某某社区第一支部委员会',
  shortName: '某某社区一支部',
  parentName: '中共某某社区委员会',
  type: orgTypeLabel.branch,
  domain: orgDomainLabel.community,
  formationMode: formationModeLabel.single,
  unitNames: '',
  creditCodes: '',
  unitCategories: '',
  approvalDocNo: '某社党〔2024〕3号',
  approvalDate: '2024-01-05',
  code: '',
};
const JOINT_EXAMPLE: Record<ImportColumnKey, string> = {
  ...EXAMPLE,
  name: '中共某某园区联合支部委员会',
  shortName: '园区联合支部',
  type: orgTypeLabel.joint_branch,
  domain: orgDomainLabel.private_enterprise,
  formationMode: formationModeLabel.joint,
  unitNames: '某某科技有限公司、某某物流有限公司',
  creditCodes: '91320102MA1XXXXXXX、91320102MA1YYYYYYY',
  unitCategories: orgDomainLabel.private_enterprise,
  approvalDocNo: '',
  approvalDate: '2023/6/1',
};

const GUIDE_LINES = [
  '组织导入填写说明（本工作表不会被导入）',
  `1. 在“${IMPORT_SHEET}”工作表中从第 2 行起每行填写一个组织，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 上级组织全称：填写系统中已有的组织全称（须在您的管理范围内），或本文件中另一行的组织全称；行的先后顺序不限。',
  `3. 组织类别、所属领域、组建方式请从下拉列表中选择：组织类别为 ${Object.values(orgTypeLabel).join('、')}。`,
  `4. 联合组建的组织须填写 ${JOINT_UNITS_MIN}–${JOINT_UNITS_MAX} 个单位：单位名称、统一社会信用代码、单位类别用“、”或“；”分隔，按顺序一一对应；没有代码的单位填“无”；单位类别只填一个时适用于全部单位，不填时取所属领域。`,
  '5. 统一社会信用代码为 18 位，系统会核对校验位；组织代码在本行政区内不能重复。',
  '6. 批准日期可填 2024-01-05、2024/1/5、2024.1.5、2024年1月5日 或 Excel 日期。',
  `7. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”（在每行末尾列出错误说明）。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];

/** The import template: the 组织导入 sheet (headers, dropdowns, text-formatted code columns) and a 填写说明 sheet with an example. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(wb, IMPORT_SHEET, IMPORT_COLUMNS);
  const labels = (l: Record<string, string>) => Object.values(l);
  addDropdown(ws, 'type', labels(orgTypeLabel), { strict: true, prompt: '请从下拉列表中选择组织类别' });
  addDropdown(ws, 'domain', labels(orgDomainLabel), { strict: true, prompt: '请从下拉列表中选择所属领域' });
  addDropdown(ws, 'formationMode', labels(formationModeLabel), {
    strict: true,
    prompt: `${formationModeLabel.joint}须填写 ${JOINT_UNITS_MIN}–${JOINT_UNITS_MAX} 个单位`,
  });
  // Several units may share one cell (非公企业、社会组织), so this list only suggests.
  addDropdown(ws, 'unitCategories', labels(orgDomainLabel), { strict: false, prompt: '多个单位用“、”分隔，按单位名称的顺序填写；只填一个时适用于全部单位' });
  addGuideSheet(wb, { name: GUIDE_SHEET, columns: IMPORT_COLUMNS, lines: GUIDE_LINES, examples: [EXAMPLE, JOINT_EXAMPLE] });
  return toBuffer(wb);
}
