import { PlusOutlined } from '@ant-design/icons';
import {
  COMMITTEE_POSTS,
  committeePostLabel,
  PERSON_NAME_MAX,
  UNIT_NAME_MAX,
  type CommitteeMember,
  type CommitteeMemberInput,
  type CommitteePost,
} from '@jiceng/contracts';
import { Button, Col, DatePicker, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCommittee, useRemoveCommitteeMember, useSaveCommitteeMember } from './api.ts';

interface MemberForm {
  personName: string;
  post: CommitteePost;
  unitName?: string | null;
  startDate: Dayjs;
  endDate?: Dayjs | null;
}

const postOptions = COMMITTEE_POSTS.map((p) => ({ value: p, label: committeePostLabel[p] }));
const postLabel = (p: string) => committeePostLabel[p as CommitteePost] ?? p;
/** Left the committee: a leaving date that is today or past (a later one is a planned end). */
const hasLeft = (m: CommitteeMember, today: string) => m.endDate !== null && m.endDate <= today;

function MemberModal({ orgId, member, onClose }: { orgId: string; member: CommitteeMember | null; onClose: () => void }) {
  const [form] = Form.useForm<MemberForm>();
  const save = useSaveCommitteeMember(orgId);
  const initial: Partial<MemberForm> = member
    ? {
        personName: member.personName,
        post: member.post as CommitteePost,
        unitName: member.unitName,
        startDate: dayjs(member.startDate),
        endDate: member.endDate ? dayjs(member.endDate) : null,
      }
    : { post: 'member', startDate: dayjs() };
  const submit = async () => {
    const v = await form.validateFields();
    const input: CommitteeMemberInput = {
      personName: v.personName.trim(),
      post: v.post,
      unitName: v.unitName?.trim() || null,
      startDate: v.startDate.format('YYYY-MM-DD'),
      endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
      ...(member ? { version: member.version } : {}),
    };
    save.mutate(
      { memberId: member?.id ?? null, input },
      {
        onError: (e) => (isStaleVersion(e) ? onClose() : applyFieldErrors(form, e)),
        onSuccess: () => {
          showSuccess('班子成员已保存');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={member ? '修改班子成员' : '新增班子成员'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="personName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input maxLength={PERSON_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
              <Select options={postOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="unitName" label="所在单位" extra="大党委的兼职委员请填写其所在的驻区单位">
          <Input maxLength={UNIT_NAME_MAX} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="startDate" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endDate" label="离任日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 班子成员: the committee with posts, those in office first and former ones marked 已离任; add, edit, remove. */
export function CommitteeTab({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { data, isPending } = useCommittee(orgId);
  const today = dayjs().format('YYYY-MM-DD');
  // stable sort: within each group the server's order (by post) stays
  const rows = [...(data ?? [])].sort((a, b) => Number(hasLeft(a, today)) - Number(hasLeft(b, today)));
  const former = rows.filter((m) => hasLeft(m, today)).length;
  const remove = useRemoveCommitteeMember(orgId);
  const [editing, setEditing] = useState<CommitteeMember | 'new' | null>(null);
  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增班子成员
          </Button>
        </div>
      )}
      <Table<CommitteeMember>
        size="middle"
        rowKey="id"
        loading={isPending}
        dataSource={rows}
        pagination={false}
        rowClassName={(m) => (hasLeft(m, today) ? 'jc-row-former' : '')}
        footer={former ? () => `现任 ${rows.length - former} 人，已离任 ${former} 人（列在后面，仅供查阅）` : undefined}
        locale={{ emptyText: '尚未录入班子成员' }}
        columns={[
          { title: '姓名', dataIndex: 'personName' },
          {
            title: '职务',
            dataIndex: 'post',
            render: (p: string, m: CommitteeMember) => (
              <Tag color={hasLeft(m, today) ? undefined : p === 'secretary' ? 'red' : p === 'deputy_secretary' ? 'volcano' : undefined}>{postLabel(p)}</Tag>
            ),
          },
          { title: '所在单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: '任职日期', dataIndex: 'startDate' },
          {
            title: '离任日期',
            dataIndex: 'endDate',
            render: (v: string | null, m: CommitteeMember) =>
              hasLeft(m, today) ? (
                <Space size={4}>
                  <Tag>已离任</Tag>
                  {v}
                </Space>
              ) : v ? (
                `在任（至 ${v}）`
              ) : (
                '在任'
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 140,
                  render: (_: unknown, m: CommitteeMember) => (
                    <Space>
                      <a onClick={() => setEditing(m)}>修改</a>
                      <Popconfirm
                        title={`删除班子成员「${m.personName}」？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutateAsync(m.id).then(() => showSuccess('已删除'))}
                      >
                        <a style={{ color: '#cf1322' }}>删除</a>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <MemberModal orgId={orgId} member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
