import type { KtTaskSummary } from '@jiceng/contracts';
import { Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { LeadCell, ProgressCell, StatusTag } from './labels.tsx';

/** A deadline passed on a task still open: in red. */
const late = (t: KtTaskSummary, today: string) => t.deadline < today && t.status !== 'completed' && t.status !== 'accepted' && t.state !== 'cancelled';

/**
 * The columns of a task list: 序号, 类别, 任务, 推进目标, 完成时限, 牵头单位/责任人, 进度, 状态; `plan`
 * adds the plan's name (the list across plans).
 */
export function taskColumns(opts: { plan?: boolean } = {}): TableColumnsType<KtTaskSummary> {
  const today = dayjs().format('YYYY-MM-DD');
  return [
    { title: '序号', dataIndex: 'no', width: 64, fixed: 'left' },
    ...(opts.plan
      ? [
          {
            title: '计划',
            key: 'plan',
            width: 180,
            ellipsis: true,
            render: (_: unknown, t: KtTaskSummary) => <Link to={`/keytasks/plans/${t.planId}`}>{t.planTitle}</Link>,
          },
        ]
      : []),
    { title: '类别', dataIndex: 'category', width: 110, ellipsis: true },
    {
      title: '任务',
      dataIndex: 'title',
      width: 220,
      fixed: 'left',
      render: (title: string, t) => (
        <Link to={`/keytasks/tasks/${t.id}`} data-testid="kt-task-link">
          {title}
        </Link>
      ),
    },
    {
      title: '推进目标',
      dataIndex: 'target',
      ellipsis: { showTitle: false },
      render: (s: string) => (
        <Tooltip title={s} placement="topLeft">
          {s}
        </Tooltip>
      ),
    },
    {
      title: '完成时限',
      dataIndex: 'deadline',
      width: 110,
      render: (d: string, t) => (late(t, today) ? <Typography.Text type="danger">{d}</Typography.Text> : d),
    },
    { title: '牵头单位/责任人', key: 'lead', width: 220, render: (_: unknown, t) => <LeadCell task={t} /> },
    {
      title: '进度',
      key: 'progress',
      width: 170,
      render: (_: unknown, t) => <ProgressCell progress={t.progress} expected={t.expectedProgress} status={t.status} />,
    },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, t) => <StatusTag status={t.status} state={t.state} /> },
  ];
}
