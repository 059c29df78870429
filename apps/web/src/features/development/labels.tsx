import { devStageLabel, type DevDeadlineView, type DevStage } from '@jiceng/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';

/** Preset tag colours (their text shades reach 4.5:1 with the theme's palette). */
const STAGE_COLOR: Record<DevStage, string> = {
  applicant: 'default',
  activist: 'blue',
  candidate: 'gold',
  probationary: 'volcano',
  full: 'red',
};

/** 阶段, or 已终止培养 / 已取消预备党员资格 once the path ended. */
export function StageTag({ stage, ended, stateLabel, testId }: { stage: string; ended: string | null; stateLabel?: string; testId?: string }) {
  const label = ended ? (stateLabel ?? '已终止') : (devStageLabel[stage as DevStage] ?? stateLabel ?? stage);
  return (
    <Tag color={ended ? 'default' : (STAGE_COLOR[stage as DevStage] ?? 'default')} data-testid={testId}>
      {label}
    </Tag>
  );
}

/** 已逾期 (red) or 即将到期 (orange); nothing for a limit still far away. */
export function DeadlineTag({ status }: { status: string }) {
  if (status === 'overdue') return <Tag color="error">已逾期</Tag>;
  if (status === 'due_soon') return <Tag color="warning">即将到期</Tag>;
  return null;
}

/** A limit as a cell: the date (red once passed) with its tag; what it is in a tooltip. */
export function DueCell({ due }: { due: Pick<DevDeadlineView, 'dueOn' | 'status' | 'what' | 'no' | 'label'> | null }) {
  if (!due) return <>—</>;
  return (
    <Tooltip title={`第${due.no}步「${due.label}」：${due.what}`}>
      <Space size={4} wrap>
        <Typography.Text type={due.status === 'overdue' ? 'danger' : undefined}>{due.dueOn}</Typography.Text>
        <DeadlineTag status={due.status} />
      </Space>
    </Tooltip>
  );
}
