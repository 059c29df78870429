import { Permission, type ApplicantDetail, type DevDeadlineView, type DevRecordView } from '@jiceng/contracts';
import { Card, Col, List, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useApplicant } from './api.ts';
import { ApplicantHeader } from './ApplicantHeader.tsx';
import { recorderText } from './form.ts';
import { DeadlineTag } from './labels.tsx';
import { RecordFiles, RecordFilesHint } from './RecordFiles.tsx';
import { StepDrawer } from './StepDrawer.tsx';
import { StepsCard } from './StepsCard.tsx';

/** The limits still ahead (and passed): the day, what must be done by then, who does it. */
function DeadlinesCard({ deadlines }: { deadlines: DevDeadlineView[] }) {
  return (
    <Card title="时限提醒" size="small" data-testid="dev-deadlines">
      <List<DevDeadlineView>
        size="small"
        dataSource={deadlines}
        locale={{ emptyText: '没有待办的时限' }}
        renderItem={(d) => (
          <List.Item key={`${d.key}-${d.dueOn}`}>
            <div style={{ width: '100%' }}>
              <Space wrap size={8}>
                <Typography.Text strong type={d.status === 'overdue' ? 'danger' : d.status === 'due_soon' ? 'warning' : undefined}>
                  {d.dueOn}
                </Typography.Text>
                <DeadlineTag status={d.status} />
                <Typography.Text type="secondary">
                  第{d.no}步 {d.label}（{recorderText(d.by)}）
                </Typography.Text>
              </Space>
              <div>{d.what}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * Everything recorded, in order: the step, its day, what was recorded, by whom, the note and its
 * papers. Who records the path (发展党员办理 or 审批) attaches and removes papers while it is open.
 */
function RecordsCard({ detail: a }: { detail: ApplicantDetail }) {
  const me = useMe();
  const editable = !a.ended && (hasPermission(me, Permission.DEV_RECORD) || hasPermission(me, Permission.DEV_APPROVE));
  const rows = [...a.records].sort((x, y) => x.date.localeCompare(y.date) || x.no - y.no || x.recordedAt.localeCompare(y.recordedAt));
  return (
    <Card title="办理记录" size="small">
      <ScrollRegion label="办理记录">
        <Table<DevRecordView>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={rows.length > 30 ? localPagination() : false}
          scroll={{ x: 1140 }}
          locale={{ emptyText: '还没有办理记录' }}
          data-testid="dev-records"
          columns={[
            { title: '步骤', key: 'step', width: 220, render: (_: unknown, r) => `第${r.no}步 ${r.label}${r.round > 1 ? `（第${r.round}轮）` : ''}` },
            { title: '日期', dataIndex: 'date', width: 110 },
            {
              title: '情况',
              key: 'summary',
              render: (_: unknown, r) => (
                <>
                  {[r.summary, r.outcomeLabel && !r.summary.includes(r.outcomeLabel) ? r.outcomeLabel : null].filter(Boolean).join('，') || '—'}
                  {r.approvingOrgName && <div>审批组织：{r.approvingOrgName}</div>}
                </>
              ),
            },
            { title: '经办人', dataIndex: 'recordedBy', width: 100, render: (s: string | null) => s ?? '—' },
            {
              title: '说明',
              key: 'note',
              width: 220,
              render: (_: unknown, r) => [r.reason && `原因：${r.reason}`, r.note].filter(Boolean).join('；') || '—',
            },
            { title: '材料', key: 'files', width: 240, render: (_: unknown, r) => <RecordFiles applicantId={a.id} record={r} editable={editable} /> },
          ]}
        />
      </ScrollRegion>
      {editable && <RecordFilesHint />}
    </Card>
  );
}

/**
 * One applicant's path: the header (stage, dates, dossier, 终止培养), the 25 steps by stage with
 * 办理 where the account may record, the limits, and the history of what was recorded.
 */
export default function ApplicantPage() {
  const { id = '' } = useParams();
  const query = useApplicant(id);
  const [recording, setRecording] = useState<string | null>(null);

  if (query.isPending)
    return (
      <Card>
        <PageLoading />
      </Card>
    );
  if (query.isError) return <PageLoadFailed title="无法打开该发展对象的记录" error={query.error} back="/development" backLabel="返回发展党员" />;
  const a = query.data;
  const step = recording ? a.steps.find((s) => s.key === recording) : undefined;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ApplicantHeader detail={a} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <StepsCard detail={a} onRecord={(s) => setRecording(s.key)} />
        </Col>
        <Col xs={24} xl={9}>
          <DeadlinesCard deadlines={a.deadlines} />
        </Col>
      </Row>
      <RecordsCard detail={a} />
      {step && <StepDrawer key={step.key} detail={a} step={step} onClose={() => setRecording(null)} />}
    </Space>
  );
}
