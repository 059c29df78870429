import { Permission, type Me } from '@jiceng/contracts';
import { SafeArea, TabBar } from 'antd-mobile';
import { useEffect, useState, type ReactNode } from 'react';
import { AppraisalScreen } from './AppraisalScreen.tsx';
import { DuesScreen } from './DuesScreen.tsx';
import { MeetingsScreen } from './MeetingsScreen.tsx';
import { MEETINGS_HASH, signinTokenOf } from './meetingsApi.ts';
import { ORDERS_HASH, useMyOrders } from './ordersApi.ts';
import { OrdersScreen } from './OrdersScreen.tsx';
import { SigninScreen } from './SigninScreen.tsx';
import { MineScreen } from './MineScreen.tsx';
import { ProfileScreen } from './ProfileScreen.tsx';
import { TransferScreen } from './TransferScreen.tsx';
import { TrainingScreen } from './TrainingScreen.tsx';
import { WishWallScreen } from './WishWallScreen.tsx';

/** Line icons drawn inline (the icon package is not a declared dependency of the web app). */
const Icon = ({ d }: { d: string }) => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
  >
    <path d={d} />
  </svg>
);
const FILE = 'M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7';
const MEDAL = 'M8 3h8l-2 6h-4z M12 21a6 6 0 1 0 0-12 6 6 0 0 0 0 12z M12 12.5l1 2 2 .3-1.5 1.4.4 2.1-1.9-1-1.9 1 .4-2.1L9 14.8l2-.3z';
const SWAP = 'M4 8h14 M14 4l4 4-4 4 M20 16H6 M10 12l-4 4 4 4';
const CALENDAR = 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5 M8 14h3';
const BOOK = 'M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z M4 21a2 2 0 0 1 2-2h13v2H6 M9 7h6';
const GIFT = 'M4 10h16v11H4z M3 7h18v3H3z M12 7v14 M12 7c-2-4-6-3-5 0 M12 7c2-4 6-3 5 0';
const USER = 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4 4-6 8-6s8 2 8 6';
const CLIPBOARD = 'M9 4h6v3H9z M7 5H5v16h14V5h-2 M8 12l2.5 2.5L16 9';
const WALLET = 'M4 7h15v13H4z M4 7l11-4 2 4 M15 12h4v4h-4z';

interface MemberTab {
  key: string;
  title: string;
  icon: ReactNode;
  screen: (me: Me) => ReactNode;
  /** Shown only to accounts holding it. */
  permission?: string;
}

/** 我的工单 for accounts that handle 群众诉求; a 党员 sees it only once an order has come their way (their bar is full). */
const ORDERS_TAB: MemberTab = {
  key: 'orders',
  title: '我的工单',
  icon: <Icon d={CLIPBOARD} />,
  screen: () => <OrdersScreen />,
  permission: Permission.SERVICE_HANDLE,
};

/** The 党员's tabs, in order; 我的 (to-dos, notifications, logout) stays last. */
const TABS: MemberTab[] = [
  { key: 'profile', title: '我的档案', icon: <Icon d={FILE} />, screen: () => <ProfileScreen /> },
  { key: 'transfers', title: '我的转接', icon: <Icon d={SWAP} />, screen: () => <TransferScreen /> },
  { key: 'appraisals', title: '我的评议', icon: <Icon d={MEDAL} />, screen: () => <AppraisalScreen /> },
  { key: 'meetings', title: '我的会议', icon: <Icon d={CALENDAR} />, screen: () => <MeetingsScreen /> },
  { key: 'training', title: '我的学时', icon: <Icon d={BOOK} />, screen: () => <TrainingScreen /> },
  { key: 'dues', title: '我的党费', icon: <Icon d={WALLET} />, screen: () => <DuesScreen /> },
  { key: 'wishes', title: '微心愿', icon: <Icon d={GIFT} />, screen: () => <WishWallScreen />, permission: Permission.WISH_CLAIM },
  { key: 'mine', title: '我的', icon: <Icon d={USER} />, screen: (me) => <MineScreen me={me} /> },
];

/** The tab a hash opens. */
const tabOfHash = (hash: string): string | null => (hash.startsWith(MEETINGS_HASH) ? 'meetings' : hash.startsWith(ORDERS_HASH) ? 'orders' : null);

/**
 * A 党员 account's H5 page: the screens above a fixed bottom tab bar. A grid worker (no 党员 record
 * of their own) gets 我的工单 and 我的.
 */
export function MemberTabs({ me }: { me: Me }) {
  // a notice's link (#/meetings) opens 我的会议; a QR link (#/signin?t=…) signs in, also right after login
  const [hash, setHash] = useState(() => window.location.hash);
  const member = me.permissions.includes(Permission.MEMBER_SELF);
  const handles = me.permissions.includes(Permission.SERVICE_HANDLE);
  const orders = useMyOrders(handles && member);
  const [active, setActive] = useState(tabOfHash(hash) ?? (member ? TABS[0]!.key : ORDERS_TAB.key));
  useEffect(() => {
    const onHash = () => {
      setHash(window.location.hash);
      const tab = tabOfHash(window.location.hash);
      if (tab) setActive(tab);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const token = signinTokenOf(hash);
  const showOrders = handles && (!member || active === ORDERS_TAB.key || (orders.data?.total ?? 0) > 0);
  const all = member ? [...TABS.slice(0, -1), ...(showOrders ? [ORDERS_TAB] : []), TABS[TABS.length - 1]!] : [ORDERS_TAB, TABS[TABS.length - 1]!];
  const tabs = all.filter((t) => !t.permission || me.permissions.includes(t.permission));
  const tab = tabs.find((t) => t.key === active) ?? tabs[0]!;
  const leaveSignin = () => {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${MEETINGS_HASH}`);
    setHash(MEETINGS_HASH);
    setActive('meetings');
  };
  return (
    <>
      <div className="h5-tabbar-room">{token ? <SigninScreen key={token} token={token} onBack={leaveSignin} /> : tab.screen(me)}</div>
      <div style={{ position: 'fixed', left: 0, right: 0, bottom: 0, background: '#fff', borderTop: '1px solid #eee', zIndex: 10 }}>
        <TabBar
          activeKey={token ? null : active}
          onChange={(key) => {
            if (token) leaveSignin();
            setActive(key);
          }}
        >
          {tabs.map((t) => (
            <TabBar.Item key={t.key} icon={t.icon} title={t.title} />
          ))}
        </TabBar>
        <SafeArea position="bottom" />
      </div>
    </>
  );
}
