import { KT_TEXT_MAX, type KtTaskDetail } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAcceptTask } from './api.ts';
import { toAcceptInput, type AcceptFormValues } from './form.ts';

/**
 * 验收: the score against the 验收标准 and the opinion. A score at or above the pass score (rule set
 * kt-2026) accepts the task; below it the task returns to 已落实 with the opinion for its lead.
 */
export function AcceptModal({ task: t, onClose }: { task: KtTaskDetail; onClose: () => void }) {
  const [form] = Form.useForm<AcceptFormValues>();
  const accept = useAcceptTask(t.id);
  const submit = async () => {
    const v = await form.validateFields();
    accept.mutate(toAcceptInput(v, t.version), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (d) => {
        showSuccess(d.state === 'accepted' ? `「${t.title}」验收通过` : `「${t.title}」验收未通过，已退回牵头单位继续落实`);
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={`验收：${t.title}`}
      okText="提交验收"
      confirmLoading={accept.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="验收标准"
        description={<span style={{ whiteSpace: 'pre-wrap' }}>{t.acceptanceStandard}</span>}
      />
      <Form<AcceptFormValues> form={form} layout="vertical" name="kt-accept" initialValues={{ acceptedOn: dayjs() }}>
        <Form.Item name="score" label="验收得分" rules={[{ required: true, message: '请输入验收得分' }]} extra="达到合格分即验收通过，否则退回继续落实">
          <InputNumber min={0} max={100} precision={1} style={{ width: 160 }} addonAfter="分" />
        </Form.Item>
        <Form.Item name="opinion" label="验收意见" rules={[{ required: true, whitespace: true, message: '请填写验收意见' }]}>
          <Input.TextArea rows={4} maxLength={KT_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name="acceptedOn" label="验收日期" rules={[{ required: true, message: '请选择验收日期' }]}>
          <DatePicker style={{ width: 220 }} allowClear={false} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
