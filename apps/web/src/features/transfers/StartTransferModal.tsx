import { TRANSFER_NOTE_MAX } from '@jiceng/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useStartTransfer } from './api.ts';
import { MemberPicker, ReceiverPicker } from './pickers.tsx';

interface StartForm {
  memberId: string;
  toOrgId: string;
  reason?: string;
}

/** 发起转接: a member of the scope to any active branch of the region; the member stays until accepted. */
export function StartTransferModal({ memberId, onClose }: { memberId?: string; onClose: () => void }) {
  const [form] = Form.useForm<StartForm>();
  const start = useStartTransfer();

  const submit = async () => {
    const v = await form.validateFields();
    start.mutate(
      { memberId: v.memberId, toOrgId: v.toOrgId, reason: v.reason?.trim() || null },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: (t) => {
          showSuccess(`已发起转接：${t.memberName} → ${t.toOrgName}，待接收方办理`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal open title="发起转接" okText="发起转接" onOk={() => void submit().catch(() => undefined)} confirmLoading={start.isPending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="接收方党支部接收前，党员的组织关系仍在原党支部；接收后自动转入新党支部。转往本系统以外的党组织，请使用「开具介绍信」。" />
      <Form<StartForm> form={form} layout="vertical" initialValues={{ memberId }} name="start-transfer">
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请搜索并选择要转出的党员' }]}>
          <MemberPicker />
        </Form.Item>
        <Form.Item name="toOrgId" label="接收党支部" rules={[{ required: true, message: '请搜索并选择接收党支部' }]}>
          <ReceiverPicker />
        </Form.Item>
        <Form.Item name="reason" label="转接原因">
          <Input maxLength={TRANSFER_NOTE_MAX} placeholder="如：工作调动、居住地变更" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
