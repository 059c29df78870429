import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { addTableSheet, displayHeader, loadWorkbook, newWorkbook, toBuffer } from './workbook.ts';

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : null));

describe('workbooks', () => {
  it('opens an .xlsx, also when the client sent no extension', async () => {
    const wb = newWorkbook();
    wb.addWorksheet('表').addRow(['甲']);
    const buf = await toBuffer(wb);
    expect((await loadWorkbook(buf, '名单.XLSX')).getWorksheet('表')?.getCell('A1').value).toBe('甲');
    expect((await loadWorkbook(buf, 'blob')).worksheets).toHaveLength(1);
  });

  it('refuses old .xls, other files and broken zips, in Chinese, as validation errors', async () => {
    const xlsx = await toBuffer(newWorkbook());
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const zipHead = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    const cases: [Buffer, string, RegExp][] = [
      [ole, '名单.xlsx', /旧版 \.xls/],
      [xlsx, '名单.xls', /旧版 \.xls/],
      [Buffer.from('姓名,性别\n'), '名单.csv', /请上传 \.xlsx/],
      [xlsx, '名单.zip', /请上传 \.xlsx/],
      [zipHead, '名单.xlsx', /无法读取该文件/],
    ];
    for (const [buf, name, message] of cases) {
      const e = await refusal(loadWorkbook(buf, name));
      expect(e?.code, name).toBe('VALIDATION');
      expect(e?.message).toMatch(message);
    }
  });

  it('adds a table sheet with a bold, filled, frozen header, required headers starred in red, and column formats', () => {
    const wb = new ExcelJS.Workbook();
    const columns = [
      { key: 'name', header: '姓名', required: true, width: 12 },
      { key: 'idNo', header: '身份证号', width: 20, numFmt: '@' },
    ];
    const ws = addTableSheet(wb, '名单', columns, { filter: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, '姓名*', '身份证号']);
    expect(columns.map(displayHeader)).toEqual(['姓名*', '身份证号']);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('B1').font?.bold).toBe(true);
    expect(ws.getCell('B1').fill).toMatchObject({ pattern: 'solid' });
    expect(ws.getCell('B1').numFmt).toBe('General');
    expect(ws.getColumn('idNo').numFmt).toBe('@');
    expect(ws.getColumn('name').width).toBe(12);
    expect(ws.autoFilter).toEqual({ from: { row: 1, column: 1 }, to: { row: 1, column: 2 } });
    expect(addTableSheet(wb, '无筛选', columns).autoFilter).toBeFalsy();
  });
});
