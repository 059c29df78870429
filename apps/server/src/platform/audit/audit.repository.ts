import { sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '@jiceng/contracts';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface AuditWrite {
  regionId: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  entityName: string | null;
  orgPath: string | null;
  before?: unknown;
  after?: unknown;
  ip: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  entity_name: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const auditRepository = {
  async insert(db: Database, e: AuditWrite): Promise<void> {
    await db.run(sql`insert into audit_log (region_id, id, actor_id, actor_name, action, entity, entity_id, entity_name, org_path, before, after, ip)
      values (${e.regionId}, ${newId()}, ${e.actorId}, ${e.actorName}, ${e.action}, ${e.entity}, ${e.entityId}, ${e.entityName},
              ${e.orgPath}::ltree, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${e.ip})`);
  },

  /** Entries whose record lies in `scopePath`'s subtree (or that the scope's own accounts wrote). */
  async list(db: Database, regionId: string, scopePath: string, q: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
    const where: SQL[] = [sql`region_id = ${regionId}`, sql`(org_path <@ ${scopePath}::ltree)`];
    if (q.actorId) where.push(sql`actor_id = ${q.actorId}`);
    if (q.actor) {
      // the name written with the entry, or the account's current name or username
      const p = contains(q.actor);
      where.push(
        sql`(actor_name ilike ${p} or actor_id in (select a.id from account a where a.region_id = ${regionId} and (a.username ilike ${p} or a.display_name ilike ${p})))`,
      );
    }
    if (q.entity) where.push(sql`entity = ${q.entity}`);
    if (q.entityId) where.push(sql`entity_id = ${q.entityId}`);
    if (q.action) where.push(sql`action = ${q.action}`);
    if (q.from) where.push(sql`at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
    if (q.to) where.push(sql`at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
    const cond = sql.join(where, sql` and `);
    const size = q.pageSize ?? 20;
    const offset = ((q.page ?? 1) - 1) * size;
    const items = await db.rows<AuditRow>(sql`select l.id, l.at::text as at, l.actor_id, l.actor_name, a.username as actor_username, l.action, l.entity,
        l.entity_id, l.entity_name, l.before, l.after, l.ip
      from (select * from audit_log where ${cond} order by at desc, id desc limit ${size} offset ${offset}) l
      left join account a on a.region_id = l.region_id and a.id = l.actor_id
      order by l.at desc, l.id desc`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where ${cond}`);
    return { items, total: total?.n ?? 0 };
  },
};
