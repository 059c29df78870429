import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import LoginPage from '../features/login/LoginPage.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { appRoutes } from '../routes.tsx';
import { registerNotifier } from '../shared/feedback.ts';
import { PageLoading } from '../shared/PageLoading.tsx';
import { createQueryClient } from './queryClient.ts';
import { RequireAuth, useMe } from './RequireAuth.tsx';
import { hasPermission } from '../api/auth.ts';
import { theme } from './theme.ts';

function FeedbackBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => registerNotifier({ error: (t) => void message.error(t), success: (t) => void message.success(t) }), [message]);
  return null;
}

function Guarded({ permission, children }: { permission: string | readonly string[] | null; children: ReactNode }) {
  const me = useMe();
  if (!hasPermission(me, permission)) return <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限，如需开通请联系上级管理员" />;
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** The admin app: theme and locale, data cache, and the routes table behind the login guard. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                {appRoutes.map((r) => (
                  <Route key={r.path} path={r.path} element={<Guarded permission={r.permission}>{r.element}</Guarded>} />
                ))}
                <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从左侧菜单选择要办理的事项" />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
