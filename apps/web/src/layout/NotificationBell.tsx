import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@jiceng/contracts';
import { Badge, Button, Drawer, Empty, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMarkRead, useNotifications } from '../api/notifications.ts';
import { useMe } from '../app/RequireAuth.tsx';

/** The bell in the header: unread count, the latest notifications, open one to mark it read. */
export function NotificationBell() {
  const me = useMe();
  // A temporary password opens nothing but changing it: no polling until then.
  const { data } = useNotifications(!me.mustChangePassword);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const items = data?.items ?? [];

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    setAll(false);
    // a notice for the phone page (/h5.html#/…) is a page of its own, not a route of this app
    if (n.link?.startsWith('/h5.html')) window.location.assign(n.link);
    else if (n.link) navigate(n.link);
  };

  const list = (shown: Notification[], maxHeight?: number) =>
    shown.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
    ) : (
      <List
        size="small"
        dataSource={shown}
        style={maxHeight ? { maxHeight, overflow: 'auto' } : undefined}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }} onClick={() => openItem(n)}>
            <List.Item.Meta
              title={
                <Badge dot={!n.readAt} offset={[6, 0]}>
                  {n.title}
                </Badge>
              }
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 2 }} type="secondary">
                    {n.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    {n.readAt ? ' · 已读' : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    );

  const content = (
    <div style={{ width: 360 }}>
      {list(items.slice(0, 8), 400)}
      {items.length > 0 && (
        <Button
          type="link"
          block
          onClick={() => {
            setOpen(false);
            setAll(true);
          }}
        >
          查看全部通知
        </Button>
      )}
    </div>
  );

  return (
    <>
      <Drawer
        title={`全部通知（未读 ${data?.unread ?? 0}）`}
        open={all}
        onClose={() => setAll(false)}
        width={420}
        extra={
          <Button type="link" disabled={!data?.unread} onClick={() => markRead.mutate(null)}>
            全部标为已读
          </Button>
        }
      >
        {list(items)}
      </Drawer>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        title={
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <span>通知</span>
            <Button type="link" size="small" disabled={!data?.unread} onClick={() => markRead.mutate(null)}>
              全部标为已读
            </Button>
          </div>
        }
        content={content}
      >
        <Badge count={data?.unread ?? 0} size="small" overflowCount={99}>
          <Button type="text" shape="circle" aria-label="通知" icon={<BellOutlined style={{ fontSize: 18 }} />} />
        </Badge>
      </Popover>
    </>
  );
}
