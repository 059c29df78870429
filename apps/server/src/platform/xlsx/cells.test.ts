import { describe, expect, it } from 'vitest';
import { cellText, excelChinaTime, excelDate, flattenCell, normalizeName, parseExcelDate, splitCell } from './cells.ts';

describe('reading Excel cells', () => {
  it.each([
    [45292, '2024-01-01'],
    ['45292', '2024-01-01'],
    [45296.75, '2024-01-05'],
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-01-05 00:00:00', '2024-01-05'],
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
    [new Date(Date.UTC(2024, 0, 4, 23, 59, 59, 800)), '2024-01-05'],
  ])('reads the date %s', (v, iso) => {
    expect(parseExcelDate(v)).toBe(iso);
  });

  it('refuses what is not a date and keeps an empty cell empty', () => {
    for (const v of ['2024-02-30', '2024-13-01', '2024', '2024年1月', '明天', -3, 0]) expect(parseExcelDate(v)).toBeUndefined();
    expect(parseExcelDate(null)).toBeNull();
    expect(parseExcelDate('  ')).toBeNull();
  });

  it('counts serial numbers from 1904 when the workbook says so', () => {
    expect(parseExcelDate(43830, true)).toBe('2024-01-01');
  });

  it('normalizes full-width characters, invisible characters and spaces; names keep Chinese brackets', () => {
    expect(cellText('　ＪＣ－００３\u200B ')).toBe('JC-003');
    expect(normalizeName(' 中共某(集团)  委员会 ')).toBe('中共某（集团） 委员会');
    expect(normalizeName('中共某（集团）委员会')).toBe('中共某（集团）委员会');
    // An 18-digit code stored as a number has lost digits (past 2^53) and will fail the check, as it should.
    expect(cellText(Number('913201021234567891'))).not.toBe('913201021234567891');
    expect(cellText(12345)).toBe('12345');
  });

  it('flattens rich text, hyperlinks, formulas and errors', () => {
    expect(flattenCell({ richText: [{ text: '中共' }, { text: '某委员会' }] })).toBe('中共某委员会');
    expect(flattenCell({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(flattenCell({ formula: 'A1', result: 45292 })).toBe(45292);
    expect(flattenCell({ error: '#N/A' })).toEqual({ error: '#N/A' });
  });

  it('splits units positionally on 、 ； ; and line breaks', () => {
    expect(splitCell('甲公司、乙公司；丙公司')).toEqual(['甲公司', '乙公司', '丙公司']);
    expect(splitCell('A、无、C、')).toEqual(['A', '', 'C']);
    expect(splitCell('甲公司\n乙公司')).toEqual(['甲公司', '乙公司']);
    expect(splitCell(null)).toEqual([]);
  });

  it('writes a date of record as a real date cell that reads back as the same day', () => {
    expect(excelDate(null)).toBeNull();
    const d = excelDate('2024-02-29')!;
    expect(d.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseExcelDate(d)).toBe('2024-02-29');
  });
});

describe('excelChinaTime', () => {
  it('holds 北京时间 wall-clock fields (Excel has no time zone), across midnight', () => {
    expect(excelChinaTime(null)).toBeNull();
    expect(excelChinaTime('2026-12-01T23:30:00Z')!.toISOString()).toBe('2026-12-02T07:30:00.000Z');
    expect(excelChinaTime('2026-06-30T16:00:00+00:00')!.toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });
});
