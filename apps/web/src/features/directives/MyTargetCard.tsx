import { CheckOutlined, ClockCircleOutlined, ForkOutlined, UploadOutlined } from '@ant-design/icons';
import type { DirectiveDetail, DirectiveTargetView } from '@jiceng/contracts';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { useTargetSteps } from './api.ts';
import { StatusTag, timeText } from './labels.tsx';
import { ExtensionModal, ForwardModal, ReportModal } from './modals.tsx';
import { TargetFiles } from './TargetFiles.tsx';

type Open = 'report' | 'extension' | 'forward' | null;

/**
 * The account's own organization as a recipient: its state and due date, and the steps the server
 * offers it (签收; 上报完成 with the evidence files; 申请延期; 转发下级), each a button.
 */
export function MyTargetCard({ directive: d, target: t }: { directive: DirectiveDetail; target: DirectiveTargetView }) {
  const steps = useTargetSteps(d.id, t.id);
  const [open, setOpen] = useState<Open>(null);
  const can = (a: DirectiveTargetView['actions'][number]) => t.actions.includes(a);
  const sign = () =>
    steps.acknowledge.mutateAsync(t.version).then(
      () => showSuccess(d.kind === 'notice' ? '已签收通知' : '已签收'),
      () => undefined,
    );

  return (
    <Card
      title={`本单位办理：${t.orgName}`}
      size="small"
      data-testid="directive-mine"
      extra={
        <Space wrap>
          {can('acknowledge') && (
            <Button type="primary" icon={<CheckOutlined />} loading={steps.acknowledge.isPending} onClick={() => void sign()}>
              签收
            </Button>
          )}
          {can('report') && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setOpen('report')}>
              上报完成
            </Button>
          )}
          {can('request_extension') && (
            <Button icon={<ClockCircleOutlined />} onClick={() => setOpen('extension')}>
              申请延期
            </Button>
          )}
          {can('forward') && (
            <Button icon={<ForkOutlined />} onClick={() => setOpen('forward')}>
              转发下级
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="办理情况">
          <StatusTag status={t.status} testId="directive-mine-status" />
        </Descriptions.Item>
        <Descriptions.Item label="办结期限">{t.dueOn}</Descriptions.Item>
        <Descriptions.Item label="下发单位">{t.issuerOrgName}</Descriptions.Item>
        {t.acknowledgedAt && <Descriptions.Item label="签收">{`${timeText(t.acknowledgedAt)} ${t.acknowledgedByName ?? ''}`}</Descriptions.Item>}
        {t.reportedAt && <Descriptions.Item label="上报">{`${timeText(t.reportedAt)} ${t.reportedByName ?? ''}`}</Descriptions.Item>}
        {t.extension && (
          <Descriptions.Item label="延期申请">
            延至 {t.extension.dueOn}（{t.extension.stateLabel}）{t.extension.decisionReason ? `：${t.extension.decisionReason}` : ''}
          </Descriptions.Item>
        )}
        {t.remindedCount > 0 && <Descriptions.Item label="被催办">{`${t.remindedCount} 次，最近 ${timeText(t.lastRemindedAt)}`}</Descriptions.Item>}
        {t.report && (
          <Descriptions.Item label="完成情况" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{t.report}</Typography.Paragraph>
          </Descriptions.Item>
        )}
        {d.kind === 'task' && (
          <Descriptions.Item label="佐证材料" span={3}>
            <TargetFiles directiveId={d.id} target={t} editable={can('files')} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {open === 'report' && <ReportModal directive={d} target={t} onClose={() => setOpen(null)} />}
      {open === 'extension' && <ExtensionModal directive={d} target={t} onClose={() => setOpen(null)} />}
      {open === 'forward' && <ForwardModal directive={d} target={t} onClose={() => setOpen(null)} />}
    </Card>
  );
}
