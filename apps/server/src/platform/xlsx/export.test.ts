import ExcelJS from 'exceljs';
import { PAGE_SIZE_MAX } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { allPages, exportFileName, exportWorkbook } from './export.ts';

describe('list exports', () => {
  it('names files <what>_<whose>_<date>.xlsx without characters Windows refuses', () => {
    expect(exportFileName('党员名册', '中共甲街道工作委员会', '2026-05-01')).toBe('党员名册_中共甲街道工作委员会_2026-05-01.xlsx');
    expect(exportFileName('转接记录', 'A/B:支部*?', '2026-05-01')).toBe('转接记录_AB支部_2026-05-01.xlsx');
  });

  it('reads every page of a list until a short one', async () => {
    const asked: number[] = [];
    const total = PAGE_SIZE_MAX * 2 + 3;
    const list = async (page: number, size: number) => {
      asked.push(page);
      const from = (page - 1) * size;
      return { items: Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i) };
    };
    const got: number[] = [];
    for await (const n of allPages(list)) got.push(n);
    expect(got).toHaveLength(total);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('writes a sheet with the Chinese headers and a row per item', async () => {
    const buf = await exportWorkbook('名单', [{ key: 'name', header: '姓名', value: (r: { n: string }) => r.n }], [{ n: '甲' }, { n: '乙' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('名单')!;
    expect(ws.getRow(1).values).toEqual([undefined, '姓名']);
    expect([ws.getCell('A2').value, ws.getCell('A3').value]).toEqual(['甲', '乙']);
  });
});
