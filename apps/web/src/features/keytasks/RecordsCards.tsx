import { KT_REASON_MAX, type KtAccountability, type KtChange, type KtTaskDetail } from '@jiceng/contracts';
import { Button, Card, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { showSuccess } from '../../shared/feedback.ts';
import { acceptanceFileUrl, useDecisionDone, useUploadAcceptanceFile } from './api.ts';
import { KtFiles } from './KtFiles.tsx';
import { accountabilityText, decisionText, taskStateText } from './labels.tsx';
import { TextModal } from './TextModal.tsx';

type Decision = KtTaskDetail['decisions'][number];
const at = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm');

/** 调度会决定 about the task: what was decided and by when; its lead marks each carried out with a note. */
export function DecisionsCard({ task: t }: { task: KtTaskDetail }) {
  const done = useDecisionDone(t.id);
  const [marking, setMarking] = useState<Decision | null>(null);
  return (
    <Card title="调度会决定" size="small">
      <List<Decision>
        dataSource={t.decisions}
        locale={{ emptyText: '调度会尚未对该任务作出决定' }}
        data-testid="kt-decisions"
        renderItem={(d) => (
          <List.Item
            key={d.reviewId}
            actions={
              !d.doneOn && t.can.report
                ? [
                    <Button key="done" size="small" onClick={() => setMarking(d)} aria-label={`标记落实：${d.reviewTitle}`}>
                      标记落实
                    </Button>,
                  ]
                : undefined
            }
          >
            <div>
              <Space wrap size={8}>
                <Link to={`/keytasks/reviews/${d.reviewId}`}>{d.reviewTitle}</Link>
                <Typography.Text type="secondary">{d.heldOn}</Typography.Text>
                <Tag color="processing">{decisionText(d.kind)}</Tag>
                {d.doneOn ? (
                  <Tag color="success">{d.doneOn} 已落实</Tag>
                ) : (
                  d.dueOn && <Tag color={d.dueOn < dayjs().format('YYYY-MM-DD') ? 'error' : 'warning'}>{d.dueOn} 前落实</Tag>
                )}
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }}>{d.text}</div>
              {d.doneNote && <Typography.Text type="secondary">落实情况：{d.doneNote}</Typography.Text>}
            </div>
          </List.Item>
        )}
      />
      {marking && (
        <TextModal
          title={`落实调度会决定：${marking.reviewTitle}`}
          label="落实情况"
          field="note"
          okText="标记落实"
          max={KT_REASON_MAX}
          busy={done.isPending}
          run={(note) => done.mutateAsync({ reviewId: marking.reviewId, note }).then(() => showSuccess('已标记落实'))}
          onClose={() => setMarking(null)}
        />
      )}
    </Card>
  );
}

/** 调整记录: each change of target or deadline, before and after, with the decision that made it. */
export function ChangesCard({ task: t }: { task: KtTaskDetail }) {
  return (
    <Card title="调整记录" size="small">
      <Table<KtChange>
        rowKey={(c) => `${c.field}-${c.at}`}
        size="small"
        dataSource={t.changes}
        pagination={false}
        locale={{ emptyText: '推进目标和完成时限未调整过' }}
        data-testid="kt-changes"
        columns={[
          { title: '调整项', dataIndex: 'field', width: 90, render: (f: string) => (f === 'target' ? '推进目标' : '完成时限') },
          { title: '调整前', dataIndex: 'before' },
          { title: '调整后', dataIndex: 'after' },
          {
            title: '依据',
            dataIndex: 'decision',
            render: (s: string, c) => (c.reviewId ? <Link to={`/keytasks/reviews/${c.reviewId}`}>{s}</Link> : s),
          },
          { title: '时间', dataIndex: 'at', width: 150, render: (s: string, c) => `${at(s)}${c.decidedBy ? ` ${c.decidedBy}` : ''}` },
        ]}
      />
    </Card>
  );
}

/** 验收 (each try, passed or returned, with its 验收材料: the plan's committee adds them) and the accountability record. */
export function AcceptanceCard({ task: t }: { task: KtTaskDetail }) {
  const upload = useUploadAcceptanceFile(t.id);
  return (
    <Card title="验收与问责" size="small">
      <List
        dataSource={t.acceptances}
        locale={{ emptyText: '尚未验收' }}
        data-testid="kt-acceptances"
        renderItem={(a) => (
          <List.Item key={a.id}>
            <div>
              <Space wrap size={8}>
                <Tag color={a.passed ? 'success' : 'error'}>{a.passed ? '验收通过' : '验收未通过'}</Tag>
                <Typography.Text strong>{a.score} 分</Typography.Text>
                <Typography.Text type="secondary">
                  {a.acceptedOn} {a.acceptedBy ?? ''}
                </Typography.Text>
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }}>{a.opinion}</div>
              {(a.files.length > 0 || t.can.acceptanceFiles) && (
                <KtFiles
                  files={a.files}
                  href={(fileId) => acceptanceFileUrl(t.id, a.id, fileId)}
                  upload={(file) => upload.mutateAsync({ acceptanceId: a.id, file })}
                  editable={t.can.acceptanceFiles}
                  uploadLabel={`为${a.acceptedOn}的验收上传验收材料`}
                  testId="kt-acceptance-files"
                />
              )}
            </div>
          </List.Item>
        )}
      />
      {t.accountability.length > 0 && (
        <Table<KtAccountability>
          rowKey="id"
          size="small"
          style={{ marginTop: 8 }}
          dataSource={t.accountability}
          pagination={false}
          data-testid="kt-accountability"
          columns={[
            { title: '处理方式', dataIndex: 'level', width: 90, render: (l: string) => <Tag color="warning">{accountabilityText(l)}</Tag> },
            { title: '对象', dataIndex: 'subject', width: 160 },
            { title: '事由', dataIndex: 'reason' },
            { title: '决定', key: 'by', width: 200, render: (_: unknown, a) => `${a.decidedBy} ${a.decidedOn}` },
          ]}
        />
      )}
    </Card>
  );
}

/** 流转记录: each step of the task's workflow, from which state to which, by whom, and why. */
export function HistoryCard({ task: t }: { task: KtTaskDetail }) {
  return (
    <Card title="流转记录" size="small">
      {t.history.length === 0 ? (
        <Typography.Text type="secondary">暂无流转记录</Typography.Text>
      ) : (
        <Timeline
          data-testid="kt-history"
          items={t.history.map((e) => ({
            key: `${e.at}-${e.action}`,
            children: (
              <>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                {e.from !== e.to && `（${taskStateText(e.from)} → ${taskStateText(e.to)}）`} {e.actorName ?? '系统'} {at(e.at)}
                {e.reason && <div>{e.reason}</div>}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
