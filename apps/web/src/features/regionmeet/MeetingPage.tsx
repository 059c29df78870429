import { DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { RM_MINUTES_MAX, RM_REASON_MAX, rmMeetingActionLabel, type RmMeetingActionId, type RmMeetingDetail } from '@jiceng/contracts';
import { Breadcrumb, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { download } from '../../api/download.ts';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { TextModal } from '../keytasks/TextModal.tsx';
import { HistoryTimeline } from '../regional/labels.tsx';
import { AgendaCard, AttendanceCard } from './AgendaAttendance.tsx';
import { meetingPath, useMeeting, useMeetingSteps } from './api.ts';
import { DecisionsCard, FollowupsCard } from './DecisionsFollowups.tsx';
import { MeetingStateTag } from './labels.tsx';

/** 修改会议信息: topic, date, place, host. */
function EditModal({ m, onClose }: { m: RmMeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; heldOn: Dayjs; place: string; host?: string | null }>();
  const steps = useMeetingSteps(m.id);
  const submit = async () => {
    const v = await form.validateFields();
    steps.edit.mutate(
      { title: v.title.trim(), heldOn: v.heldOn.format('YYYY-MM-DD'), place: v.place.trim(), host: v.host?.trim() || null, version: m.version },
      { onError: (e) => applyFieldErrors(form, e), onSuccess: onClose },
    );
  };
  return (
    <Modal
      open
      title="修改会议信息"
      okText="保存"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={steps.edit.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="rm-edit" initialValues={{ title: m.title, heldOn: dayjs(m.heldOn), place: m.place, host: m.host }}>
        <Form.Item name="title" label="会议议题" rules={[{ required: true, min: 2, message: '请填写会议议题' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="会议地点" rules={[{ required: true, message: '请填写会议地点' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="host" label="主持人">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MinutesCard({ m }: { m: RmMeetingDetail }) {
  const steps = useMeetingSteps(m.id);
  const [text, setText] = useState<string | null>(null);
  const save = () =>
    steps.minutes.mutate(
      { minutes: (text ?? '').trim(), version: m.version },
      {
        onError: (e) => showError(messageOf(e)),
        onSuccess: () => {
          setText(null);
          showSuccess('会议纪要已提交');
        },
      },
    );
  return (
    <Card
      size="small"
      title="会议纪要"
      style={{ marginBottom: 16 }}
      extra={
        m.can.minutes &&
        (text === null ? (
          <Button icon={<EditOutlined />} onClick={() => setText(m.minutes ?? '')}>
            {m.minutes ? '修改纪要' : '填写纪要'}
          </Button>
        ) : (
          <Button type="primary" loading={steps.minutes.isPending} onClick={save}>
            提交纪要
          </Button>
        ))
      }
    >
      {text !== null ? (
        <Input.TextArea aria-label="会议纪要" rows={8} maxLength={RM_MINUTES_MAX} showCount value={text} onChange={(e) => setText(e.target.value)} />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {m.minutes ?? <Typography.Text type="secondary">尚未提交会议纪要</Typography.Text>}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * One joint meeting: its information and state, the agenda (picked from the community's needs and
 * projects), attendance by member unit, decisions, follow-ups, minutes and history; the steps the
 * account may take (its `can`); the record as .docx and as a print page.
 */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const query = useMeeting(id);
  const steps = useMeetingSteps(id);
  const [editing, setEditing] = useState(false);
  const [reasonFor, setReasonFor] = useState<RmMeetingActionId | null>(null);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该联席会议" error={query.error} back="/regional/meetings" backLabel="返回联席会议列表" />;
  const m = query.data;
  const act = (action: RmMeetingActionId, reason?: string) =>
    steps.act.mutateAsync({ action, reason: reason ?? null, version: m.version }).then(() => showSuccess(`已${rmMeetingActionLabel[action]}`));
  const needsReason = (a: RmMeetingActionId) => a === 'reopen' || a === 'cancel';

  return (
    <>
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/regional/meetings">大党委联席会议</Link> }, { title: m.title }]} />
      <Card
        title={
          <Space>
            {m.title}
            <MeetingStateTag state={m.state} />
          </Space>
        }
        extra={
          <Space wrap>
            {m.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
            {m.can.actions.map((a) => (
              <Button
                key={a}
                type={a === 'hold' || a === 'archive' ? 'primary' : 'default'}
                danger={a === 'cancel'}
                loading={steps.act.isPending}
                onClick={() => (needsReason(a) ? setReasonFor(a) : void act(a).catch((e: unknown) => showError(messageOf(e))))}
              >
                {rmMeetingActionLabel[a]}
              </Button>
            ))}
            <Link to={`/regional/meetings/${m.id}/print`}>
              <Button icon={<PrinterOutlined />}>打印</Button>
            </Link>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download(`${meetingPath(m.id)}/record.docx`, 'joint-meeting.docx').catch((e: unknown) => showError(messageOf(e)))}
            >
              下载记录
            </Button>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="社区">{m.orgName}</Descriptions.Item>
          <Descriptions.Item label="会议日期">{m.heldOn}</Descriptions.Item>
          <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.host ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="兼职委员" span={4}>
            {m.partTime.map((p) => `${p.personName}${p.unitName ? `（${p.unitName}）` : ''}`).join('、') || '—'}
          </Descriptions.Item>
          {m.cancelReason && <Descriptions.Item label="取消原因">{m.cancelReason}</Descriptions.Item>}
        </Descriptions>
        {m.minutesOverdue && <Typography.Text type="danger">会议已召开，纪要逾期未提交</Typography.Text>}
      </Card>
      <AgendaCard m={m} />
      <AttendanceCard m={m} />
      <DecisionsCard m={m} />
      <FollowupsCard m={m} />
      <MinutesCard m={m} />
      <Card size="small" title="流转记录">
        <HistoryTimeline history={m.history} testId="rm-history" />
      </Card>
      {editing && <EditModal m={m} onClose={() => setEditing(false)} />}
      {reasonFor && (
        <TextModal
          title={rmMeetingActionLabel[reasonFor]}
          label="原因"
          field="reason"
          okText={rmMeetingActionLabel[reasonFor]}
          max={RM_REASON_MAX}
          danger={reasonFor === 'cancel'}
          busy={steps.act.isPending}
          run={(reason) => act(reasonFor, reason)}
          onClose={() => setReasonFor(null)}
        />
      )}
    </>
  );
}
