import { KT_REASON_MAX, KT_TEXT_MAX, type KtReviewItem } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useDecide } from './api.ts';
import { chosen, toDecisionInput, type DecisionFormValues } from './form.ts';
import { DECISION_OPTIONS } from './labels.tsx';

const initial = (i: KtReviewItem): Partial<DecisionFormValues> =>
  i.decision
    ? {
        kind: i.decision.kind,
        text: i.decision.text,
        newTarget: i.decision.newTarget ?? i.target,
        newDeadline: dayjs(i.decision.newDeadline ?? i.deadline),
      }
    : { kind: i.needsDecision ? undefined : 'continue', newTarget: i.target, newDeadline: dayjs(i.deadline) };

/**
 * The 调度会's decision on one task (while the meeting is 准备中): 按计划推进, 调整推进目标 (the new
 * target), 调整完成时限 (the new deadline), 协调支持 or 提级督办, with what was decided. It takes
 * effect when the meeting is held.
 */
export function DecisionModal({ reviewId, item, onClose }: { reviewId: string; item: KtReviewItem; onClose: () => void }) {
  const [form] = Form.useForm<DecisionFormValues>();
  const decide = useDecide(reviewId);
  const kind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await form.validateFields();
    decide.mutate(
      { taskId: item.taskId, ...toDecisionInput(v) },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: () => {
          showSuccess(`已记录对「${item.title}」的决定`);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={`调度决定：${item.no}. ${item.title}`}
      width={640}
      okText="保存决定"
      confirmLoading={decide.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {item.needsDecision && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="该任务滞后，需要调度会作出决定" />}
      <Form<DecisionFormValues> form={form} layout="vertical" name="kt-decision" initialValues={initial(item)}>
        <Form.Item name="kind" label="决定" rules={[chosen('请选择决定')]}>
          <Select options={DECISION_OPTIONS} placeholder="请选择" />
        </Form.Item>
        {kind === 'new_target' && (
          <Form.Item name="newTarget" label="新的推进目标" rules={[{ required: true, whitespace: true, message: '请填写新的推进目标' }]}>
            <Input.TextArea rows={3} maxLength={KT_TEXT_MAX} />
          </Form.Item>
        )}
        {kind === 'new_deadline' && (
          <Form.Item name="newDeadline" label="新的完成时限" rules={[{ required: true, message: '请选择新的完成时限' }]}>
            <DatePicker style={{ width: 220 }} allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="text" label="决定内容" rules={[{ required: true, whitespace: true, message: '请填写决定内容' }]}>
          <Input.TextArea rows={4} maxLength={KT_REASON_MAX} showCount placeholder="如：由街道协调区住建局支持，6月底前完成" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
