import type { KtProgress, KtTaskDetail } from '@jiceng/contracts';
import { Card, List, Space, Tag, Typography } from 'antd';
import { progressFileUrl, useUploadProgressFile } from './api.ts';
import { ktFileHint } from './files.ts';
import { KtFiles } from './KtFiles.tsx';

/** 佐证材料 of one report; who may report adds more. */
function ProgressFiles({ taskId, report: r, editable }: { taskId: string; report: KtProgress; editable: boolean }) {
  const upload = useUploadProgressFile(taskId);
  return (
    <KtFiles
      files={r.files}
      href={(fileId) => progressFileUrl(taskId, r.id, fileId)}
      upload={(file) => upload.mutateAsync({ progressId: r.id, file })}
      editable={editable}
      uploadLabel={`为${r.reportedOn}的进展上传佐证材料`}
      testId="kt-progress-files"
    />
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
