import type { KtMilestone, KtSubtask, KtTaskDetail } from '@jiceng/contracts';
import { Card, Progress, Table, Tag, Typography } from 'antd';
import { percentText } from './form.ts';

/** 子任务 with their weights and progress (the task's progress is their weighted sum). */
export function SubtasksCard({ task: t }: { task: KtTaskDetail }) {
  const total = t.subtasks.reduce((s, x) => s + x.weight, 0);
  return (
    <Card title="子任务" size="small">
      <Table<KtSubtask>
        rowKey="id"
        size="small"
        dataSource={t.subtasks}
        pagination={false}
        locale={{ emptyText: '没有子任务，按整项任务报告进度' }}
        data-testid="kt-subtasks"
        columns={[
          { title: '子任务', dataIndex: 'title' },
          { title: '权重', dataIndex: 'weight', width: 110, render: (w: number) => `${w}（${total ? Math.round((w / total) * 1000) / 10 : 0}%）` },
          {
            title: '进度',
            dataIndex: 'progress',
            width: 160,
            render: (p: number) => <Progress percent={p} size="small" format={(v) => percentText(v ?? 0)} aria-label={`进度 ${percentText(p)}`} />,
          },
        ]}
      />
    </Card>
  );
}

/** 时间节点 by date: done on which day, or overdue (red) once the day passed undone. */
export function MilestonesCard({ task: t }: { task: KtTaskDetail }) {
  return (
    <Card title="时间节点" size="small">
      <Table<KtMilestone>
        rowKey="id"
        size="small"
        dataSource={t.milestones}
        pagination={false}
        locale={{ emptyText: '没有设置时间节点' }}
        data-testid="kt-milestones"
        columns={[
          {
            title: '日期',
            dataIndex: 'dueOn',
            width: 110,
            render: (d: string, m) => (m.overdue ? <Typography.Text type="danger">{d}</Typography.Text> : d),
          },
          { title: '节点内容', dataIndex: 'title', render: (s: string, m) => (m.overdue ? <Typography.Text type="danger">{s}</Typography.Text> : s) },
          {
            title: '情况',
            key: 'state',
            width: 150,
            render: (_: unknown, m) =>
              m.doneOn ? <Tag color="success">{m.doneOn} 完成</Tag> : m.overdue ? <Tag color="error">已逾期</Tag> : <Tag>未到期</Tag>,
          },
        ]}
      />
    </Card>
  );
}
