import { PlusOutlined } from '@ant-design/icons';
import type { Org, Term, TermInput } from '@jiceng/contracts';
import { Alert, Button, DatePicker, Form, InputNumber, Modal, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { TermStatusTag } from '../../shared/labels.tsx';
import { useAddTerm, useTerms } from './api.ts';

interface TermForm {
  termNo: number;
  startDate: Dayjs;
  endDate?: Dayjs | null;
}

function TermModal({ orgId, nextNo, onClose }: { orgId: string; nextNo: number; onClose: () => void }) {
  const [form] = Form.useForm<TermForm>();
  const add = useAddTerm(orgId);
  const submit = async () => {
    const v = await form.validateFields();
    const input: TermInput = { termNo: v.termNo, startDate: v.startDate.format('YYYY-MM-DD'), endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null };
    add.mutate(input, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (t) => {
        showSuccess(`已录入第 ${t.termNo} 届，任期至 ${t.endDate}`);
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title="录入换届（新一届）"
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={add.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ termNo: nextNo, startDate: dayjs() }}>
        <Form.Item name="termNo" label="届次" rules={[{ required: true, message: '请输入届次' }]}>
          <InputNumber min={1} max={99} precision={0} addonBefore="第" addonAfter="届" />
        </Form.Item>
        <Form.Item name="startDate" label="选举产生日期（任期开始）" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="endDate" label="任期届满日期" extra="不填则按党内法规规定的任期年限自动计算">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 届次: current 换届 status, the history of terms, and 录入换届. */
export function TermsTab({ org, canWrite }: { org: Org; canWrite: boolean }) {
  const { data, isPending } = useTerms(org.id);
  const [adding, setAdding] = useState(false);
  const terms = [...(data ?? [])].sort((a, b) => b.termNo - a.termNo);
  const nextNo = (terms[0]?.termNo ?? 0) + 1;
  const alarm = ['due_soon', 'overdue', 'seriously_overdue'].includes(org.termStatus);
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Text>换届状态：</Typography.Text>
          <TermStatusTag status={org.termStatus} />
          {org.termEndDate && <Typography.Text type="secondary">本届任期至 {org.termEndDate}</Typography.Text>}
        </Space>
        {canWrite && (
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            录入换届
          </Button>
        )}
      </Space>
      {alarm && (
        <Alert
          type={org.termStatus === 'due_soon' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          message="请按规定做好换届准备，换届完成后在此录入新一届的选举日期。"
        />
      )}
      <Table<Term>
        size="middle"
        rowKey="id"
        loading={isPending}
        dataSource={terms}
        pagination={false}
        locale={{ emptyText: '尚未录入届次' }}
        columns={[
          { title: '届次', dataIndex: 'termNo', render: (n: number) => `第 ${n} 届` },
          { title: '任期开始', dataIndex: 'startDate' },
          { title: '任期届满', dataIndex: 'endDate' },
          { title: '任期年限', dataIndex: 'termYears', render: (y: number) => `${y} 年` },
        ]}
      />
      {adding && <TermModal orgId={org.id} nextNo={nextNo} onClose={() => setAdding(false)} />}
    </>
  );
}
