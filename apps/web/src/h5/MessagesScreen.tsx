import { Badge, Button, Empty, List } from 'antd-mobile';
import dayjs from 'dayjs';
import { useMarkRead, useNotifications } from '../api/notifications.ts';
import { BackBar } from './BackBar.tsx';

/** 消息: the account's in-app notifications (newest first); opening one marks it read, or all at once. */
export function MessagesScreen({ onBack, onOpenLink }: { onBack?: () => void; onOpenLink?: (link: string) => void }) {
  const notes = useNotifications();
  const markRead = useMarkRead();
  const list = notes.data?.items ?? [];
  const unread = notes.data?.unread ?? 0;
  return (
    <>
      <BackBar title="消息" onBack={onBack} />
      <div style={{ margin: 12, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <span>未读 {unread} 条</span>
        <Button size="small" disabled={!unread} onClick={() => markRead.mutate(null)}>
          全部标为已读
        </Button>
      </div>
      <div className="h5-section">
        <List>
          {list.length === 0 && <Empty description="暂无消息" style={{ padding: 16 }} />}
          {list.map((n) => (
            <List.Item
              key={n.id}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                if (n.link && onOpenLink) onOpenLink(n.link);
              }}
              description={
                <>
                  {n.body}
                  <div>
                    {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    {n.readAt ? ' · 已读' : ''}
                  </div>
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
    </>
  );
}
