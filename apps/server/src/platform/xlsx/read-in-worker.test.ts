import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { readSheetInWorker, ROWS_PER_MESSAGE } from './read-in-worker.ts';
import { readSheet, type SheetSpec } from './sheet.ts';
import { toBuffer } from './workbook.ts';

const SPEC: SheetSpec<'name' | 'joinedOn'> = {
  columns: [
    { key: 'name', header: '姓名', required: true },
    { key: 'joinedOn', header: '入党日期' },
  ],
  sheet: '党员导入',
  noun: '党员',
};

async function file(rows: unknown[][]): Promise<{ buf: Buffer; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员导入');
  ws.addRow(['姓名', '入党日期']);
  for (const r of rows) ws.addRow(r);
  const buf = await toBuffer(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return { buf, wb: back };
}

// each case starts a worker thread that loads tsx and exceljs: seconds on a busy machine
describe('reading an import sheet in a worker thread', { timeout: 60_000 }, () => {
  it('gives the rows, header errors and date system the main-thread reader gives, over several messages', async () => {
    const rows = Array.from({ length: ROWS_PER_MESSAGE * 2 + 5 }, (_, i) => [
      i === 7 ? { richText: [{ text: '张' }, { text: '三' }] } : `党员${i}`,
      new Date(Date.UTC(2001, 6, 1 + (i % 28))),
    ]);
    const { buf, wb } = await file(rows);
    const { workbook: _wb, sheet: _ws, ...expected } = readSheet(wb, SPEC);
    const got = await readSheetInWorker(buf, '名册.xlsx', SPEC);
    expect(got).toEqual(expected);
    expect(got.rows).toHaveLength(ROWS_PER_MESSAGE * 2 + 5);
    expect(got.rows[7]!.cells.name).toBe('张三');
    expect(got.rows[0]!.cells.joinedOn).toBeInstanceOf(Date);
  });

  it("rethrows the reader's refusals as the same Chinese AppError", async () => {
    const refusal = async (data: Buffer, name: string) => {
      const e = await readSheetInWorker(data, name, SPEC).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      return `${(e as AppError).code} ${(e as AppError).message}`;
    };
    expect(await refusal(Buffer.from('不是表格'), '名册.xlsx')).toMatch(/^VALIDATION 请上传 \.xlsx 格式/);
    expect(await refusal((await file([])).buf, '名册.xlsx')).toMatch(/^VALIDATION 文件中没有数据/);
  });
});
