import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { PASSWORD_MAX, USERNAME_MAX } from '@jiceng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { login, resetSession, useMeQuery } from '../../api/auth.ts';
import { messageOf, retryAfterOf } from '../../api/errors.ts';
import { belongsOnPhone, goToPhonePages, phoneLandingOf } from '../../app/landing.ts';

interface LoginForm {
  username: string;
  password: string;
}

/** Only paths inside the app, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Seconds left of a throttled login's wait (0 when none), ticking down; the server decides the wait
 * and refuses earlier attempts itself, this only spares the user a pointless click.
 */
function useWait(error: unknown): number {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const s = retryAfterOf(error);
    if (!s) return;
    setNow(Date.now());
    setUntil(Date.now() + s * 1000);
  }, [error]);
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export default function LoginPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const loggedOut = (useLocation().state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const { data: current } = useMeQuery();
  const mutation = useMutation({
    mutationFn: (v: LoginForm) => login(v.username.trim(), v.password),
    // The error is shown inside the card; no extra toast.
    meta: { silent: true },
    onSuccess: (me) => {
      resetSession(qc, me);
      if (belongsOnPhone(me)) return goToPhonePages();
      // a 网格员 logging in lands on 我的工单 on the phone pages, unless sent here from a desktop page
      const phone = phoneLandingOf(me);
      if (phone && !me.mustChangePassword && !params.get('next')) return goToPhonePages(phone);
      navigate(me.mustChangePassword ? '/password' : safeNext(params.get('next')), { replace: true });
    },
  });
  const wait = useWait(mutation.error);
  const phone = !!current && belongsOnPhone(current) && !loggedOut;
  useEffect(() => {
    if (phone) goToPhonePages();
  }, [phone]);
  if (phone) return null;
  if (current && !loggedOut && !mutation.isPending) return <Navigate to={current.mustChangePassword ? '/password' : safeNext(params.get('next'))} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg, #8f0f15 0%, #c4161c 45%, #f4f5f7 45.1%)' }}>
      <div style={{ width: 400, maxWidth: '92vw' }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <div style={{ fontSize: 40, lineHeight: 1 }}>☭</div>
          <div style={{ fontSize: 26, fontWeight: 600, marginTop: 8, letterSpacing: 2 }}>基层党建工作平台</div>
          <div style={{ opacity: 0.85, marginTop: 4 }}>组织体系 · 治理体系 · 服务体系</div>
        </div>
        <Card style={{ boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
          <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>账号登录</Typography.Title>
          {mutation.isError && <Alert type="error" showIcon message={messageOf(mutation.error)} style={{ marginBottom: 16 }} />}
          <Form<LoginForm> layout="vertical" size="large" onFinish={(v) => mutation.mutate(v)} requiredMark={false}>
            <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} maxLength={USERNAME_MAX} autoComplete="username" placeholder="请输入用户名" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} maxLength={PASSWORD_MAX} autoComplete="current-password" placeholder="请输入密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={mutation.isPending} disabled={wait > 0}>
              {wait > 0 ? `请 ${wait} 秒后再试` : '登录'}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
            忘记密码请联系上级组织的管理员重置。党员、群众请在手机上打开 <a href="/h5.html">移动端</a>。
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
