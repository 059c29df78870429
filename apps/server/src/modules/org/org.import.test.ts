import { describe, expect, it } from 'vitest';
import { parseRow } from './org.import.rows.ts';
import { resolvePlan, topoOrder, type ScopeOrg } from './org.import.resolve.ts';
import { cellText, flattenCell, normalizeName, parseExcelDate, splitCell } from './org.xlsx.ts';
import { creditCode } from './org.import.fixtures.ts';

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
});

describe('checking rows', () => {
  const row = (cells: Record<string, string | number | null>, n = 2) => parseRow({ row: n, cells }, false);
  const good = { name: '甲支部', parentName: '中共甲委员会', type: '党支部', domain: '社区', formationMode: '单独组建' };

  it('builds the organization of a good row', () => {
    const [a, b] = [creditCode(), creditCode()];
    const { draft, errors } = row({ ...good, type: '联合党支部', formationMode: '联合组建', unitNames: '甲、乙', creditCodes: `${a.toLowerCase()}、${b}`, unitCategories: '非公企业' });
    expect(errors).toEqual([]);
    expect(draft.input?.units).toEqual([
      { name: '甲', creditCode: a, category: 'private_enterprise' },
      { name: '乙', creditCode: b, category: 'private_enterprise' },
    ]);
  });

  it('reports each bad cell under its column', () => {
    const { draft, errors } = row({ ...good, name: '', domain: '城市', creditCodes: '123', approvalDate: '昨天' }, 7);
    expect(draft.input).toBeNull();
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [7, '组织全称'],
      [7, '所属领域'],
      [7, '批准日期'],
      [7, '单位名称'],
      [7, '统一社会信用代码'],
    ]);
  });

  it('reports unit lists that do not line up', () => {
    const { errors } = row({ ...good, unitNames: '甲、乙', creditCodes: `${creditCode()}、${creditCode()}、${creditCode()}`, unitCategories: '社区、社区、社区' });
    expect(errors.map((e) => e.column)).toEqual(['统一社会信用代码', '单位类别']);
  });
});

describe('resolving parents', () => {
  it('orders parents first and finds cycles', () => {
    const { order, cyclic } = topoOrder([{ kind: 'file', index: 1 }, { kind: 'existing', id: 'x' }, { kind: 'file', index: 3 }, { kind: 'file', index: 2 }, { kind: 'file', index: 4 }]);
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(0));
    expect(cyclic.map((c) => [...c].sort())).toEqual([[2, 3], [4]]);
  });

  it('refuses an ambiguous or dissolved parent in scope', () => {
    const org = (id: string, name: string, status = 'active'): ScopeOrg => ({ id, parent_id: null, name, type: 'committee', status, code: null, units: null });
    const drafts = ['中共重名委员会', '中共撤销委员会'].map((p, i) => parseRow({ row: i + 2, cells: { name: `支部${i}`, parentName: p, type: '党支部', domain: '社区', formationMode: '单独组建' } }, false).draft);
    const plan = resolvePlan(drafts, [org('a', '中共重名委员会'), org('b', '中共重名委员会'), org('c', '中共撤销委员会', 'dissolved')], '2026-01-01');
    expect(plan.errors.map((e) => e.message)).toEqual([expect.stringMatching(/2 个同名组织/), expect.stringMatching(/已撤销/)]);
  });
});
