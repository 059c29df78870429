import { PAGE_SIZE_MAX, Permission, todoSeverityLabel, type Me, type TodoSeverity } from '@jiceng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasPermission, logout } from '../api/auth.ts';
import { useMarkRead, useNotifications } from '../api/notifications.ts';
import { useTodoPage } from '../api/todos.ts';
import { LargeTextItem } from './largeText.tsx';
import { MessagesScreen } from './MessagesScreen.tsx';
import { phoneLinkOf } from './ordersApi.ts';
import { PasswordScreen } from './PasswordScreen.tsx';
import { DoubleReportScreen } from './DoubleReportScreen.tsx';

const TODO_STEP = 20;
/** 已逾期 danger, 即将到期 warning, 待办 primary; a warning (预警, 待完善) stays neutral. */
const TAG_COLOR: Record<TodoSeverity, 'danger' | 'warning' | 'primary' | 'default'> = {
  overdue: 'danger',
  due_soon: 'warning',
  open: 'primary',
  alert: 'default',
  incomplete: 'default',
};

/** 我的: the account, its 待办 (the most pressing first, more on demand) and its notifications, a 党员's 双报告, 修改密码 and logout. */
export function MineScreen({ me }: { me: Me }) {
  const qc = useQueryClient();
  const [changingPassword, setChangingPassword] = useState(false);
  const [readingMessages, setReadingMessages] = useState(false);
  const [readingReports, setReadingReports] = useState(false);
  const [shown, setShown] = useState(TODO_STEP);
  const todos = useTodoPage({ page: 1, pageSize: shown }, hasPermission(me, Permission.TODO_READ));
  const notes = useNotifications();
  const markRead = useMarkRead();
  const todoList = todos.data?.items ?? [];
  const todoTotal = todos.data?.total ?? 0;
  const noteList = notes.data?.items ?? [];

  if (changingPassword) return <PasswordScreen me={me} onBack={() => setChangingPassword(false)} />;
  if (readingReports) return <DoubleReportScreen onBack={() => setReadingReports(false)} />;
  if (readingMessages)
    return (
      <MessagesScreen
        onBack={() => setReadingMessages(false)}
        onOpenLink={(notice) => {
          const link = phoneLinkOf(notice);
          setReadingMessages(false);
          const sameHash = link === `${window.location.pathname}${window.location.hash}`;
          window.location.assign(link);
          // the same hash again fires no hashchange: tell the tabs, so the notice still opens its screen
          if (sameHash) window.dispatchEvent(new HashChangeEvent('hashchange'));
        }}
      />
    );
  return (
    <>
      <div className="h5-hero">
        <h1>{me.displayName}</h1>
        <p>
          {me.roleLabel} · {me.orgName}
        </p>
      </div>
      <div className="h5-section">
        <List header={`我的待办（${todoTotal}）`}>
          {todoList.length === 0 && <Empty description="暂无待办" style={{ padding: 16 }} />}
          {todoList.map((t) => (
            <List.Item
              key={t.key}
              onClick={() => window.location.assign(phoneLinkOf(t.link))}
              description={
                <>
                  {t.detail}
                  {t.dueDate && <div>截止：{t.dueDate}</div>}
                </>
              }
              prefix={<Tag color={TAG_COLOR[t.severity]}>{todoSeverityLabel[t.severity]}</Tag>}
            >
              {t.title}
            </List.Item>
          ))}
          {todoTotal > todoList.length &&
            (shown < PAGE_SIZE_MAX ? (
              <List.Item onClick={() => setShown(Math.min(shown + TODO_STEP, PAGE_SIZE_MAX))} style={{ textAlign: 'center' }}>
                {todos.isFetching ? '加载中…' : `还有 ${todoTotal - todoList.length} 项，点击加载更多`}
              </List.Item>
            ) : (
              <List.Item style={{ textAlign: 'center' }}>还有 {todoTotal - todoList.length} 项，请在电脑上登录后到工作台查看</List.Item>
            ))}
        </List>
      </div>
      <div className="h5-section">
        <List header={`通知（未读 ${notes.data?.unread ?? 0}）`}>
          {noteList.length === 0 && <Empty description="暂无通知" style={{ padding: 16 }} />}
          <List.Item onClick={() => setReadingMessages(true)} arrowIcon>
            消息（全部 {noteList.length} 条，未读 {notes.data?.unread ?? 0} 条）
          </List.Item>
          {noteList.slice(0, 20).map((n) => (
            <List.Item
              key={n.id}
              onClick={() => !n.readAt && markRead.mutate(n.id)}
              description={
                <>
                  {n.body}
                  <div>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</div>
                </>
              }
            >
              <Badge content={n.readAt ? null : Badge.dot} style={{ '--right': '-8px' }}>
                {n.title}
              </Badge>
            </List.Item>
          ))}
        </List>
      </div>
      {hasPermission(me, Permission.MEMBER_SELF) && (
        <div className="h5-section">
          <List header="双报到">
            <List.Item onClick={() => setReadingReports(true)} arrowIcon>
              我的双报告
            </List.Item>
          </List>
        </div>
      )}
      <div className="h5-section">
        <List header="阅读设置">
          <LargeTextItem />
        </List>
      </div>
      <div className="h5-section">
        <List header="账号安全">
          <List.Item onClick={() => setChangingPassword(true)}>修改密码</List.Item>
        </List>
      </div>
      <div style={{ margin: 12, paddingBottom: 24 }}>
        <Button block size="large" onClick={() => void logout(qc)}>
          退出登录
        </Button>
      </div>
    </>
  );
}
