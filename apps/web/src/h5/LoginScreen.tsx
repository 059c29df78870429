import { PASSWORD_MAX, USERNAME_MAX } from '@jiceng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List } from 'antd-mobile';
import { login, resetSession } from '../api/auth.ts';
import { LargeTextItem } from './largeText.tsx';

interface LoginForm {
  username: string;
  password: string;
}

/** Phone login; the server's message is shown as a toast. */
export function LoginScreen() {
  const qc = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: LoginForm) => login(v.username.trim(), v.password),
    onSuccess: (me) => resetSession(qc, me),
  });
  return (
    <>
      <div className="h5-hero" style={{ paddingBottom: 48 }}>
        <div style={{ fontSize: 34, lineHeight: 1 }}>☭</div>
        <h1 style={{ marginTop: 10 }}>基层党建</h1>
        <p>党员、群众、网格员登录</p>
      </div>
      <div className="h5-section" style={{ marginTop: -24, background: '#fff' }}>
        <Form
          layout="horizontal"
          onFinish={(v: LoginForm) => mutation.mutate(v)}
          footer={<Button block type="submit" color="primary" size="large" loading={mutation.isPending}>登录</Button>}
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input placeholder="请输入用户名" maxLength={USERNAME_MAX} clearable autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input placeholder="请输入密码" type="password" maxLength={PASSWORD_MAX} autoComplete="current-password" />
          </Form.Item>
        </Form>
      </div>
      <div className="h5-section">
        <List>
          <LargeTextItem />
        </List>
      </div>
      <p className="h5-note">忘记密码请联系所在党组织或社区重置</p>
    </>
  );
}
