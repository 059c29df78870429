import {
  DISPOSITION_RESULT_MAX,
  DISPOSITION_STATUSES,
  dispositionStatusLabel,
  Permission,
  type Disposition,
  type DispositionStatus,
  type DispositionUpdate,
} from '@jiceng/contracts';
import { DatePicker, Form, Input, Modal, Segmented, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { daysLeftText } from '../../shared/labels.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { localPagination } from '../../shared/pagination.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { useDispositions, useUpdateDisposition } from './api.ts';
import { DispositionStatusTag, kindText } from './labels.tsx';

interface EditForm {
  deadline?: Dayjs | null;
  status: DispositionStatus;
  result?: string;
}

function DispositionModal({ d, onClose }: { d: Disposition; onClose: () => void }) {
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateDisposition();
  const status = Form.useWatch('status', form);
  const submit = async () => {
    const v = await form.validateFields();
    const patch: DispositionUpdate = { status: v.status, ...(v.result?.trim() ? { result: v.result.trim() } : {}) };
    if (d.kind === 'correction' && v.deadline && v.deadline.format('YYYY-MM-DD') !== d.deadline) patch.deadline = v.deadline.format('YYYY-MM-DD');
    update.mutate(
      { id: d.id, patch },
      {
        onSuccess: () => {
          showSuccess('组织处置已更新');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={`组织处置：${d.memberName}（${kindText(d.kind)}）`}
      okText="保存"
      confirmLoading={update.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ deadline: d.deadline ? dayjs(d.deadline) : null, status: d.status, result: d.result ?? '' }}>
        {d.kind === 'correction' && (
          <Form.Item name="deadline" label="整改期限" extra={`自 ${d.startDate} 起，最长一年`}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="status" label="处置状态">
          <Select options={DISPOSITION_STATUSES.map((s) => ({ value: s, label: dispositionStatusLabel[s] }))} />
        </Form.Item>
        <Form.Item name="result" label="处置结果" rules={status === 'done' ? [{ required: true, whitespace: true, message: '办结时请填写处置结果' }] : []}>
          <Input.TextArea rows={3} maxLength={DISPOSITION_RESULT_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 组织处置 of members graded 不合格, under the chosen organization (or the whole scope). */
export function DispositionsTab({ orgId, year }: { orgId?: string; year?: number }) {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const [status, setStatus] = useState<DispositionStatus | 'all'>('in_progress');
  const { data, isPending } = useDispositions({ orgId, year, status: status === 'all' ? undefined : status });
  const [editing, setEditing] = useState<Disposition | null>(null);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<DispositionStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[...DISPOSITION_STATUSES.map((s) => ({ value: s, label: dispositionStatusLabel[s] })), { value: 'all' as const, label: '全部' }]}
        />
        <ExportButton
          path="/api/appraisals/dispositions/export"
          query={{ orgId, year, status: status === 'all' ? undefined : status }}
          fallbackName="组织处置.xlsx"
        />
      </Space>
      <Table<Disposition>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={data}
        locale={{ emptyText: '没有组织处置记录' }}
        pagination={localPagination()}
        columns={[
          { title: '党员', dataIndex: 'memberName', width: 100 },
          { title: '党支部', dataIndex: 'orgName', ellipsis: true },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '处置方式', dataIndex: 'kind', width: 100, render: kindText },
          { title: '开始日期', dataIndex: 'startDate', width: 110 },
          { title: '整改期限', dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '剩余',
            dataIndex: 'daysLeft',
            width: 120,
            render: (v: number | null) => <Typography.Text type={v !== null && v < 0 ? 'danger' : undefined}>{daysLeftText(v)}</Typography.Text>,
          },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <DispositionStatusTag status={s} /> },
          { title: '处置结果', dataIndex: 'result', ellipsis: true, render: (v: string | null) => v ?? '—' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 80,
                  render: (_: unknown, d: Disposition) => (d.status === 'done' ? '—' : <a onClick={() => setEditing(d)}>办理</a>),
                },
              ]
            : []),
        ]}
      />
      {editing && <DispositionModal d={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
