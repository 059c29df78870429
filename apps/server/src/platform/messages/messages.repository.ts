import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

export interface OutboundRow {
  id: string;
  channel: string;
  recipient: string;
  recipient_name: string | null;
  org_name: string | null;
  kind: string;
  text: string;
  status: string;
  created_at: string;
}

/** The outbound message log (migration 0032), read in a subtree. */
export const messagesRepository = {
  async list(db: Database, regionId: string, f: { scopePath: string; channel?: string; page: number; pageSize: number }) {
    const w: SQL[] = [sql`x.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
    if (f.channel) w.push(sql`x.channel = ${f.channel}`);
    const cond = sql.join(w, sql` and `);
    const items = await db.rows<OutboundRow>(sql`select x.id, x.channel, x.recipient, x.recipient_name, o.name as org_name, x.kind, x.text, x.status,
        x.created_at::text as created_at
      from outbound_message x join org o on o.region_id = x.region_id and o.id = x.org_id where ${cond}
      order by x.created_at desc, x.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
    const total = await db.one<{ n: number }>(
      sql`select count(*)::int as n from outbound_message x join org o on o.region_id = x.region_id and o.id = x.org_id where ${cond}`,
    );
    return { items, total: total?.n ?? 0 };
  },
};
