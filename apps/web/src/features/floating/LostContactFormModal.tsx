import { LOST_CONTACT_MEASURES_MAX, type LostContactRecord } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCreateLostContact, useUpdateLostContact } from './api.ts';
import { MemberPicker } from './Pickers.tsx';

interface Values {
  memberId: string | null;
  lastContactDate: Dayjs;
  measures: string;
}

/** 登记失联党员 (optionally for a preset member) or its edit. */
export function LostContactFormModal({ record, memberId, onClose }: { record: LostContactRecord | null; memberId: string | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateLostContact();
  const update = useUpdateLostContact();
  const initial: Partial<Values> = record ? { memberId: record.memberId, lastContactDate: dayjs(record.lastContactDate), measures: record.measures } : { memberId };

  const submit = async () => {
    const v = await form.validateFields();
    const fields = { lastContactDate: v.lastContactDate.format('YYYY-MM-DD'), measures: v.measures };
    const options = {
      onError: (e: unknown) => applyFieldErrors(form, e),
      onSuccess: (r: LostContactRecord) => {
        showSuccess(record ? '已保存' : `已登记「${r.memberName}」为失联党员`);
        onClose();
      },
    };
    if (record) update.mutate({ id: record.id, patch: fields }, options);
    else create.mutate({ ...fields, memberId: v.memberId! }, options);
  };

  return (
    <Modal open width={620} title={record ? `修改失联登记：${record.memberName}` : '登记失联党员'} okText="保存" onOk={() => void submit().catch(() => undefined)} confirmLoading={create.isPending || update.isPending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="失联满六个月，系统会提示支部研究是否停止党籍；停止党籍后仍失联满两年，提示研究是否除名。是否处置由支部决定，系统不会自动变更党籍。" />
      <Form<Values> form={form} layout="vertical" initialValues={initial} name="lost-contact-form">
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <MemberPicker disabled={!!record} />
        </Form.Item>
        <Form.Item name="lastContactDate" label="最后联系日期" rules={[{ required: true, message: '请选择最后联系日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="measures" label="已采取的联系措施" rules={[{ required: true, whitespace: true, message: '请填写已采取的联系措施' }, { min: 2, max: LOST_CONTACT_MEASURES_MAX }]}>
          <Input.TextArea rows={4} maxLength={LOST_CONTACT_MEASURES_MAX} showCount placeholder="如：多次拨打电话未接通，上门走访无人，联系亲属未果" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
