import { meetingAttendanceLabel, type MeetingAttendance, type MeetingAttendee, type MeetingDetail } from '@jiceng/contracts';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { localPagination } from '../../shared/pagination.ts';
import { useMarkAttendance } from './api.ts';

const ATTENDANCE_STATES = ['notice', 'held', 'recorded', 'returned'];
const METHOD: Record<string, string> = { code: '签到码', qr: '扫码', secretary: '补签' };
const COLOR: Record<MeetingAttendance, string> = { present: 'success', leave: 'warning', absent: 'error' };

/** 请假 / 缺席 with the reason (请假 needs one). */
function AbsenceModal({ m, a, attendance, onClose }: { m: MeetingDetail; a: MeetingAttendee; attendance: 'leave' | 'absent'; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const mark = useMarkAttendance(m.id);
  return (
    <Modal
      open
      title={`${a.name} ${meetingAttendanceLabel[attendance]}`}
      okText="保存"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mark.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="meeting-absence"
        initialValues={{ reason: a.reason ?? undefined }}
        onFinish={(v) =>
          mark.mutate({ attendeeId: a.id, attendance, reason: v.reason?.trim() || null }, { onSuccess: () => (showSuccess('已登记'), onClose()) })
        }
      >
        <Form.Item
          name="reason"
          label={attendance === 'leave' ? '请假原因' : '缺席原因（选填）'}
          rules={attendance === 'leave' ? [{ required: true, message: '请填写请假原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 应到 / 实到 / 请假 / 缺席 and 列席: the people fixed at the notice, with the secretary's 补签 and absences. */
export function AttendancePanel({ m, canWrite }: { m: MeetingDetail; canWrite: boolean }) {
  const mark = useMarkAttendance(m.id);
  const [absence, setAbsence] = useState<{ a: MeetingAttendee; attendance: 'leave' | 'absent' } | null>(null);
  const editable = canWrite && ATTENDANCE_STATES.includes(m.state);
  const expected = m.attendees.filter((a) => a.role === 'expected');
  const guests = m.attendees.filter((a) => a.role === 'guest');
  const c = m.counts;
  if (m.state === 'plan' || m.attendees.length === 0)
    return <Typography.Paragraph type="secondary">应到人员在发布会议通知时按会议类型确定（本支部党员、在任支部委员或选定的人员）。</Typography.Paragraph>;
  return (
    <>
      <Space wrap size={16} style={{ marginBottom: 12 }} data-testid="attendance-counts">
        <span>应到 {c.expected} 人</span>
        <span>实到 {c.present} 人</span>
        <span>请假 {c.leave} 人</span>
        <span>缺席 {c.absent} 人</span>
        {c.unmarked > 0 && <span>未签到 {c.unmarked} 人</span>}
        <span>列席 {c.guests} 人</span>
      </Space>
      <Table<MeetingAttendee>
        rowKey="id"
        size="small"
        dataSource={expected}
        pagination={expected.length > 20 ? localPagination() : false}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '职务', dataIndex: 'post', width: 110, render: (p: string | null) => p ?? '—' },
          {
            title: '出席情况',
            key: 'attendance',
            width: 110,
            render: (_: unknown, a) => (a.attendance ? <Tag color={COLOR[a.attendance]}>{a.attendanceLabel}</Tag> : <Tag>未签到</Tag>),
          },
          {
            title: '签到',
            key: 'signed',
            width: 150,
            render: (_: unknown, a) => (a.signedAt ? `${dayjs(a.signedAt).format('MM-DD HH:mm')} ${METHOD[a.method ?? ''] ?? ''}` : '—'),
          },
          { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 210,
                  render: (_: unknown, a: MeetingAttendee) => (
                    <Space size={4}>
                      {a.attendance !== 'present' && (
                        <Button
                          size="small"
                          aria-label={`${a.name} 补签`}
                          loading={mark.isPending && mark.variables?.attendeeId === a.id}
                          onClick={() => mark.mutate({ attendeeId: a.id, attendance: 'present' }, { onSuccess: () => showSuccess(`${a.name} 已补签`) })}
                        >
                          补签
                        </Button>
                      )}
                      <Button size="small" aria-label={`${a.name} 请假`} onClick={() => setAbsence({ a, attendance: 'leave' })}>
                        请假
                      </Button>
                      <Button size="small" aria-label={`${a.name} 缺席`} onClick={() => setAbsence({ a, attendance: 'absent' })}>
                        缺席
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {guests.length > 0 && <Typography.Paragraph style={{ marginTop: 12 }}>列席：{guests.map((g) => g.name).join('、')}</Typography.Paragraph>}
      {absence && <AbsenceModal m={m} a={absence.a} attendance={absence.attendance} onClose={() => setAbsence(null)} />}
    </>
  );
}
