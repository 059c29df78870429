import { Button, ErrorBlock, List, SpinLoading } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { LargeTextItem } from './largeText.tsx';
import {
  rememberedResidentScreen,
  rememberResidentScreen,
  residentLoginHash,
  RESIDENT_HASH,
  RESIDENT_LOGIN_HASH,
  RESIDENT_REQUESTS_HASH,
  RESIDENT_SUBMIT_HASH,
  useMyRequests,
  useResidentLogout,
  useResidentMe,
} from './residentApi.ts';
import { ResidentLoginScreen } from './ResidentLoginScreen.tsx';
import { MyRequestsScreen, RequestDetailScreen } from './ResidentRequestScreens.tsx';
import { SubmitRequestScreen } from './ResidentSubmitScreen.tsx';
import { ResidentWishScreen } from './ResidentWishScreen.tsx';
import { RESIDENT_WISHES_HASH } from './wishesApi.ts';
import './service.css';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => {
      setHash(window.location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** Where login goes back to: `?next=` (a resident screen), else the screen last shown in this tab, else the home. */
function nextOf(hash: string): string {
  const query = hash.split('?')[1] ?? '';
  const next = new URLSearchParams(query).get('next');
  if (next?.startsWith(RESIDENT_HASH) && !next.startsWith(RESIDENT_LOGIN_HASH)) return next;
  const from = rememberedResidentScreen();
  return from?.startsWith(RESIDENT_HASH) && !from.startsWith(RESIDENT_LOGIN_HASH) ? from : RESIDENT_HASH;
}

/** 群众 home (`h5.html#/resident`): 我要反映, 我的诉求, 微心愿; login or the resident's number and 退出. */
function ResidentHome() {
  const me = useResidentMe();
  const logout = useResidentLogout();
  const list = useMyRequests(!!me.data);
  const open = list.data?.filter((r) => !['closed', 'rejected', 'withdrawn'].includes(r.state)).length ?? 0;
  return (
    <>
      <div className="h5-hero">
        <h1>群众服务</h1>
        <p>{me.data ? `${me.data.name ?? '您好'}（${me.data.phone}）` : '有事您说话，社区和党员来办'}</p>
      </div>
      <nav className="h5-entry-grid" aria-label="群众服务">
        <a className="h5-entry" href={RESIDENT_SUBMIT_HASH}>
          我要反映
          <small>求助、咨询、投诉、建议</small>
        </a>
        <a className="h5-entry" href={RESIDENT_REQUESTS_HASH}>
          我的诉求
          <small>{me.data && list.data ? `办理中 ${open} 件` : '进度和评价'}</small>
        </a>
        <a className="h5-entry" href={RESIDENT_WISHES_HASH}>
          微心愿
          <small>党员帮您圆心愿</small>
        </a>
      </nav>
      {me.data === null && (
        <div style={{ padding: '0 16px' }}>
          <Button
            block
            color="primary"
            size="large"
            onClick={() => {
              window.location.hash = residentLoginHash(RESIDENT_HASH);
            }}
          >
            手机号登录
          </Button>
        </div>
      )}
      <div className="h5-section">
        <List>
          <LargeTextItem />
          {me.data && (
            <List.Item clickable onClick={() => logout.mutate()}>
              退出登录
            </List.Item>
          )}
        </List>
      </div>
    </>
  );
}

/**
 * The resident's part of the phone page, on the resident session alone (no account): the home,
 * login, 我要反映, 我的诉求 and a request, and the 微心愿 screen. Screens that need the session send
 * a resident without one to login, and login brings them back.
 */
export function ResidentApp() {
  const hash = useHash();
  const me = useResidentMe();
  const path = hash.split('?')[0] ?? '';
  const isLogin = path === RESIDENT_LOGIN_HASH;
  const open = path === RESIDENT_HASH || path === `${RESIDENT_HASH}/` || isLogin || path.startsWith(RESIDENT_WISHES_HASH);
  useEffect(() => {
    if (!isLogin) rememberResidentScreen(hash);
  }, [hash, isLogin]);
  const needsLogin = !open && me.data === null;
  useEffect(() => {
    if (needsLogin) window.location.replace(residentLoginHash(hash));
  }, [needsLogin, hash]);

  if (path.startsWith(RESIDENT_WISHES_HASH)) return <ResidentWishScreen />;
  if (isLogin) {
    // already logged in (a second tab, the back button): straight on
    if (me.data) return <Redirect to={nextOf(hash)} />;
    return <ResidentLoginScreen onDone={() => window.location.replace(nextOf(hash))} />;
  }
  if (open) return <ResidentHome />;
  if (me.isPending || needsLogin)
    return (
      <div style={{ paddingTop: 120, display: 'flex', justifyContent: 'center' }}>
        <SpinLoading color="primary" />
      </div>
    );
  if (me.isError) return <ErrorBlock status="disconnected" title="无法连接服务器" description="请检查网络后重试" />;
  if (path === RESIDENT_SUBMIT_HASH) return <SubmitRequestScreen />;
  if (path === RESIDENT_REQUESTS_HASH) return <MyRequestsScreen />;
  const id = path.startsWith(`${RESIDENT_REQUESTS_HASH}/`) ? path.slice(RESIDENT_REQUESTS_HASH.length + 1) : null;
  if (id) return <RequestDetailScreen key={id} id={id} />;
  return <Redirect to={RESIDENT_HASH} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => window.location.replace(to), [to]);
  return null;
}
