import { describe, expect, it } from 'vitest';
import { parseRow } from './org.import.rows.ts';
import { resolvePlan, topoOrder, type ScopeOrg } from './org.import.resolve.ts';
import { creditCode } from './org.import.fixtures.ts';

describe('checking rows', () => {
  const row = (cells: Record<string, string | number | null>, n = 2) => parseRow({ row: n, cells }, false);
  const good = { name: '甲支部', parentName: '中共甲委员会', type: '党支部', domain: '社区', formationMode: '单独组建' };

  it('builds the organization of a good row', () => {
    const [a, b] = [creditCode(), creditCode()];
    const { draft, errors } = row({
      ...good,
      type: '联合党支部',
      formationMode: '联合组建',
      unitNames: '甲、乙',
      creditCodes: `${a.toLowerCase()}、${b}`,
      unitCategories: '非公企业',
    });
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
    const { errors } = row({
      ...good,
      unitNames: '甲、乙',
      creditCodes: `${creditCode()}、${creditCode()}、${creditCode()}`,
      unitCategories: '社区、社区、社区',
    });
    expect(errors.map((e) => e.column)).toEqual(['统一社会信用代码', '单位类别']);
  });
});

describe('resolving parents', () => {
  it('orders parents first and finds cycles', () => {
    const { order, cyclic } = topoOrder([
      { kind: 'file', index: 1 },
      { kind: 'existing', id: 'x' },
      { kind: 'file', index: 3 },
      { kind: 'file', index: 2 },
      { kind: 'file', index: 4 },
    ]);
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(0));
    expect(cyclic.map((c) => [...c].sort())).toEqual([[2, 3], [4]]);
  });

  it('refuses an ambiguous or dissolved parent in scope', () => {
    const org = (id: string, name: string, status = 'active'): ScopeOrg => ({ id, parent_id: null, name, type: 'committee', status, code: null, units: null });
    const drafts = ['中共重名委员会', '中共撤销委员会'].map(
      (p, i) => parseRow({ row: i + 2, cells: { name: `支部${i}`, parentName: p, type: '党支部', domain: '社区', formationMode: '单独组建' } }, false).draft,
    );
    const plan = resolvePlan(drafts, [org('a', '中共重名委员会'), org('b', '中共重名委员会'), org('c', '中共撤销委员会', 'dissolved')], '2026-01-01');
    expect(plan.errors.map((e) => e.message)).toEqual([expect.stringMatching(/2 个同名组织/), expect.stringMatching(/已撤销/)]);
  });
});
