import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '@jiceng/contracts';
import type { CellValue } from '../../platform/xlsx/cells.ts';
import { duplicateIdNumbers, resolveBranches, type ScopeOrg } from './member.import.resolve.ts';
import { parseRosterRow, type RosterDraft } from './member.import.rows.ts';
import { buildRosterTemplate } from './member.import.template.ts';
import type { ReadKey } from './member.xlsx.ts';

const TODAY = '2026-11-22';
const id = (first17: string) => first17 + idNumberCheckChar(first17);
const ZHANG = id('32010219850615001'); // male, 1985-06-15
const GOOD: Partial<Record<ReadKey, CellValue>> = {
  name: '张建国', idNumber: ZHANG, ethnicity: '汉族', education: '大学本科', occupation: '专业技术人员',
  joinedDate: '2009-07-01', status: '正式党员', branchName: '甲一社区第一党支部', categories: '在职',
};
const parse = (over: Partial<Record<ReadKey, CellValue>> = {}) => parseRosterRow({ row: 7, cells: { ...GOOD, ...over } }, false, TODAY);
const messages = (over: Partial<Record<ReadKey, CellValue>>) => parse(over).errors.map((e) => `${e.column}：${e.message}`);

describe('roster rows', () => {
  it('reads a good row into the member form\'s input, with the confirmation date a year after joining', () => {
    const { draft, errors } = parse({ categories: '在职、党务工作者、在职' });
    expect(errors).toEqual([]);
    expect(draft.input).toMatchObject({ name: '张建国', idNumber: ZHANG, status: 'full', confirmedDate: null, categories: ['employed', 'party_worker'] });
    expect(draft.checked).toEqual({ idNumber: ZHANG, birthDate: '1985-06-15', gender: 'male', confirmedDate: '2010-07-01' });
  });

  it('accepts what people type: full-width digits, a lower-case x, spaces, short forms and Excel dates', () => {
    const x = (() => {
      for (let s = 1; ; s += 2) {
        const v = id(`32010219850615${String(s).padStart(3, '0')}`);
        if (v.endsWith('X')) return v;
      }
    })();
    const fw = x.toLowerCase().replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const { draft, errors } = parse({ idNumber: ` ${fw} `, name: '张 建国', ethnicity: '回', status: '预备', joinedDate: 46023, appliedDate: '2024年3月1日', 'gender': '男', birthDate: new Date(Date.UTC(1985, 5, 15)) });
    expect(errors).toEqual([]);
    expect(draft.checked?.idNumber).toBe(x);
    expect(draft.input).toMatchObject({ name: '张建国', ethnicity: '回族', status: 'probationary', joinedDate: '2026-01-01', appliedDate: '2024-03-01' });
  });

  it('reports each bad cell under its column, and still checks the ID number when the dates are unusable', () => {
    expect(messages({ joinedDate: '去年', idNumber: ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1') })).toEqual([
      '入党日期：入党日期“去年”不是有效日期，请填写如 2024-01-05 的日期',
      '公民身份号码：公民身份号码校验位不正确，请核对',
    ]);
    expect(messages({ joinedDate: null, birthDate: '1985-06-16' })).toEqual(['入党日期：入党日期不能为空', '出生日期：出生日期与公民身份号码不一致（身份证号为 1985-06-15）']);
    expect(messages({ idNumber: Number(ZHANG.slice(0, 17)) * 10 })).toEqual(['公民身份号码：公民身份号码被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写']);
    expect(messages({ categories: '在职；志愿者', state: '停止党籍' })).toEqual([
      '人员标签：人员标签“志愿者”不正确，可填：在职、离退休、无职、流动、困难、第一书记、党务工作者（多个用“、”分隔）',
      '状态：状态为“停止党籍”的人员不能导入：导入只登记正式党员和预备党员，请删除该行',
    ]);
    expect(parse({ education: '本科' }).draft.input).toBeNull();
  });
});

describe('roster branches and duplicates', () => {
  const org = (id: string, name: string, type = 'branch', status = 'active'): ScopeOrg => ({ id, name, type, status });
  const draft = (row: number, branchName: string): RosterDraft => ({ row, branchName, input: null, checked: null });

  it('matches a branch by its full name, once per name, and explains every other case', () => {
    const scope = [org('a', '第一党支部'), org('b', '同名党支部'), org('c', '同名党支部', 'joint_branch'), org('d', '中共某社区委员会', 'committee'), org('e', '旧党支部', 'branch', 'dissolved'), org('f', '某（集团）党支部')];
    const rows = ['第一党支部', '同名党支部', '中共某社区委员会', '旧党支部', '别处党支部', '', '某（集团）党支部', '第一党支部'].map((n, i) => draft(i + 2, n));
    const { orgIds, errors } = resolveBranches(rows, scope);
    expect(orgIds).toEqual(['a', null, null, null, null, null, 'f', 'a']);
    expect(errors.map((e) => [e.row, e.message.replace(/，.*$/, '')])).toEqual([
      [3, '所在党支部“同名党支部”在您的管理范围内有 2 个同名党支部'],
      [4, '“中共某社区委员会”不是党支部：党员的组织关系应在党支部或联合党支部'],
      [5, '所在党支部“旧党支部”已撤销'],
      [6, '所在党支部“别处党支部”不存在或不在您的管理范围内'],
    ]);
  });

  it('reports an ID number repeated in the file against its first row, and one already registered', () => {
    const rows = [2, 3, 4, 5].map((r) => draft(r, 'x'));
    const refused: number[] = [];
    expect(duplicateIdNumbers(rows, ['h1', 'h2', 'h1', null], (h) => (h === 'h2' ? '已登记' : null), (i) => refused.push(i))).toEqual([
      { row: 3, column: '公民身份号码', message: '已登记' },
      { row: 4, column: '公民身份号码', message: '公民身份号码与第 2 行重复，同一人只能登记一次' },
    ]);
    expect(refused).toEqual([1]);
  });
});

describe('roster template', () => {
  it('has valid example ID numbers that the importer itself accepts', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildRosterTemplate(['甲一社区第一党支部'])) as unknown as ExcelJS.Buffer);
    const guide = wb.getWorksheet('填写说明')!;
    const headerRow = guide.getSheetValues().findIndex((r) => Array.isArray(r) && r.includes('姓名'));
    const headers = (guide.getRow(headerRow).values as unknown[]).slice(1).map((h) => String(h).replace('*', ''));
    for (const n of [headerRow + 1, headerRow + 2]) {
      const values = (guide.getRow(n).values as CellValue[]).slice(1);
      const cells = Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null]));
      const keyed: Partial<Record<ReadKey, CellValue>> = {
        name: cells['姓名'], idNumber: cells['公民身份号码'], ethnicity: cells['民族'], education: cells['学历'], occupation: cells['人员类别'], joinedDate: cells['入党日期'],
        appliedDate: cells['申请入党日期'], status: cells['党员类别'], confirmedDate: cells['转正日期'], branchName: cells['所在党支部'], categories: cells['人员标签'], phone: cells['联系电话'],
      };
      expect(parseRosterRow({ row: n, cells: keyed }, false, TODAY).errors, JSON.stringify(keyed)).toEqual([]);
    }
    expect(wb.getWorksheet('可选党支部')!.getCell('A2').value).toBe('甲一社区第一党支部');
  });
});
