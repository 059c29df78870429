import { KT_REASON_MAX, KT_TEXT_MAX, type KtTaskDetail } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useChangeTask } from './api.ts';
import { toChangeInput, type ChangeFormValues } from './form.ts';

/** 调整目标或时限 of a published task: the new 推进目标 and/or 完成时限, with the decision (会议决定或批示) that made it. */
export function ChangeModal({ task: t, onClose }: { task: KtTaskDetail; onClose: () => void }) {
  const [form] = Form.useForm<ChangeFormValues>();
  const change = useChangeTask(t.id);
  const [unchanged, setUnchanged] = useState(false);
  const submit = async () => {
    const input = toChangeInput(await form.validateFields(), t);
    setUnchanged(!input);
    if (!input) return;
    change.mutate(input, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess('已调整，调整记录见“调整记录”');
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={`调整目标或时限：${t.title}`}
      width={640}
      okText="调整"
      confirmLoading={change.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {unchanged && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="推进目标和完成时限都没有改变" />}
      <Form<ChangeFormValues> form={form} layout="vertical" name="kt-change" initialValues={{ target: t.target, deadline: dayjs(t.deadline) }}>
        <Form.Item name="target" label="推进目标">
          <Input.TextArea rows={3} maxLength={KT_TEXT_MAX} />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限">
          <DatePicker style={{ width: 220 }} allowClear={false} />
        </Form.Item>
        <Form.Item name="decision" label="调整依据（会议决定或批示）" rules={[{ required: true, whitespace: true, message: '请填写调整依据' }]}>
          <Input.TextArea rows={3} maxLength={KT_REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
