import { Permission, type Me } from '@jiceng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, NoticeBar, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasPermission, logout } from '../api/auth.ts';
import { useMarkRead, useNotifications, useTodos } from '../api/notifications.ts';
import { PasswordScreen } from './PasswordScreen.tsx';

/** 我的: the account, its 待办 and its notifications, 修改密码 and logout. */
export function MineScreen({ me }: { me: Me }) {
  const qc = useQueryClient();
  const [changingPassword, setChangingPassword] = useState(false);
  const todos = useTodos(hasPermission(me, Permission.TODO_READ));
  const notes = useNotifications();
  const markRead = useMarkRead();
  const todoList = todos.data ?? [];
  const noteList = notes.data?.items ?? [];

  if (changingPassword) return <PasswordScreen me={me} onBack={() => setChangingPassword(false)} />;
  return (
    <>
      {me.demo && <NoticeBar color="alert" wrap content="演示数据：本系统当前载入的是演示数据，请勿录入真实信息" />}
      <div className="h5-hero">
        <h1>{me.displayName}</h1>
        <p>{me.roleLabel} · {me.orgName}</p>
      </div>
      <div className="h5-section">
        <List header={`我的待办（${todoList.length}）`}>
          {todoList.length === 0 && <Empty description="暂无待办" style={{ padding: 16 }} />}
          {todoList.map((t) => (
            <List.Item
              key={t.key}
              onClick={() => window.location.assign(t.link)}
              description={<>{t.detail}{t.dueDate && <div>截止：{t.dueDate}</div>}</>}
              prefix={<Tag color={t.severity === 'overdue' ? 'danger' : 'warning'}>{t.severity === 'overdue' ? '逾期' : '即将到期'}</Tag>}
            >
              {t.title}
            </List.Item>
          ))}
        </List>
      </div>
      <div className="h5-section">
        <List header={`通知（未读 ${notes.data?.unread ?? 0}）`}>
          {noteList.length === 0 && <Empty description="暂无通知" style={{ padding: 16 }} />}
          {noteList.slice(0, 20).map((n) => (
            <List.Item
              key={n.id}
              onClick={() => !n.readAt && markRead.mutate(n.id)}
              description={<>{n.body}<div>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</div></>}
            >
              <Badge content={n.readAt ? null : Badge.dot} style={{ '--right': '-8px' }}>{n.title}</Badge>
            </List.Item>
          ))}
        </List>
      </div>
      <div className="h5-section">
        <List header="账号安全">
          <List.Item onClick={() => setChangingPassword(true)}>修改密码</List.Item>
        </List>
      </div>
      <div style={{ margin: 12, paddingBottom: 24 }}>
        <Button block size="large" onClick={() => void logout(qc)}>退出登录</Button>
      </div>
    </>
  );
}
