import { PlusOutlined } from '@ant-design/icons';
import { memberDetailKindLabel, type MemberDetail, type MemberDetailKind } from '@jiceng/contracts';
import { Button, DatePicker, Form, Input, Modal, Popconfirm, Radio, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { useAddMemberDetail, useMemberDetails, useRemoveMemberDetail } from './api.ts';
import { DETAIL_DATES, detailFields } from './detailFields.ts';

type EntryValues = Record<string, string | undefined> & { startDate?: Dayjs | null; endDate?: Dayjs | null };

function AddEntryModal({ memberId, kind, onClose }: { memberId: string; kind: MemberDetailKind; onClose: () => void }) {
  const [form] = Form.useForm<EntryValues>();
  const add = useAddMemberDetail(memberId);
  const fields = detailFields(kind);
  const dates = DETAIL_DATES[kind];

  const submit = async () => {
    const { startDate, endDate, ...rest } = await form.validateFields();
    const data: Record<string, string | null> = {};
    for (const f of fields) data[f.name] = (rest[f.name] as string | undefined)?.trim() || null;
    add.mutate(
      { kind, data, startDate: startDate?.format('YYYY-MM-DD') ?? null, endDate: endDate?.format('YYYY-MM-DD') ?? null },
      {
        onSuccess: () => {
          showSuccess('已添加');
          onClose();
        },
      },
    );
  };

  return (
    <Modal open title={`添加${memberDetailKindLabel[kind]}记录`} okText="添加" onOk={() => void submit().catch(() => undefined)} confirmLoading={add.isPending} onCancel={onClose} maskClosable={false} destroyOnHidden>
      <Form<EntryValues> form={form} layout="vertical" name={`member-${kind}`} initialValues={Object.fromEntries(fields.filter((f) => f.choices).map((f) => [f.name, f.choices![0]!.value]))}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}>
            {f.choices ? <Radio.Group optionType="button" options={f.choices} /> : <Input maxLength={f.max} />}
          </Form.Item>
        ))}
        {dates.start && (
          <Form.Item name="startDate" label={dates.start}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {dates.end && (
          <Form.Item
            name="endDate"
            label={dates.end}
            dependencies={['startDate']}
            rules={[({ getFieldValue }) => ({ validator: (_, v: Dayjs | null) => (v && getFieldValue('startDate') && v.isBefore(getFieldValue('startDate') as Dayjs, 'day') ? Promise.reject(new Error('结束日期不能早于开始日期')) : Promise.resolve()) })]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 职务 / 奖惩 / 出国出境 / 家庭成员: the entries of one kind, with add and delete. */
export function MemberDetailTab({ memberId, kind, canWrite }: { memberId: string; kind: MemberDetailKind; canWrite: boolean }) {
  const entries = useMemberDetails(memberId, kind);
  const remove = useRemoveMemberDetail(memberId);
  const [adding, setAdding] = useState(false);
  const dates = DETAIL_DATES[kind];
  const columns: ColumnsType<MemberDetail> = detailFields(kind).map((f) => ({
    title: f.label,
    key: f.name,
    render: (_: unknown, d: MemberDetail) => {
      const v = d.data[f.name];
      if (typeof v !== 'string' || !v) return '—';
      const choice = f.choices?.find((c) => c.value === v);
      return choice ? <Tag color={v === 'punishment' ? 'volcano' : 'green'}>{choice.label}</Tag> : v;
    },
  }));
  if (dates.start) columns.push({ title: dates.start, dataIndex: 'startDate', width: 120, render: (v: string | null) => v ?? '—' });
  if (dates.end) columns.push({ title: dates.end, dataIndex: 'endDate', width: 120, render: (v: string | null) => v ?? (kind === 'post' ? '至今' : '—') });
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'ops',
      width: 80,
      render: (_: unknown, d: MemberDetail) => (
        <Popconfirm title="确定删除这条记录吗？" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync(d.id).then(() => showSuccess('已删除'))}>
          <a>删除</a>
        </Popconfirm>
      ),
    });
  }

  return (
    <>
      {canWrite && (
        <div style={{ textAlign: 'right', marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>添加{memberDetailKindLabel[kind]}记录</Button>
        </div>
      )}
      <Table<MemberDetail> rowKey="id" size="small" loading={entries.isPending} dataSource={entries.data} pagination={false} columns={columns} locale={{ emptyText: `暂无${memberDetailKindLabel[kind]}记录` }} />
      {adding && <AddEntryModal memberId={memberId} kind={kind} onClose={() => setAdding(false)} />}
    </>
  );
}
