import { describe, expect, it } from 'vitest';
import { addDropdown, addGuideSheet, DROPDOWN_ROWS } from './template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer } from './workbook.ts';

const COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'gender', header: '性别', width: 8 },
] as const;

type Validations = Record<string, { type: string; formulae: string[]; showErrorMessage?: boolean; prompt?: string }>;
const validationsOf = (ws: unknown) => (ws as { dataValidations: { model: Validations } }).dataValidations.model;

describe('template helpers', () => {
  it('puts a dropdown on the data rows of a column, strict or only suggesting', async () => {
    const wb = newWorkbook();
    const ws = addTableSheet(wb, '名单', COLUMNS);
    addDropdown(ws, 'gender', ['男', '女'], { strict: true, prompt: '请选择性别' });
    const model = validationsOf(ws);
    expect(Object.keys(model)).toEqual([`B2:B${DROPDOWN_ROWS + 1}`]);
    expect(Object.values(model)[0]).toMatchObject({ type: 'list', formulae: ['"男,女"'], showErrorMessage: true, prompt: '请选择性别' });
    // Excel reads the range back cell by cell.
    const back = (await loadWorkbook(await toBuffer(wb), '模板.xlsx')).getWorksheet('名单')!;
    expect(validationsOf(back).B2?.formulae).toEqual(['"男,女"']);
    expect(validationsOf(back).A2).toBeUndefined();
  });

  it('refuses a key the sheet does not have instead of writing on another column', () => {
    const ws = addTableSheet(newWorkbook(), '名单', COLUMNS);
    // exceljs reads an unknown "ID" as the column letters ID (column 238).
    expect(() => addDropdown(ws, 'ID', ['男'], { strict: false, prompt: '' })).toThrow(/no column with key "ID"/);
  });

  it('writes instructions, then the headers with example rows', () => {
    const wb = newWorkbook();
    const ws = addGuideSheet(wb, { name: '填写说明', columns: COLUMNS, lines: ['标题', '1. 每行一人'], examples: [{ name: '张三', gender: '男' }] });
    expect(ws.getCell('A1').value).toBe('标题');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('B2').isMerged).toBe(true);
    expect([ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['姓名', '性别']);
    expect([ws.getCell('A4').value, ws.getCell('B4').value]).toEqual(['张三', '男']);
    expect(ws.getCell('A4').font).toMatchObject({ italic: true });
    expect(ws.getColumn(1).width).toBe(12);
  });
});
