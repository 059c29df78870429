import { ArrowLeftOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Permission, type MeetingDetail } from '@jiceng/contracts';
import { Alert, Button, Card, Descriptions, Result, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { AmendmentsPanel } from './AmendmentsPanel.tsx';
import { useMeeting } from './api.ts';
import { AttendancePanel } from './AttendancePanel.tsx';
import { FilesPanel } from './FilesPanel.tsx';
import { MeetingStateTag, placeText } from './labels.tsx';
import { PlanFormModal } from './PlanFormModal.tsx';
import { RecordPanel } from './RecordPanel.tsx';
import { SigninPanel } from './SigninPanel.tsx';
import { VotesPanel } from './VotesPanel.tsx';
import { WorkflowBar } from './WorkflowBar.tsx';

function BasicInfo({ m }: { m: MeetingDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'org', label: '党组织', children: m.orgName },
        { key: 'type', label: '会议类型', children: m.lectureBySecretary ? `${m.typeLabel}（书记讲党课）` : m.typeLabel },
        { key: 'state', label: '状态', children: <MeetingStateTag m={m} /> },
        { key: 'date', label: '时间', children: `${m.date} ${m.startTime}—${m.endTime}` },
        { key: 'place', label: '地点', children: placeText(m) },
        { key: 'due', label: '记录提交期限', children: m.recordDue },
        { key: 'topics', label: '议题', span: 3, children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.topics}</span> },
        { key: 'by', label: '计划人', children: m.createdByName ?? '—' },
        { key: 'created', label: '计划时间', children: dayjs(m.createdAt).format('YYYY-MM-DD HH:mm') },
        ...(m.reviewScore !== null
          ? [
              {
                key: 'review',
                label: '审核',
                children: `${m.reviewedByName ?? ''} ${m.reviewScore} 分${m.reviewPassed ? '（通过）' : '（未通过）'}${m.reviewComment ? `：${m.reviewComment}` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}

function History({ m }: { m: MeetingDetail }) {
  if (!m.history.length) return <Typography.Paragraph type="secondary">暂无流转记录</Typography.Paragraph>;
  return (
    <Timeline
      items={m.history.map((e) => ({
        key: e.id,
        children: (
          <>
            <Typography.Text strong>{e.actionLabel}</Typography.Text>（{e.fromStateLabel} → {e.toStateLabel}） {e.actorName ?? '系统'}{' '}
            {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
            {e.reason && <div>原因：{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}

/** One meeting: its workflow buttons, and tabs for the plan, attendance, sign-in, record, votes, files, corrections and history. */
export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canWrite = hasPermission(me, Permission.MEETING_WRITE);
  const { data: m, isLoading, error } = useMeeting(id);
  const [editing, setEditing] = useState(false);
  if (isLoading) return <PageLoading />;
  if (!m)
    return (
      <Result
        status="404"
        title="会议不存在"
        subTitle={error ? '该会议不存在或不在您的管理范围内' : undefined}
        extra={<Link to="/meetings">返回会议列表</Link>}
      />
    );
  const tab = params.get('tab') ?? 'info';
  const showSignin = canWrite && (m.state === 'notice' || m.state === 'held');
  const items = [
    { key: 'info', label: '基本信息', children: <BasicInfo m={m} /> },
    {
      key: 'attendance',
      label: `参会人员${m.counts.expected ? `（${m.counts.present}/${m.counts.expected}）` : ''}`,
      children: <AttendancePanel m={m} canWrite={canWrite} />,
    },
    ...(showSignin ? [{ key: 'signin', label: '签到码', children: <SigninPanel m={m} /> }] : []),
    { key: 'record', label: '会议记录', children: <RecordPanel m={m} canWrite={canWrite} /> },
    { key: 'votes', label: `表决${m.votes.length ? `（${m.votes.length}）` : ''}`, children: <VotesPanel m={m} canWrite={canWrite} /> },
    { key: 'files', label: `照片附件${m.attachments.length ? `（${m.attachments.length}）` : ''}`, children: <FilesPanel m={m} canWrite={canWrite} /> },
    { key: 'amendments', label: `更正${m.amendments.length ? `（${m.amendments.length}）` : ''}`, children: <AmendmentsPanel m={m} canWrite={canWrite} /> },
    { key: 'history', label: '流转记录', children: <History m={m} /> },
  ];
  return (
    <Card
      title={
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回会议列表" onClick={() => navigate('/meetings')} />
          <span>{m.title}</span>
          <Tag>{m.typeLabel}</Tag>
          <MeetingStateTag m={m} />
        </Space>
      }
      extra={
        <Space wrap>
          {canWrite && (m.state === 'plan' || m.state === 'notice') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改计划
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.open(`/meetings/${m.id}/print`, '_blank', 'noopener')}>
            打印
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 8 }}>
        {m.state === 'returned' && m.returnReason && <Alert type="warning" showIcon message={`督导员退回：${m.returnReason}`} />}
        {m.state === 'cancelled' && m.cancelReason && <Alert type="info" showIcon message={`会议已取消：${m.cancelReason}`} />}
        {m.overdue && (
          <Alert
            type="error"
            showIcon
            message={
              m.state === 'plan' || m.state === 'notice' ? `会议日期 ${m.date} 已过，会议尚未确认召开` : `会议记录应于 ${m.recordDue} 前提交审核，已逾期`
            }
          />
        )}
        {m.state === 'submitted' && <Alert type="info" showIcon message="会议记录已提交，等待督导员审核；审核期间不能修改。" />}
        <WorkflowBar m={m} />
      </Space>
      <Tabs
        activeKey={items.some((i) => i.key === tab) ? tab : 'info'}
        onChange={(k) => setParams(k === 'info' ? {} : { tab: k }, { replace: true })}
        items={items}
      />
      {editing && <PlanFormModal meeting={m} onClose={() => setEditing(false)} />}
    </Card>
  );
}
