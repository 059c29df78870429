import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, ErrorBlock, SpinLoading, Toast } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Permission } from '@jiceng/contracts';
import { useEffect, useState } from 'react';
import { hasPermission, useMeQuery } from '../api/auth.ts';
import { createQueryClient } from '../app/queryClient.ts';
import { registerNotifier } from '../shared/feedback.ts';
import { DemoBanner } from './DemoBanner.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { MemberTabs } from './MemberTabs.tsx';
import { MineScreen } from './MineScreen.tsx';
import { PasswordScreen } from './PasswordScreen.tsx';
import { ResidentApp } from './ResidentApp.tsx';
import { RESIDENT_HASH } from './residentApi.ts';

registerNotifier({
  error: (content) => Toast.show({ icon: 'fail', content }),
  success: (content) => Toast.show({ icon: 'success', content }),
});

const isResidentHash = (hash: string) => hash === RESIDENT_HASH || hash.startsWith(`${RESIDENT_HASH}/`) || hash.startsWith(`${RESIDENT_HASH}?`);

function Screen() {
  // 群众 (residents) have no account: their screens (群众诉求, 微心愿) run on the resident session alone
  const [resident, setResident] = useState(() => isResidentHash(window.location.hash));
  useEffect(() => {
    const on = () => setResident(isResidentHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return resident ? <ResidentApp /> : <AccountScreen />;
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
      {me.mustChangePassword ? (
        <PasswordScreen me={me} />
      ) : hasPermission(me, Permission.MEMBER_SELF) || hasPermission(me, Permission.SERVICE_HANDLE) ? (
        <MemberTabs me={me} />
      ) : (
        <MineScreen me={me} />
      )}
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
