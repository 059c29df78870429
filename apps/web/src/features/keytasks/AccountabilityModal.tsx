import { KT_REASON_MAX, KT_SHORT_MAX, type KtTaskDetail } from '@jiceng/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useRecordAccountability } from './api.ts';
import { chosen, toAccountabilityInput, type AccountabilityFormValues } from './form.ts';
import { ACCOUNTABILITY_OPTIONS } from './labels.tsx';

/** 记录问责: 提醒 / 批评教育 / 约谈 / 问责 of a unit or its 责任人, why, who decided it and when. */
export function AccountabilityModal({ task: t, onClose }: { task: KtTaskDetail; onClose: () => void }) {
  const [form] = Form.useForm<AccountabilityFormValues>();
  const record = useRecordAccountability(t.id);
  const submit = async () => {
    const v = await form.validateFields();
    record.mutate(toAccountabilityInput(v), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess('已记录');
        onClose();
      },
    });
  };
  const subject = t.lead ? `${t.lead.unitName === t.lead.orgName ? t.lead.orgName : t.lead.unitName} ${t.lead.ownerName}` : undefined;
  return (
    <Modal
      open
      title={`记录问责：${t.title}`}
      okText="记录"
      confirmLoading={record.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<AccountabilityFormValues>
        form={form}
        layout="vertical"
        name="kt-accountability"
        initialValues={{ level: 'remind', subject, decidedOn: dayjs(), decidedBy: t.planOrgName }}
      >
        <Form.Item name="level" label="处理方式" rules={[chosen('请选择处理方式')]}>
          <Select options={ACCOUNTABILITY_OPTIONS} />
        </Form.Item>
        <Form.Item name="subject" label="对象（单位或责任人）" rules={[{ required: true, whitespace: true, message: '请填写对象' }]}>
          <Input maxLength={KT_SHORT_MAX} />
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ required: true, whitespace: true, message: '请填写事由' }]}>
          <Input.TextArea rows={3} maxLength={KT_REASON_MAX} showCount />
        </Form.Item>
        <Form.Item name="decidedBy" label="决定机关或决定人" rules={[{ required: true, whitespace: true, message: '请填写决定机关或决定人' }]}>
          <Input maxLength={KT_SHORT_MAX} />
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker style={{ width: 220 }} allowClear={false} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
