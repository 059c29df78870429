import { EyeOutlined } from '@ant-design/icons';
import { HARDSHIP_REASON_MAX, type Hardship, type HardshipVisit } from '@jiceng/contracts';
import { Alert, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { DateReasonModal } from '../reportin/DateReasonModal.tsx';
import { useCloseHardship, useHardship, useVisits } from './api.ts';
import { CadreAssignModal } from './CadreAssignModal.tsx';
import { typeText, VisitStatusTag, yuan } from './labels.tsx';
import { VisitFormModal } from './VisitFormModal.tsx';

function Visits({ id }: { id: string }) {
  const { data, isPending } = useVisits(id);
  return (
    <Table<HardshipVisit>
      size="small"
      rowKey="id"
      loading={isPending}
      dataSource={data}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '还没有走访慰问记录' }}
      columns={[
        { title: '走访日期', dataIndex: 'visitDate', width: 110 },
        { title: '走访人', dataIndex: 'visitor', width: 100 },
        { title: '走访慰问情况', dataIndex: 'content' },
        { title: '慰问金', dataIndex: 'amount', width: 110, align: 'right', render: yuan },
      ]}
    />
  );
}

function Actions({ h, onVisit, onCadre, onClose }: { h: Hardship; onVisit: () => void; onCadre: () => void; onClose: () => void }) {
  if (h.closedDate) return null;
  return (
    <Space>
      <Button type="primary" onClick={onVisit}>登记走访</Button>
      <Button onClick={onCadre}>指定帮扶干部</Button>
      <Button danger onClick={onClose}>结束帮扶</Button>
    </Space>
  );
}

/** One record: the detail (masked; in full on request, audited), the cadre, the visits; log a visit, pair a cadre, close. */
export function HardshipDrawer({ id, canWrite, canUnmask, visitor, onClose }: { id: string; canWrite: boolean; canUnmask: boolean; visitor: string; onClose: () => void }) {
  const [unmask, setUnmask] = useState(false);
  const [dialog, setDialog] = useState<'visit' | 'cadre' | 'close' | null>(null);
  const { data: h, isPending, isError, error } = useHardship(id, unmask);
  const close = useCloseHardship(id);
  return (
    <Drawer open width={720} title="困难党员帮扶" onClose={onClose} extra={h && canWrite && <Actions h={h} onVisit={() => setDialog('visit')} onCadre={() => setDialog('cadre')} onClose={() => setDialog('close')} />}>
      {isPending && <PageLoading />}
      {isError && <Alert type="warning" showIcon message={error.message} />}
      {h && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>{h.memberName}</Typography.Title>
            <VisitStatusTag status={h.visitStatus} dueDate={h.visitDueDate} />
          </Space>
          {h.unmasked && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="已显示困难情况原文和完整电话，本次查看已记入审计日志。" />}
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="所在党支部" span={2}>{h.orgName}</Descriptions.Item>
            <Descriptions.Item label="困难类型">{typeText(h.type)}</Descriptions.Item>
            <Descriptions.Item label="认定日期">{h.startDate}</Descriptions.Item>
            <Descriptions.Item label="困难情况" span={2}>
              <Space>
                <span style={{ whiteSpace: 'pre-wrap' }}>{h.detail}</span>
                {canUnmask && !h.unmasked && <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setUnmask(true)}>查看原文</Button>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="帮扶干部">{h.cadreName ?? '未指定'}</Descriptions.Item>
            <Descriptions.Item label="干部电话">{h.cadrePhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="走访次数">{h.visitCount}</Descriptions.Item>
            <Descriptions.Item label="慰问金合计">{yuan(h.subsidyTotal)}</Descriptions.Item>
            {h.closedDate && <Descriptions.Item label="结束帮扶" span={2}>{h.closedDate}：{h.closeReason}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5}>走访慰问记录</Typography.Title>
          <Typography.Paragraph type="secondary">每季度至少走访慰问一次；季度首月结束仍未走访的，列入待办。</Typography.Paragraph>
          <Visits id={id} />
          {dialog === 'visit' && <VisitFormModal hardshipId={id} startDate={h.startDate} visitor={visitor} onClose={() => setDialog(null)} />}
          {dialog === 'cadre' && <CadreAssignModal record={h} onClose={() => setDialog(null)} />}
          {dialog === 'close' && (
            <DateReasonModal
              title={`结束帮扶：${h.memberName}`}
              okText="结束帮扶"
              dateLabel="结束日期"
              reasonLabel="结束原因"
              reasonMax={HARDSHIP_REASON_MAX}
              placeholder="如：已脱困"
              minDate={h.startDate}
              pending={close.isPending}
              onClose={() => setDialog(null)}
              onSubmit={({ date, reason }, form) =>
                close.mutate({ closedDate: date, reason }, {
                  onError: (e) => applyFieldErrors(form, e, { closedDate: 'date' }),
                  onSuccess: () => {
                    showSuccess('已结束帮扶');
                    setDialog(null);
                  },
                })
              }
            />
          )}
        </>
      )}
    </Drawer>
  );
}
