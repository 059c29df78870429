import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

export interface LostContactRow {
  id: string;
  member_id: string;
  member_name: string;
  member_status: string;
  org_id: string;
  org_name: string;
  org_path: string;
  last_contact_date: string;
  measures: string;
  status: string;
  found_date: string | null;
  found_note: string | null;
  /** The latest 停止党籍 decision of the member, if any. */
  suspended_date: string | null;
  attempt_count: number;
  last_attempt_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttemptRow {
  id: string;
  attempt_date: string;
  method: string;
  result: string;
  actor_name: string | null;
  created_at: string;
}

export interface LostContactFilter {
  scopePath: string;
  status?: string;
  memberId?: string;
  page?: number;
  pageSize?: number;
}

// Scope follows the member's current branch: the branch holding the relation is responsible.
const from = sql`from lost_contact l
  join member m on m.region_id = l.region_id and m.id = l.member_id
  join org o on o.region_id = m.region_id and o.id = m.org_id`;
const select = sql`select l.id, l.member_id, m.name as member_name, m.status as member_status, m.org_id, o.name as org_name, o.path::text as org_path,
  l.last_contact_date, l.measures, l.status, l.found_date, l.found_note,
  (select max(e.event_date) from member_status_event e where e.region_id = l.region_id and e.member_id = l.member_id and e.event = 'suspend') as suspended_date,
  (select count(*)::int from lost_contact_attempt a where a.region_id = l.region_id and a.lost_contact_id = l.id) as attempt_count,
  (select max(a.attempt_date) from lost_contact_attempt a where a.region_id = l.region_id and a.lost_contact_id = l.id) as last_attempt_date,
  l.created_at::text as created_at, l.updated_at::text as updated_at ${from}`;

function where(regionId: string, f: LostContactFilter): SQL {
  const w: SQL[] = [sql`l.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
  if (f.status) w.push(sql`l.status = ${f.status}`);
  if (f.memberId) w.push(sql`l.member_id = ${f.memberId}`);
  return sql.join(w, sql` and `);
}

export const lostContactRepository = {
  byId(db: Database, regionId: string, id: string) {
    return db.one<LostContactRow>(sql`${select} where l.region_id = ${regionId} and l.id = ${id}`);
  },

  byIdForUpdate(db: Database, regionId: string, id: string) {
    return db.one<LostContactRow>(sql`${select} where l.region_id = ${regionId} and l.id = ${id} for update of l`);
  },

  openByMember(db: Database, regionId: string, memberId: string) {
    return db.one<{ id: string }>(sql`select id from lost_contact where region_id = ${regionId} and member_id = ${memberId} and status = 'lost'`);
  },

  async list(db: Database, regionId: string, f: LostContactFilter) {
    const cond = where(regionId, f);
    const size = f.pageSize ?? 20;
    const items = await db.rows<LostContactRow>(sql`${select} where ${cond}
      order by (l.status = 'found'), l.last_contact_date, l.id limit ${size} offset ${((f.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n ${from} where ${cond}`);
    return { items, total: total?.n ?? 0 };
  },

  async insert(db: Database, regionId: string, r: { id: string; memberId: string; lastContactDate: string; measures: string }) {
    await db.run(sql`insert into lost_contact (region_id, id, member_id, last_contact_date, measures, status)
      values (${regionId}, ${r.id}, ${r.memberId}, ${r.lastContactDate}, ${r.measures}, 'lost')`);
  },

  async update(db: Database, regionId: string, id: string, r: { lastContactDate: string; measures: string }) {
    await db.run(sql`update lost_contact set last_contact_date = ${r.lastContactDate}, measures = ${r.measures}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  async found(db: Database, regionId: string, id: string, date: string, note: string | null) {
    await db.run(sql`update lost_contact set status = 'found', found_date = ${date}, found_note = ${note}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  async insertAttempt(db: Database, regionId: string, a: { id: string; lostContactId: string; date: string; method: string; result: string; actorId: string; actorName: string }) {
    await db.run(sql`insert into lost_contact_attempt (region_id, id, lost_contact_id, attempt_date, method, result, actor_id, actor_name)
      values (${regionId}, ${a.id}, ${a.lostContactId}, ${a.date}, ${a.method}, ${a.result}, ${a.actorId}, ${a.actorName})`);
    await db.run(sql`update lost_contact set updated_at = now() where region_id = ${regionId} and id = ${a.lostContactId}`);
  },

  attempts(db: Database, regionId: string, lostContactId: string) {
    return db.rows<AttemptRow>(sql`select id, attempt_date, method, result, actor_name, created_at::text as created_at from lost_contact_attempt
      where region_id = ${regionId} and lost_contact_id = ${lostContactId} order by attempt_date desc, created_at desc`);
  },
};
export type LostContactRepository = typeof lostContactRepository;
