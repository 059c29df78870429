import { REASON_MAX, type ApplicantDetail } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useStopApplicant } from './api.ts';

interface StopValues {
  reason: string;
  date: Dayjs;
}

/** 终止培养: the branch's decision with its reason and day; the path ends (the record stays in the 名册 under 已终止). */
export function StopModal({ detail, onClose }: { detail: ApplicantDetail; onClose: () => void }) {
  const [form] = Form.useForm<StopValues>();
  const stop = useStopApplicant(detail.id);
  const submit = async () => {
    const v = await form.validateFields();
    stop.mutate(
      { reason: v.reason.trim(), date: v.date.format('YYYY-MM-DD'), version: detail.version },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: () => {
          showSuccess(`已终止对「${detail.name}」的培养`);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={`终止培养：${detail.name}`}
      okText="终止培养"
      okButtonProps={{ danger: true }}
      confirmLoading={stop.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="终止后不能再办理发展步骤，如需继续须重新递交入党申请。" />
      <Form<StopValues> form={form} layout="vertical" name="dev-stop" initialValues={{ date: dayjs() }}>
        <Form.Item name="reason" label="终止培养原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写终止培养的原因（至少2个字）' }]}>
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
        <Form.Item name="date" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker style={{ width: 220 }} allowClear={false} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
