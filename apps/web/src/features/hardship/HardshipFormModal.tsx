import { HARDSHIP_DETAIL_MAX, type HardshipType } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { MemberPicker } from '../reportin/Pickers.tsx';
import { useCreateHardship } from './api.ts';
import { CadreSelect } from './CadreSelect.tsx';
import { typeOptions } from './labels.tsx';

interface Values {
  memberId: string | null;
  type: HardshipType;
  detail: string;
  startDate: Dayjs;
  cadreId?: string | null;
}

/** 登记困难党员 (optionally for a preset member, `?memberId=`); the detail is stored encrypted. */
export function HardshipFormModal({ memberId, onClose, onCreated }: { memberId: string | null; onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateHardship();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate({ memberId: v.memberId!, type: v.type, detail: v.detail.trim(), startDate: v.startDate.format('YYYY-MM-DD'), cadreId: v.cadreId ?? null }, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (h) => {
        showSuccess(`已登记困难党员「${h.memberName}」`);
        onCreated(h.id);
      },
    });
  };
  return (
    <Modal open title="登记困难党员" okText="登记" width={600} onOk={() => void submit().catch(() => undefined)} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" initialValues={{ memberId, type: 'living', startDate: dayjs() }}>
        <Form.Item name="memberId" label="困难党员" rules={[{ required: true, message: '请选择党员' }]}>
          <MemberPicker />
        </Form.Item>
        <Form.Item name="type" label="困难类型" rules={[{ required: true, message: '请选择困难类型' }]}>
          <Select options={typeOptions} />
        </Form.Item>
        <Form.Item name="startDate" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="困难情况属于敏感个人信息，加密保存；列表中不显示，查看原文需相应权限并记入审计日志。" />
        <Form.Item name="detail" label="困难情况" rules={[{ required: true, whitespace: true, min: 2, message: '请填写困难情况' }]}>
          <Input.TextArea rows={4} maxLength={HARDSHIP_DETAIL_MAX} showCount />
        </Form.Item>
        <Form.Item name="cadreId" label="帮扶干部" extra="每名帮扶干部结对帮扶 1–3 名困难党员；也可登记后再指定">
          <CadreSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
