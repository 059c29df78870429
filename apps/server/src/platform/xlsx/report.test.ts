import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importInvalid, sortRowErrors } from './rejection.ts';
import { annotateErrors } from './report.ts';
import { readSheet, type SheetSpec } from './sheet.ts';

const SPEC: SheetSpec<'name' | 'gender'> = {
  columns: [
    { key: 'name', header: '姓名', required: true },
    { key: 'gender', header: '性别' },
  ],
  sheet: '名单',
  noun: '党员',
};

function upload(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return readSheet(wb, SPEC);
}

const solid = { pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

describe('error report', () => {
  it('adds a 错误说明 column with each row\'s problems and highlights the cells they name', () => {
    const s = upload([['姓名', '性别'], ['张三', '男'], ['', '未知']]);
    annotateErrors(s, [
      { row: 3, column: '姓名', message: '姓名不能为空' },
      { row: 3, column: '性别', message: '性别“未知”不正确' },
      { row: 3, column: '', message: '整行有误' },
    ]);
    const ws = s.sheet;
    expect(ws.getCell('C1').value).toBe('错误说明');
    expect(ws.getCell('C1').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('C2').value).toBeNull();
    expect(ws.getCell('C3').value).toBe('【姓名】姓名不能为空\n【性别】性别“未知”不正确\n整行有误');
    expect(ws.getCell('A3').fill).toMatchObject(solid);
    expect(ws.getCell('B3').fill).toMatchObject(solid);
    expect(ws.getCell('A2').fill).toBeUndefined();
  });

  it('reuses the column of a re-uploaded report, clears fixed cells and puts missing columns in its header', () => {
    const first = upload([['姓名', '性别'], ['', '男']]);
    annotateErrors(first, [{ row: 2, column: '姓名', message: '姓名不能为空' }]);
    first.sheet.getCell('A2').value = '张三';
    const again = readSheet(first.workbook, SPEC);
    expect(again.errorColumn).toBe(3);
    annotateErrors(again, [{ row: 1, column: '性别', message: '缺少必填列“性别”' }]);
    expect(again.sheet.getCell('A2').fill).toMatchObject({ pattern: 'none' });
    expect(again.sheet.getCell('C2').value).toBeNull();
    expect(again.sheet.getCell('C1').value).toBe('错误说明（表头：缺少必填列“性别”）');
    expect(again.sheet.getCell('D1').value).toBeNull();
  });
});

describe('rejected import', () => {
  it('sorts problems by row, then in column order, whole-row problems last', () => {
    const errors = [
      { row: 3, column: '', message: 'c' },
      { row: 3, column: '性别', message: 'b' },
      { row: 2, column: '性别', message: 'x' },
      { row: 3, column: '姓名', message: 'a' },
    ];
    expect(sortRowErrors(errors, SPEC.columns).map((e) => `${e.row}${e.message}`)).toEqual(['2x', '3a', '3b', '3c']);
  });

  it('answers 422 IMPORT_INVALID with every problem and a count in Chinese', () => {
    const e = importInvalid([{ row: 2, column: '姓名', message: '姓名不能为空' }]);
    expect(e).toMatchObject({ code: 'IMPORT_INVALID', status: 422, message: '导入文件有 1 处错误，未导入任何数据，请修改后重新上传' });
    expect(e.details).toEqual({ errors: [{ row: 2, column: '姓名', message: '姓名不能为空' }] });
  });
});
