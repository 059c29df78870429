import { FLOATING_NOTE_MAX } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';

export interface StepValues {
  date: Dayjs;
  note?: string;
  [field: string]: unknown;
}

export interface StepModalProps {
  title: string;
  okText: string;
  dateLabel: string;
  /** Earliest allowed date (the step it follows); none in the future. */
  minDate?: string | null;
  hint?: ReactNode;
  pending: boolean;
  /** Extra fields above the remark. */
  children?: ReactNode;
  noteLabel?: string | null;
  onSubmit(values: StepValues, form: FormInstance<StepValues>): void;
  onClose(): void;
}

/** A dated step (流入登记, 核实, 返回, 恢复联系, 联系记录): date, its own fields, a remark. */
export function StepModal({ title, okText, dateLabel, minDate, hint, pending, children, noteLabel = '备注', onSubmit, onClose }: StepModalProps) {
  const [form] = Form.useForm<StepValues>();
  const submit = async () => onSubmit(await form.validateFields(), form);
  const disabled = (d: Dayjs) => d.isAfter(dayjs(), 'day') || (!!minDate && d.isBefore(dayjs(minDate), 'day'));
  return (
    <Modal open title={title} okText={okText} onOk={() => void submit().catch(() => undefined)} confirmLoading={pending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      {hint && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={hint} />}
      <Form<StepValues> form={form} layout="vertical" initialValues={{ date: dayjs() }} name="step-form">
        <Form.Item name="date" label={dateLabel} rules={[{ required: true, message: `请选择${dateLabel}` }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabled} />
        </Form.Item>
        {children}
        {noteLabel && (
          <Form.Item name="note" label={noteLabel} rules={[{ max: FLOATING_NOTE_MAX }]}>
            <Input.TextArea rows={3} maxLength={FLOATING_NOTE_MAX} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export const dayOf = (d: Dayjs) => d.format('YYYY-MM-DD');
