import type { Notification } from '@jiceng/contracts';
import type { Database } from '../db/database.ts';
import { isoTime } from '../db/time.ts';
import { notFound } from '../errors.ts';
import { notificationRepository } from './notification.repository.ts';

/** In-app notifications: jobs send each one once (by dedupe key); accounts read their own. */
export function createNotificationService(db: Database, regionId: string) {
  return {
    /** Sends unless this account already got `dedupeKey`; true when sent. */
    sendOnce: (n: { accountId: string; dedupeKey: string; title: string; body: string; link: string | null }) =>
      notificationRepository.insertOnce(db, regionId, n),

    async mine(accountId: string): Promise<{ items: Notification[]; unread: number }> {
      const rows = await notificationRepository.list(db, regionId, accountId, 100);
      return {
        unread: await notificationRepository.unreadCount(db, regionId, accountId),
        items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, link: r.link, createdAt: isoTime(r.created_at), readAt: isoTime(r.read_at) })),
      };
    },

    async markRead(accountId: string, id: string | null): Promise<void> {
      const n = await notificationRepository.markRead(db, regionId, accountId, id);
      if (id && n === 0 && !(await notificationRepository.exists(db, regionId, accountId, id))) throw notFound('通知');
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
