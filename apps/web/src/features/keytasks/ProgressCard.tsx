import { UploadOutlined } from '@ant-design/icons';
import type { KtProgress, KtTaskDetail } from '@jiceng/contracts';
import { Button, Card, List, Space, Tag, Typography, Upload } from 'antd';
import { FileLink, useUploadQueue } from '../../shared/files.tsx';
import { progressFileUrl, useUploadProgressFile } from './api.ts';
import { KT_FILE_ACCEPT, ktFileHint, ktFileRefusal } from './files.ts';

/**
 * 佐证材料 of one report: each file a link that downloads it under its name; who may report adds
 * more (files chosen together are sent one after another, a file the report cannot take is not sent).
 */
function ProgressFiles({ taskId, report: r, editable }: { taskId: string; report: KtProgress; editable: boolean }) {
  const upload = useUploadProgressFile(taskId);
  const { send, sending } = useUploadQueue(r.files.length, ktFileRefusal, (file) => upload.mutateAsync({ progressId: r.id, file }));
  return (
    <Space wrap size={[12, 4]} data-testid="kt-progress-files">
      {r.files.map((f) => (
        <FileLink key={f.id} href={progressFileUrl(taskId, r.id, f.id)} file={f} />
      ))}
      {editable && (
        <Upload
          accept={KT_FILE_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={sending} aria-label={`为${r.reportedOn}的进展上传佐证材料`}>
            上传材料
          </Button>
        </Upload>
      )}
    </Space>
  );
}

/** 进展报告, newest first: the day, the progress, the sub-task or node, what was done, risks, who reported, the evidence. */
export function ProgressCard({ task: t }: { task: KtTaskDetail }) {
  return (
    <Card
      title={`进展报告（${t.progressReports.length}）`}
      size="small"
      extra={t.can.report && <Typography.Text type="secondary">{ktFileHint()}</Typography.Text>}
    >
      <List<KtProgress>
        dataSource={t.progressReports}
        locale={{ emptyText: '还没有报告进展' }}
        data-testid="kt-progress-reports"
        renderItem={(r) => (
          <List.Item key={r.id}>
            <div style={{ width: '100%' }}>
              <Space wrap size={8}>
                <Typography.Text strong>{r.reportedOn}</Typography.Text>
                <Tag color="processing">{r.percent}%</Tag>
                {r.subtaskTitle && <Tag>子任务：{r.subtaskTitle}</Tag>}
                {r.milestoneTitle && (
                  <Tag color={r.milestoneDone ? 'success' : 'default'}>
                    节点：{r.milestoneTitle}
                    {r.milestoneDone ? '（已完成）' : ''}
                  </Tag>
                )}
                <Typography.Text type="secondary">
                  {r.orgName}
                  {r.reportedBy ? ` ${r.reportedBy}` : ''}
                </Typography.Text>
              </Space>
              <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{r.narrative}</div>
              {r.risks && <Typography.Text type="warning">存在问题与风险：{r.risks}</Typography.Text>}
              <div style={{ marginTop: 4 }}>
                <ProgressFiles taskId={t.id} report={r} editable={t.can.report} />
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
