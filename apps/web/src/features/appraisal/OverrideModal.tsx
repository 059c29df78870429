import { APPRAISAL_OVERRIDE_REASON_MAX, APPRAISAL_OVERRIDE_REASON_MIN } from '@jiceng/contracts';
import { Alert, Form, Input, Modal } from 'antd';

/**
 * Asked when the server refuses a save because 优秀 would exceed one third: shows its message and
 * takes the reason that goes with the grades into the record and the audit log.
 */
export function OverrideModal({ message, saving, onSubmit, onCancel }: { message: string; saving: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => onSubmit((await form.validateFields()).reason.trim());
  return (
    <Modal open title="优秀等次超过三分之一" okText="说明理由并保存" confirmLoading={saving} onOk={() => void submit().catch(() => undefined)} onCancel={onCancel} destroyOnHidden>
      <Alert type="warning" showIcon message={message} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="超出理由"
          extra="理由将记入评议记录和操作日志"
          rules={[{ required: true, whitespace: true, min: APPRAISAL_OVERRIDE_REASON_MIN, message: `请填写理由（至少 ${APPRAISAL_OVERRIDE_REASON_MIN} 个字）` }]}
        >
          <Input.TextArea rows={3} maxLength={APPRAISAL_OVERRIDE_REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
