import { DatePicker, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export interface DateReasonValues {
  date: Dayjs;
  reason: string;
}

export interface DateReasonModalProps {
  title: string;
  okText: string;
  dateLabel: string;
  reasonLabel: string;
  reasonMax: number;
  placeholder?: string;
  /** Earliest allowed date (the record's own date); none in the future. */
  minDate: string;
  pending: boolean;
  onSubmit(values: { date: string; reason: string }, form: FormInstance<DateReasonValues>): void;
  onClose(): void;
}

/** Ends something on a date with a reason (注销报到, 结束帮扶). */
export function DateReasonModal({ title, okText, dateLabel, reasonLabel, reasonMax, placeholder, minDate, pending, onSubmit, onClose }: DateReasonModalProps) {
  const [form] = Form.useForm<DateReasonValues>();
  const submit = async () => {
    const v = await form.validateFields();
    onSubmit({ date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() }, form);
  };
  const disabled = (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(minDate), 'day');
  return (
    <Modal open title={title} okText={okText} okButtonProps={{ danger: true }} onOk={() => void submit().catch(() => undefined)} confirmLoading={pending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="date" label={dateLabel} rules={[{ required: true, message: `请选择${dateLabel}` }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabled} />
        </Form.Item>
        <Form.Item name="reason" label={reasonLabel} rules={[{ required: true, whitespace: true, min: 2, message: `请填写${reasonLabel}（至少 2 个字）` }]}>
          <Input.TextArea rows={3} maxLength={reasonMax} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
