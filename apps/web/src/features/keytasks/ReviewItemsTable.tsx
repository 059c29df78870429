import type { KtReviewDetail, KtReviewItem } from '@jiceng/contracts';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { behindText, orderReviewItems, percentText } from './form.ts';
import { decisionText, LagReasons, StatusTag } from './labels.tsx';

/** A lagging row's tint (antd's error background, the text on it keeps its contrast). */
const LAGGING_ROW = { background: '#fff2f0' };

/**
 * The tasks a 调度会 reviews, as they stood when it was assembled: those needing a decision first
 * (marked), the other lagging ones next (every lagging row tinted; no fixed columns, which would not take the tint), then the rest by 序号 — each with its progress
 * against what the time asks for, why it lags, overdue nodes and risks, and the decision taken.
 * While the meeting is 准备中 its owner records a decision per task.
 */
export function ReviewItemsTable({ review: r }: { review: KtReviewDetail }) {
  const [editing, setEditing] = useState<KtReviewItem | null>(null);
  const editable = r.owner && r.state === 'draft';
  const items = orderReviewItems(r.items);
  return (
    <>
      <ScrollRegion label="调度任务">
        <Table<KtReviewItem>
          rowKey="taskId"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 1280 }}
          onRow={(i) => ({ style: i.status === 'lagging' ? LAGGING_ROW : undefined, 'data-testid': `kt-review-item-${i.no}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: '计划内没有需要调度的任务' }}
          data-testid="kt-review-items"
          columns={[
            { title: '序号', dataIndex: 'no', width: 60 },
            {
              title: '任务',
              key: 'title',
              width: 220,
              render: (_: unknown, i) => (
                <Space direction="vertical" size={2}>
                  <Link to={`/keytasks/tasks/${i.taskId}`}>{i.title}</Link>
                  {i.needsDecision && <Tag color="error">需决定</Tag>}
                </Space>
              ),
            },
            { title: '牵头单位', dataIndex: 'leadName', width: 160, render: (s: string | null) => s ?? '待认领' },
            { title: '完成时限', dataIndex: 'deadline', width: 104 },
            {
              title: '进度/应达',
              key: 'p',
              width: 140,
              render: (_: unknown, i) => (
                <>
                  {percentText(i.progress)} / {percentText(i.expectedProgress)}
                  {behindText(i.progress, i.expectedProgress) && (
                    <div>
                      <Typography.Text type="danger">{behindText(i.progress, i.expectedProgress)}</Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            { title: '状态', key: 's', width: 84, render: (_: unknown, i) => <StatusTag status={i.status} /> },
            {
              title: '滞后原因、逾期节点与风险',
              key: 'why',
              render: (_: unknown, i) => (
                <>
                  <LagReasons reasons={i.lagReasons} />
                  {i.overdueMilestones.length > 0 && <Typography.Text type="danger">逾期节点：{i.overdueMilestones.join('、')}</Typography.Text>}
                  {i.risks && <div>风险：{i.risks}</div>}
                  {!i.lagReasons.length && !i.overdueMilestones.length && !i.risks && '—'}
                </>
              ),
            },
            {
              title: '决定',
              key: 'decision',
              width: 240,
              render: (_: unknown, i) =>
                i.decision ? (
                  <>
                    <Tag color="processing">{decisionText(i.decision.kind)}</Tag>
                    {i.decision.newDeadline && <span>新时限 {i.decision.newDeadline}</span>}
                    <div style={{ whiteSpace: 'pre-wrap' }}>{i.decision.text}</div>
                    {i.decision.doneOn && <Tag color="success">{i.decision.doneOn} 已落实</Tag>}
                  </>
                ) : (
                  <Typography.Text type={i.needsDecision ? 'danger' : 'secondary'}>{i.needsDecision ? '待决定' : '—'}</Typography.Text>
                ),
            },
            ...(editable
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    width: 90,
                    render: (_: unknown, i: KtReviewItem) => (
                      <Button
                        size="small"
                        type={i.needsDecision && !i.decision ? 'primary' : 'default'}
                        onClick={() => setEditing(i)}
                        aria-label={`决定：${i.title}`}
                      >
                        {i.decision ? '修改' : '决定'}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ScrollRegion>
      {editing && <DecisionModal reviewId={r.id} item={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
