import { describe, expect, it } from 'vitest';
import {
  addTodoCount,
  emptyTodoCounts,
  TODO_KINDS,
  TODO_SEVERITIES,
  TODO_SOURCES,
  todoKindLabel,
  todoSeveritiesOf,
  todoSeverityColor,
  todoSeverityLabel,
  todoSeverityNature,
  todoSourceKind,
} from './todo.ts';

describe('待办 nature and tags', () => {
  it('splits the severities into deadlines and warnings, in the list order', () => {
    expect(todoSeveritiesOf('deadline')).toEqual(['overdue', 'due_soon', 'open']);
    expect(todoSeveritiesOf('warning')).toEqual(['alert', 'incomplete']);
    expect([...todoSeveritiesOf('deadline'), ...todoSeveritiesOf('warning')]).toEqual([...TODO_SEVERITIES]);
  });

  it('tags deadlines 已逾期 / 即将到期 / 待办 and warnings 预警 / 待完善; only deadlines are red or orange', () => {
    expect(TODO_SEVERITIES.map((s) => todoSeverityLabel[s])).toEqual(['已逾期', '即将到期', '待办', '预警', '待完善']);
    for (const s of todoSeveritiesOf('warning')) {
      expect(['red', 'orange', 'volcano']).not.toContain(todoSeverityColor[s]);
      expect(todoSeverityLabel[s]).not.toMatch(/逾期|到期/);
    }
    expect(todoSeverityColor.overdue).toBe('red');
    expect(todoSeverityColor.due_soon).toBe('orange');
  });

  it('counts each to-do once in its field, once in its nature, once in the total', () => {
    const c = emptyTodoCounts();
    addTodoCount(c, 'overdue', 3);
    addTodoCount(c, 'due_soon', 2);
    addTodoCount(c, 'alert', 95);
    addTodoCount(c, 'incomplete', 39);
    expect(c).toEqual({ total: 139, deadline: 5, overdue: 3, dueSoon: 2, open: 0, warning: 134, alert: 95, incomplete: 39 });
    // 95 setup warnings and 39 missing terms are never 已逾期 nor 即将到期
    expect(c.overdue + c.dueSoon).toBe(5);
    for (const s of TODO_SEVERITIES) expect(addTodoCount(emptyTodoCounts(), s, 1)[todoSeverityNature[s]]).toBe(1);
  });

  it('puts every source under a kind with a Chinese name', () => {
    for (const s of TODO_SOURCES) expect(TODO_KINDS).toContain(todoSourceKind[s]);
    expect(TODO_KINDS.map((k) => todoKindLabel[k])).toEqual([
      '换届',
      '组织设置',
      '转接',
      '流动',
      '失联',
      '帮扶',
      '评议',
      '培训',
      '三会一课',
      '微心愿',
      '群众诉求',
      '党费',
      '发展党员',
      '重点任务',
      '任务督办',
      '区域化党建',
    ]);
    expect(new Set(Object.values(todoSourceKind))).toEqual(new Set(TODO_KINDS));
  });
});
