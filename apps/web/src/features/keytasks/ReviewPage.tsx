import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { messageOf } from '../../api/errors.ts';
import { showError } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { downloadReviewFile, REVIEW_FILES, useReview, type ReviewFile } from './api.ts';
import { HoldModal } from './HoldModal.tsx';
import { ReviewStateTag } from './labels.tsx';
import { ReviewItemsTable } from './ReviewItemsTable.tsx';

/**
 * One 调度会: when and where, its state, the tasks it reviews with a decision per task, 召开 (参会人员,
 * 会议纪要) for its owner while 准备中, and its papers — 情况通报 (.docx, .xlsx) and 会议纪要 (.docx).
 */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const query = useReview(id);
  const [holding, setHolding] = useState(false);
  const [busy, setBusy] = useState<ReviewFile | null>(null);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该调度会" error={query.error} back="/keytasks" backLabel="返回重点任务计划" />;
  const r = query.data;
  const get = (file: ReviewFile) => {
    setBusy(file);
    downloadReviewFile(r.id, file)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(null));
  };
  const files = REVIEW_FILES.filter((f) => f.key !== 'minutes.docx' || r.state === 'held');

  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Breadcrumb
        items={[
          { title: <Link to="/keytasks">重点任务计划</Link> },
          { title: <Link to={`/keytasks/plans/${r.planId}?tab=reviews`}>{r.planTitle}</Link> },
          { title: r.title },
        ]}
        style={{ marginBottom: 8 }}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Space align="baseline" size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="kt-review-title">
            {r.title}
          </Typography.Title>
          <span data-testid="kt-review-state">
            <ReviewStateTag state={r.state} />
          </span>
        </Space>
        <Space wrap>
          {files.map((f) => (
            <Button key={f.key} icon={<DownloadOutlined />} loading={busy === f.key} onClick={() => get(f.key)}>
              {f.label}
            </Button>
          ))}
          {r.owner && r.state === 'draft' && (
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setHolding(true)}>
              召开并形成纪要
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label="会议日期">{r.heldOn}</Descriptions.Item>
        <Descriptions.Item label="地点">{r.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="主持人">{r.host ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="调度任务">{r.items.length}</Descriptions.Item>
        <Descriptions.Item label="滞后">{r.lagging ? <Typography.Text type="danger">{r.lagging}</Typography.Text> : 0}</Descriptions.Item>
        <Descriptions.Item label="已决定">{r.decided}</Descriptions.Item>
        {r.attendees && (
          <Descriptions.Item label="参会人员" span={6}>
            {r.attendees}
          </Descriptions.Item>
        )}
        {r.minutes && (
          <Descriptions.Item label="会议纪要" span={6}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.minutes}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <ReviewItemsTable review={r} />
      {holding && <HoldModal review={r} onClose={() => setHolding(false)} />}
    </Card>
  );
}
