import { describe, expect, it } from 'vitest';
import type { TodoSummary } from '@jiceng/contracts';
import { homeLayout, shortOrgName, statusOf, statusOptions, statusToQuery, termByChild } from './homeView.ts';

const child = { orgId: 'x', orgName: '中共孝陵街道工作委员会', counts: {} as never, byKind: [] };

describe('工作台 layout and filters', () => {
  it('gives districts and streets with children the cockpit, communities and branches the list', () => {
    for (const role of ['admin', 'department', 'street', 'supervisor']) expect(homeLayout(role, { byChild: [child] }), role).toBe('cockpit');
    expect(homeLayout('street', { byChild: [] })).toBe('list');
    for (const role of ['community', 'secretary', 'grid_worker', 'member']) expect(homeLayout(role, { byChild: [child] }), role).toBe('list');
    expect(homeLayout('admin', undefined)).toBe('list');
  });

  it('offers each nature with its own severities only: 已逾期 and 即将到期 under deadlines, 预警 and 待完善 under warnings', () => {
    expect(statusOptions.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ['限期事项', ['全部限期事项', '已逾期', '即将到期', '待办']],
      ['预警提示', ['全部预警提示', '预警', '待完善']],
    ]);
  });

  it('turns the select value into exactly one of nature and severity, and back', () => {
    expect(statusToQuery('nature:warning')).toEqual({ nature: 'warning', severity: undefined });
    expect(statusToQuery('severity:due_soon')).toEqual({ nature: undefined, severity: 'due_soon' });
    expect(statusToQuery(undefined)).toEqual({ nature: undefined, severity: undefined });
    for (const g of statusOptions) for (const o of g.options) expect(statusOf(statusToQuery(o.value))).toBe(o.value);
  });

  it('reads 换届 by child from the summary and shortens names for the axis', () => {
    const counts = { total: 6, deadline: 5, overdue: 3, dueSoon: 2, open: 0, warning: 1, alert: 0, incomplete: 1 };
    const s = { byChild: [{ ...child, byKind: [{ kind: 'term', label: '换届', counts }] }] } as unknown as TodoSummary;
    expect(termByChild(s)).toEqual([{ name: '中共孝陵街道工作委员会', ok: 0, overdue: 3, dueSoon: 2, incomplete: 1 }]);
    expect(termByChild(s, new Map([['x', 7]]))).toEqual([{ name: '中共孝陵街道工作委员会', ok: 7, overdue: 3, dueSoon: 2, incomplete: 1 }]);
    expect(shortOrgName('中共孝陵街道工作委员会')).toBe('孝陵街道');
    expect(shortOrgName('中共梅花山社区委员会')).toBe('梅花山社区');
    expect(shortOrgName('梅花山社区第一党支部')).toBe('梅花山社区第一党支部');
  });
});
