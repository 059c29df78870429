import { PASSWORD_MAX, PASSWORD_RULE_HINT, type Me } from '@jiceng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, NoticeBar, Toast } from 'antd-mobile';
import { logout, meKey } from '../api/auth.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf } from '../api/errors.ts';
import { confirmPasswordRules, newPasswordRules } from '../shared/passwordRules.ts';
import { BackBar } from './BackBar.tsx';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = new Set(['oldPassword', 'newPassword']);

/**
 * 修改密码 on the phone: from 我的, and the only screen while the account must change a temporary
 * password (the server refuses everything else until then). The server's message is shown as a
 * toast and under the field it concerns.
 */
export function PasswordScreen({ me, onBack }: { me: Me; onBack?: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();
  const mutation = useMutation({
    mutationFn: (v: PasswordForm) => api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onError: (e) =>
      form.setFields(
        fieldErrorsOf(e)
          .filter((f) => FIELDS.has(f.field))
          .map((f) => ({ name: f.field, errors: [f.message] })),
      ),
    onSuccess: async () => {
      Toast.show({ icon: 'success', content: '密码已修改，其他设备上的登录已退出' });
      form.resetFields();
      await qc.invalidateQueries({ queryKey: meKey });
      onBack?.();
    },
  });
  return (
    <>
      <BackBar title="修改密码" onBack={onBack} />
      {me.mustChangePassword && <NoticeBar color="alert" wrap content="为了账号安全，首次登录或密码被管理员重置后，请先修改密码再使用其他功能" />}
      <div className="h5-section">
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: PasswordForm) => mutation.mutate(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={mutation.isPending}>
              确认修改
            </Button>
          }
        >
          <Form.Item
            name="oldPassword"
            label={me.mustChangePassword ? '原密码（初始密码或管理员重置的密码）' : '原密码'}
            rules={[{ required: true, message: '请输入原密码' }]}
          >
            <Input type="password" maxLength={PASSWORD_MAX} autoComplete="current-password" placeholder="请输入原密码" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" description={PASSWORD_RULE_HINT} rules={newPasswordRules}>
            <Input type="password" maxLength={PASSWORD_MAX} autoComplete="new-password" placeholder="请输入新密码" />
          </Form.Item>
          <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={confirmPasswordRules}>
            <Input type="password" maxLength={PASSWORD_MAX} autoComplete="new-password" placeholder="请再次输入新密码" />
          </Form.Item>
        </Form>
      </div>
      {me.mustChangePassword && (
        <div style={{ margin: 12, paddingBottom: 24 }}>
          <Button block size="large" onClick={() => void logout(qc)}>
            退出登录
          </Button>
        </div>
      )}
    </>
  );
}
