import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  MEETING_VOTE_KINDS,
  MEETING_VOTE_METHODS,
  meetingVoteKindName,
  meetingVoteMethodLabel,
  type MeetingDetail,
  type MeetingVote,
  type MeetingVoteInput,
} from '@jiceng/contracts';
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAddVote, useRemoveVote } from './api.ts';

const VOTE_STATES = ['held', 'recorded', 'returned'];
const defaultKind = (type: string): MeetingVoteInput['kind'] => (type === 'committee_meeting' ? 'committee' : 'resolution');

function VoteModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<MeetingVoteInput>();
  const add = useAddVote(m.id);
  const kind = Form.useWatch('kind', form);
  const count = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={0} max={10000} precision={0} style={{ width: 110 }} />
    </Form.Item>
  );
  return (
    <Modal open width={640} title="登记表决结果" okText="保存" onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
      <Form<MeetingVoteInput>
        form={form}
        layout="vertical"
        name="meeting-vote"
        initialValues={{ kind: defaultKind(m.type), method: 'show_of_hands', yes: 0, no: 0, abstain: 0 }}
        onFinish={(v) => add.mutate(v, { onSuccess: () => (showSuccess('表决结果已登记'), onClose()), onError: (e) => applyFieldErrors(form, e) })}
      >
        <Form.Item name="motion" label="表决事项" rules={[{ required: true, min: 2, message: '请填写表决事项' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="kind" label="表决类别">
            <Select style={{ width: 300 }} options={MEETING_VOTE_KINDS.map((k) => ({ value: k, label: meetingVoteKindName[k] }))} />
          </Form.Item>
          <Form.Item name="method" label="表决方式">
            <Select style={{ width: 140 }} options={MEETING_VOTE_METHODS.map((k) => ({ value: k, label: meetingVoteMethodLabel[k] }))} />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          {count('yes', '赞成票')}
          {count('no', '反对票')}
          {count('abstain', '弃权票')}
        </Space>
        {kind === 'admission' && (
          <Space size={16} wrap>
            <Form.Item name={['written', 'yes']} label="书面赞成" initialValue={0}>
              <InputNumber min={0} precision={0} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name={['written', 'no']} label="书面反对" initialValue={0}>
              <InputNumber min={0} precision={0} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name={['written', 'abstain']} label="书面弃权" initialValue={0}>
              <InputNumber min={0} precision={0} style={{ width: 110 }} />
            </Form.Item>
          </Space>
        )}
        <Typography.Paragraph type="secondary">是否达到法定人数、是否通过，由系统按表决类别的规则和本次会议的出席情况判定。</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

/** 表决情况: each vote with its counts and the server's judgement (quorum, passed, why). */
export function VotesPanel({ m, canWrite }: { m: MeetingDetail; canWrite: boolean }) {
  const [adding, setAdding] = useState(false);
  const remove = useRemoveVote(m.id);
  const editable = canWrite && VOTE_STATES.includes(m.state);
  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
          登记表决
        </Button>
      )}
      <Table<MeetingVote>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.votes}
        locale={{ emptyText: '未登记表决' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '表决事项', dataIndex: 'motion' },
          { title: '类别', dataIndex: 'kindLabel', width: 150, ellipsis: true },
          { title: '方式', dataIndex: 'methodLabel', width: 100 },
          { title: '赞成/反对/弃权', key: 'counts', width: 130, render: (_: unknown, v) => `${v.yes} / ${v.no} / ${v.abstain}` },
          { title: '应到/到会（有表决权）', key: 'entitled', width: 160, render: (_: unknown, v) => `${v.entitled} / ${v.entitledPresent}` },
          {
            title: '结果',
            key: 'result',
            width: 300,
            render: (_: unknown, v) => (
              <Space direction="vertical" size={2}>
                <Space size={4}>
                  <Tag color={v.quorumMet ? 'success' : 'error'}>{v.quorumMet ? '达到法定人数' : '未达到法定人数'}</Tag>
                  <Tag color={v.passed ? 'success' : 'error'}>{v.passed ? '通过' : '未通过'}</Tag>
                </Space>
                <Typography.Text type="secondary">{v.explanation}</Typography.Text>
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 70,
                  render: (_: unknown, v: MeetingVote) => (
                    <Popconfirm
                      title="删除这条表决结果？"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() =>
                        remove.mutateAsync(v.id).then(
                          () => undefined,
                          () => undefined,
                        )
                      }
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除表决 ${v.motion}`} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <VoteModal m={m} onClose={() => setAdding(false)} />}
    </>
  );
}
