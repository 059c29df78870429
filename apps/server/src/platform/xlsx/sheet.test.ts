import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { readSheet, type SheetSpec } from './sheet.ts';

/** A made-up roster import: the reader knows nothing of organizations. */
const ROSTER: SheetSpec<'name' | 'gender' | 'joinedOn'> = {
  columns: [
    { key: 'name', header: '姓名', required: true },
    { key: 'gender', header: '性别', required: true },
    { key: 'joinedOn', header: '入党日期' },
  ],
  sheet: '党员导入',
  noun: '党员',
};

function book(sheets: [string, unknown[][]][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return wb;
}

const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
  return null;
};

describe('reading an import sheet', () => {
  it('matches headers by name in any order, ignoring *, spaces, (必填) and extra columns; skips blank rows', () => {
    const wb = book([['党员导入', [['备注', '性别 *', '姓名（必填）', '入 党 日 期'], ['x', '男', '张三', 45292], [], ['', null, '  ', null], ['', '女', '李四', null]]]]);
    const s = readSheet(wb, ROSTER);
    expect(s.sheet.name).toBe('党员导入');
    expect([...s.columns]).toEqual([['gender', 2], ['name', 3], ['joinedOn', 4]]);
    expect([...s.headers]).toEqual([['性别', 2], ['姓名', 3], ['入党日期', 4]]);
    expect(s.rows).toEqual([
      { row: 2, cells: { gender: '男', name: '张三', joinedOn: 45292 } },
      { row: 5, cells: { gender: '女', name: '李四', joinedOn: null } },
    ]);
    expect(s).toMatchObject({ lastColumn: 4, errorColumn: null, headerErrors: [], date1904: false });
  });

  it('reads the named sheet, else the first sheet holding the first header', () => {
    const wb = book([['说明', [['请填写']]], ['Sheet2', [['姓名', '性别'], ['张三', '男']]]]);
    expect(readSheet(wb, ROSTER).sheet.name).toBe('Sheet2');
  });

  it('reports missing required columns on row 1 and finds a re-uploaded 错误说明 column', () => {
    const s = readSheet(book([['党员导入', [['姓名', '错误说明'], ['张三', '旧的说明']]]]), ROSTER);
    expect(s.headerErrors).toEqual([{ row: 1, column: '性别', message: '缺少必填列“性别”，请使用导入模板的表头' }]);
    expect(s.errorColumn).toBe(2);
    expect(s.rows).toEqual([{ row: 2, cells: { name: '张三' } }]);
  });

  it('refuses a file without sheets, headers or data, naming the sheet and the noun', () => {
    expect(message(() => readSheet(new ExcelJS.Workbook(), ROSTER))).toBe('VALIDATION 文件中没有工作表，请使用导入模板填写');
    expect(message(() => readSheet(book([['表', [['名字'], ['张三']]]]), ROSTER))).toBe('VALIDATION 第 1 行没有找到“姓名”等表头，请下载导入模板，在“党员导入”工作表中填写');
    expect(message(() => readSheet(book([['党员导入', [['姓名', '性别'], [null, '  ']]]]), ROSTER))).toBe('VALIDATION 文件中没有数据：请从第 2 行起每行填写一个党员（第 1 行是表头）');
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} data rows`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => [`党员${i}`, '男']);
    expect(message(() => readSheet(book([['党员导入', [['姓名', '性别'], ...rows]]]), ROSTER))).toMatch(new RegExp(`文件有 ${IMPORT_MAX_ROWS + 1} 行数据，超过单次导入上限 ${IMPORT_MAX_ROWS} 行`));
  });
});
