import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, ErrorBlock, SpinLoading, Toast } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Permission } from '@jiceng/contracts';
import { useState } from 'react';
import { hasPermission, useMeQuery } from '../api/auth.ts';
import { createQueryClient } from '../app/queryClient.ts';
import { registerNotifier } from '../shared/feedback.ts';
import { DemoBanner } from './DemoBanner.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { MemberTabs } from './MemberTabs.tsx';
import { MineScreen } from './MineScreen.tsx';
import { PasswordScreen } from './PasswordScreen.tsx';
import { ResidentWishScreen } from './ResidentWishScreen.tsx';
import { RESIDENT_WISHES_HASH } from './wishesApi.ts';

registerNotifier({
  error: (content) => Toast.show({ icon: 'fail', content }),
  success: (content) => Toast.show({ icon: 'success', content }),
});

function Screen() {
  // 群众 (residents) have no account: their 微心愿 screen runs on the resident session alone
  if (window.location.hash.startsWith(RESIDENT_WISHES_HASH)) return <ResidentWishScreen />;
  return <AccountScreen />;
}

function AccountScreen() {
  const { data: me, isPending, isError } = useMeQuery();
  if (isPending)
    return (
      <div style={{ paddingTop: 120, display: 'flex', justifyContent: 'center' }}>
        <SpinLoading color="primary" />
      </div>
    );
  if (isError) return <ErrorBlock status="disconnected" title="无法连接服务器" description="请检查网络后下拉刷新" />;
  if (!me) return <LoginScreen />;
  return (
    <>
      {me.demo && <DemoBanner />}
      {/* A temporary password opens nothing else on the server, so nothing else is shown. */}
      {me.mustChangePassword ? <PasswordScreen me={me} /> : hasPermission(me, Permission.MEMBER_SELF) ? <MemberTabs me={me} /> : <MineScreen me={me} />}
    </>
  );
}

/** The phone page for members, residents and grid workers: login, then 我的. Later modules add tabs. */
export function H5App() {
  const [qc] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN}>
      <QueryClientProvider client={qc}>
        <Screen />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
