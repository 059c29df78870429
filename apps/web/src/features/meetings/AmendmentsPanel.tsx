import { MEETING_AMENDABLE_FIELDS, meetingFieldLabel, type MeetingAmendableField, type MeetingAmendment, type MeetingDetail } from '@jiceng/contracts';
import { Alert, Button, Form, Input, Modal, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAmendMeeting } from './api.ts';

interface Values {
  field: MeetingAmendableField;
  after: string;
  reason: string;
}

function AmendModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const amend = useAmendMeeting(m.id);
  const field = Form.useWatch('field', form);
  return (
    <Modal
      open
      width={640}
      title="更正会议记录"
      okText="提交更正"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={amend.isPending}
      destroyOnHidden
    >
      <Alert showIcon type="info" style={{ marginBottom: 16 }} message="审核通过的会议记录不能直接修改；更正会保留修改前后的内容、更正人和原因。" />
      <Form<Values>
        form={form}
        layout="vertical"
        name="meeting-amend"
        onFinish={(v) => amend.mutate(v, { onSuccess: () => (showSuccess('已更正'), onClose()), onError: (e) => applyFieldErrors(form, e) })}
        onValuesChange={(ch: Partial<Values>) => ch.field && form.setFieldValue('after', m.corrected[ch.field] ?? '')}
      >
        <Form.Item name="field" label="更正内容" rules={[{ required: true, message: '请选择要更正的内容' }]}>
          <Select options={MEETING_AMENDABLE_FIELDS.map((f) => ({ value: f, label: meetingFieldLabel[f] }))} />
        </Form.Item>
        {field && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            当前内容：{m.corrected[field] || '（空）'}
          </Typography.Paragraph>
        )}
        <Form.Item name="after" label="更正后内容" rules={[{ required: true, message: '请填写更正后内容' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, min: 2, message: '请填写更正原因（至少 2 个字）' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 更正记录: after approval, corrections as append-only rows (field, before, after, who, why). */
export function AmendmentsPanel({ m, canWrite }: { m: MeetingDetail; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const approved = m.state === 'reviewed' || m.state === 'archived';
  return (
    <>
      {canWrite && approved && (
        <Button style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
          更正
        </Button>
      )}
      <Table<MeetingAmendment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.amendments}
        locale={{ emptyText: approved ? '没有更正' : '会议记录审核通过后，如需修改，在此提交更正' }}
        columns={[
          { title: '更正内容', dataIndex: 'fieldLabel', width: 100 },
          { title: '更正前', dataIndex: 'before', render: (s: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || '（空）'}</span> },
          { title: '更正后', dataIndex: 'after', render: (s: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || '（空）'}</span> },
          { title: '原因', dataIndex: 'reason', width: 180 },
          { title: '更正人', dataIndex: 'actorName', width: 90 },
          { title: '时间', dataIndex: 'at', width: 140, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      {open && <AmendModal m={m} onClose={() => setOpen(false)} />}
    </>
  );
}
