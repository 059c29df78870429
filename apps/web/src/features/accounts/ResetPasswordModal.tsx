import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE_HINT, type Account } from '@jiceng/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useResetPassword } from './api.ts';

/** 重置密码 (also lifts a lockout, where the deployment locks accounts). */
export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const submit = async () => {
    const { newPassword } = await form.validateFields();
    reset.mutate({ id: account.id, newPassword }, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess(`已重置「${account.displayName}」的密码，请将新密码告知使用人`);
        onClose();
      },
    });
  };
  return (
    <Modal open title={`重置密码：${account.displayName}（${account.username}）`} okText="重置" onOk={() => void submit().catch(() => undefined)} confirmLoading={reset.isPending} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="新密码是一个初始密码：请告知使用人，其下次登录时须先修改；账号如被锁定将同时解锁，已登录的会退出。" />
      <Form form={form} layout="vertical">
        <Form.Item name="newPassword" label="新密码" extra={PASSWORD_RULE_HINT} rules={[{ required: true, message: '请输入新密码' }, { min: PASSWORD_MIN, message: `密码至少 ${PASSWORD_MIN} 位` }]}>
          <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
