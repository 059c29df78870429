import type { Me } from '@jiceng/contracts';
import { Result, Spin } from 'antd';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useMeQuery } from '../api/auth.ts';
import { belongsOnPhone, goToPhonePages } from './landing.ts';

const MeContext = createContext<Me | null>(null);

/** The logged-in account; only inside <RequireAuth>. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

/**
 * Shows its children only to a logged-in account; otherwise goes to /login and comes back after.
 * An account that must change its password is kept on /password until it does. A 党员-only
 * account goes to the phone pages.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError } = useMeQuery();
  const location = useLocation();
  const phone = !!me && belongsOnPhone(me);
  useEffect(() => {
    if (phone) goToPhonePages();
  }, [phone]);
  if (isPending || phone) return <Spin size="large" fullscreen tip="正在加载…" />;
  if (isError) return <Result status="500" title="无法连接服务器" subTitle="请检查网络后刷新页面" />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}
