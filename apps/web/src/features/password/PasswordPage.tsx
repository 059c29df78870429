import { PASSWORD_MAX, PASSWORD_RULE_HINT } from '@jiceng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { meKey } from '../../api/auth.ts';
import { api } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { confirmPasswordRules, newPasswordRules } from '../../shared/passwordRules.ts';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const mutation = useMutation({
    mutationFn: (v: PasswordForm) => api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onError: (e) => applyFieldErrors(form, e),
    onSuccess: async () => {
      showSuccess('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      await qc.invalidateQueries({ queryKey: meKey });
      navigate('/');
    },
  });
  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="为了账号安全，首次登录或密码被重置后，请先修改密码再使用系统。" />
      )}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password maxLength={PASSWORD_MAX} autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={PASSWORD_RULE_HINT} rules={newPasswordRules}>
          <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={confirmPasswordRules}>
          <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
