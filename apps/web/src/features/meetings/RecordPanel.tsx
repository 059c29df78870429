import { EditOutlined } from '@ant-design/icons';
import type { MeetingDetail, MeetingRecordInput } from '@jiceng/contracts';
import { Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useSaveRecord } from './api.ts';

const RECORD_STATES = ['held', 'recorded', 'returned'];
type Values = Omit<MeetingRecordInput, 'version'>;

function RecordForm({ m, onDone }: { m: MeetingDetail; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveRecord(m.id);
  const submit = (v: Values) =>
    save.mutate(
      { ...v, decisions: v.decisions?.trim() || null, openItems: v.openItems?.trim() || null, version: m.version },
      {
        onSuccess: () => (showSuccess('会议记录已保存'), onDone()),
        // someone saved first: the message is shown and the record reloaded with their changes
        onError: (e) => (isStaleVersion(e) ? onDone() : applyFieldErrors(form, e)),
      },
    );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="meeting-record"
      style={{ maxWidth: 900 }}
      onFinish={submit}
      initialValues={{
        hostName: m.hostName ?? '',
        recorderName: m.recorderName ?? '',
        topics: m.topics,
        speakersPoints: m.speakersPoints ?? '',
        decisions: m.decisions ?? '',
        openItems: m.openItems ?? '',
      }}
    >
      <Space size={16} wrap>
        <Form.Item name="hostName" label="主持人" rules={[{ required: true, whitespace: true, message: '请填写主持人' }]}>
          <Input maxLength={30} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="recorderName" label="记录人" rules={[{ required: true, whitespace: true, message: '请填写记录人' }]}>
          <Input maxLength={30} style={{ width: 220 }} />
        </Form.Item>
      </Space>
      <Form.Item name="topics" label="议题" rules={[{ required: true, min: 2, message: '请填写议题' }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="speakersPoints" label="发言要点" rules={[{ required: true, min: 2, message: '请填写发言要点（至少 2 个字）' }]}>
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="decisions" label="决议（选填）">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="openItems" label="待办事项（选填）">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存会议记录
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

/** 会议记录: 主持人, 记录人, 议题, 发言要点, 决议, 待办事项; written after the meeting was held (and again when sent back). Approved: as corrected. */
export function RecordPanel({ m, canWrite }: { m: MeetingDetail; canWrite: boolean }) {
  const mayEdit = canWrite && m.editable && RECORD_STATES.includes(m.state);
  const [editing, setEditing] = useState(false);
  if (editing || (mayEdit && m.state === 'held')) return <RecordForm m={m} onDone={() => setEditing(false)} />;
  if (!m.speakersPoints) return <Typography.Paragraph type="secondary">会议召开后填写会议记录。</Typography.Paragraph>;
  const v = (k: string, own: string | null) => (m.amendments.length ? (m.corrected[k] ?? own) : own);
  const text = (s: string | null) => (s ? <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span> : <Typography.Text type="secondary">无</Typography.Text>);
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 110 } }}
      extra={
        mayEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            修改会议记录
          </Button>
        )
      }
      items={[
        { key: 'host', label: '主持人', children: v('hostName', m.hostName) },
        { key: 'recorder', label: '记录人', children: v('recorderName', m.recorderName) },
        { key: 'topics', label: '议题', span: 2, children: text(v('topics', m.topics)) },
        { key: 'points', label: '发言要点', span: 2, children: text(v('speakersPoints', m.speakersPoints)) },
        { key: 'decisions', label: '决议', span: 2, children: text(v('decisions', m.decisions)) },
        { key: 'open', label: '待办事项', span: 2, children: text(v('openItems', m.openItems)) },
      ]}
    />
  );
}
