import { describe, expect, it } from 'vitest';
import { dayMs, ganttModel, MILESTONE_HEX, STATUS_HEX } from './gantt.ts';

describe('the timeline of the 看板', () => {
  it('a bar per task by 序号 coloured by status, milestones done, overdue or ahead, the axis around them and today', () => {
    const m = ganttModel(
      [
        {
          taskId: 'b',
          no: 2,
          title: '一个很长很长很长很长很长很长的任务名称',
          start: '2026-03-01',
          deadline: '2026-09-30',
          progress: 10,
          status: 'lagging',
          milestones: [
            { title: '开工', dueOn: '2026-04-01', doneOn: null },
            { title: '完工', dueOn: '2026-09-01', doneOn: null },
          ],
        },
        {
          taskId: 'a',
          no: 1,
          title: '加装电梯',
          start: '2026-02-01',
          deadline: '2026-12-31',
          progress: 50,
          status: 'in_progress',
          milestones: [{ title: '征求意见', dueOn: '2026-03-01', doneOn: '2026-02-20' }],
        },
        { taskId: 'c', no: 3, title: '草稿', start: '2026-02-01', deadline: '2026-06-30', progress: 0, status: null, milestones: [] },
      ],
      '2026-05-06',
    );
    expect(m.labels[0]).toBe('1 加装电梯');
    expect(m.labels[1]!.endsWith('…')).toBe(true);
    expect(m.bars.map((b) => b.itemStyle.color)).toEqual([STATUS_HEX.in_progress, STATUS_HEX.lagging, '#bfbfbf']);
    expect(m.bars[0]!.value).toEqual([0, dayMs('2026-02-01'), dayMs('2026-12-31'), 50]);
    expect(m.milestones.map((x) => [x.name, x.state, x.value[1]])).toEqual([
      ['征求意见', 'done', 0],
      ['开工', 'overdue', 1],
      ['完工', 'ahead', 1],
    ]);
    expect(m.milestones[1]!.itemStyle.color).toBe(MILESTONE_HEX.overdue);
    expect(m.min).toBeLessThan(dayMs('2026-02-01'));
    expect(m.max).toBeGreaterThan(dayMs('2026-12-31'));
    expect(m.today).toBe(dayMs('2026-05-06'));
    expect(m.summary).toContain('2. 一个很长很长很长很长很长很长的任务名称：2026-03-01 至 2026-09-30，滞后，进度 10%');
  });
});
