import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface NotificationRow {
  id: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export const notificationRepository = {
  /** Inserts unless the account already got this `dedupeKey`; returns true when inserted. */
  async insertOnce(db: Database, regionId: string, n: { accountId: string; dedupeKey: string; title: string; body: string; link: string | null }): Promise<boolean> {
    const touched = await db.run(sql`insert into notification (region_id, id, account_id, dedupe_key, title, body, link)
      values (${regionId}, ${newId()}, ${n.accountId}, ${n.dedupeKey}, ${n.title}, ${n.body}, ${n.link})
      on conflict (region_id, account_id, dedupe_key) do nothing`);
    return touched > 0;
  },
  list(db: Database, regionId: string, accountId: string, limit: number) {
    return db.rows<NotificationRow>(sql`select id, title, body, link, created_at::text as created_at, read_at::text as read_at
      from notification where region_id = ${regionId} and account_id = ${accountId} order by created_at desc, id desc limit ${limit}`);
  },
  unreadCount(db: Database, regionId: string, accountId: string) {
    return db.one<{ n: number }>(sql`select count(*)::int as n from notification where region_id = ${regionId} and account_id = ${accountId} and read_at is null`).then((r) => r?.n ?? 0);
  },
  exists(db: Database, regionId: string, accountId: string, id: string) {
    return db.one<{ id: string }>(sql`select id from notification where region_id = ${regionId} and account_id = ${accountId} and id = ${id}`).then((r) => !!r);
  },
  async markRead(db: Database, regionId: string, accountId: string, id: string | null): Promise<number> {
    return db.run(sql`update notification set read_at = now() where region_id = ${regionId} and account_id = ${accountId}
      and read_at is null ${id ? sql`and id = ${id}` : sql``}`);
  },
};
