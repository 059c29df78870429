import { Permission, type Me } from '@jiceng/contracts';
import { SafeArea, TabBar } from 'antd-mobile';
import { useEffect, useState, type ReactNode } from 'react';
import { AppraisalScreen } from './AppraisalScreen.tsx';
import { MeetingsScreen } from './MeetingsScreen.tsx';
import { MEETINGS_HASH, signinTokenOf } from './meetingsApi.ts';
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

interface MemberTab {
  key: string;
  title: string;
  icon: ReactNode;
  screen: (me: Me) => ReactNode;
  /** Shown only to accounts holding it. */
  permission?: string;
}

/** The 党员's tabs, in order; 我的 (to-dos, notifications, logout) stays last. */
const TABS: MemberTab[] = [
  { key: 'profile', title: '我的档案', icon: <Icon d={FILE} />, screen: () => <ProfileScreen /> },
  { key: 'transfers', title: '我的转接', icon: <Icon d={SWAP} />, screen: () => <TransferScreen /> },
  { key: 'appraisals', title: '我的评议', icon: <Icon d={MEDAL} />, screen: () => <AppraisalScreen /> },
  { key: 'meetings', title: '我的会议', icon: <Icon d={CALENDAR} />, screen: () => <MeetingsScreen /> },
  { key: 'training', title: '我的学时', icon: <Icon d={BOOK} />, screen: () => <TrainingScreen /> },
  { key: 'wishes', title: '微心愿', icon: <Icon d={GIFT} />, screen: () => <WishWallScreen />, permission: Permission.WISH_CLAIM },
  { key: 'mine', title: '我的', icon: <Icon d={USER} />, screen: (me) => <MineScreen me={me} /> },
];

/** A 党员 account's H5 page: the screens above a fixed bottom tab bar. */
export function MemberTabs({ me }: { me: Me }) {
  // a notice's link (#/meetings) opens 我的会议; a QR link (#/signin?t=…) signs in, also right after login
  const [hash, setHash] = useState(() => window.location.hash);
  const [active, setActive] = useState(hash.startsWith(MEETINGS_HASH) ? 'meetings' : TABS[0]!.key);
  useEffect(() => {
    const onHash = () => {
      setHash(window.location.hash);
      if (window.location.hash.startsWith(MEETINGS_HASH)) setActive('meetings');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const token = signinTokenOf(hash);
  const tabs = TABS.filter((t) => !t.permission || me.permissions.includes(t.permission));
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
