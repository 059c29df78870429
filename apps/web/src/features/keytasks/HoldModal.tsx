import { KT_TEXT_MAX, type KtReviewDetail } from '@jiceng/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useHoldReview } from './api.ts';
import { toHoldInput } from './form.ts';

interface HoldValues {
  attendees: string;
  minutes: string;
}

/** 召开并形成纪要: who attended and the minutes; the decisions then take effect and each task's lead gets a to-do. */
export function HoldModal({ review: r, onClose }: { review: KtReviewDetail; onClose: () => void }) {
  const [form] = Form.useForm<HoldValues>();
  const hold = useHoldReview(r.id);
  const undecided = r.items.filter((i) => i.needsDecision && !i.decision).length;
  const submit = async () => {
    const v = await form.validateFields();
    hold.mutate(toHoldInput(v, r.version), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess(`「${r.title}」已召开，决定已下达各牵头单位`);
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={`召开调度会：${r.title}`}
      width={720}
      okText="确认召开"
      confirmLoading={hold.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type={undecided ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={undecided ? `还有 ${undecided} 项需决定的任务没有作出决定` : '召开后决定生效，调整目标或时限的决定写入任务，牵头单位收到待办。'}
      />
      <Form<HoldValues> form={form} layout="vertical" name="kt-hold">
        <Form.Item name="attendees" label="参会人员" rules={[{ required: true, whitespace: true, message: '请填写参会人员' }]}>
          <Input.TextArea rows={2} maxLength={KT_TEXT_MAX} />
        </Form.Item>
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, whitespace: true, message: '请填写会议纪要' }]}>
          <Input.TextArea rows={8} maxLength={KT_TEXT_MAX * 2} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
