import { sql, type SQL } from 'drizzle-orm';
import type { HardshipListQuery } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { searchMatch } from '../../platform/search/chinese-search.ts';

/** A hardship record with the member's name and branch, the cadre and a summary of the visits. */
export interface HardshipRow {
  id: string;
  member_id: string;
  member_name: string;
  gender: string;
  org_id: string;
  org_name: string;
  org_path: string;
  type: string;
  detail_enc: string;
  start_date: string;
  closed_date: string | null;
  close_reason: string | null;
  cadre_id: string | null;
  cadre_name: string | null;
  cadre_phone_enc: string | null;
  cadre_phone_masked: string | null;
  last_visit_date: string | null;
  visit_count: number;
  subsidy_total: string;
  created_at: string;
  updated_at: string;
}

export interface CadreRow {
  id: string;
  name: string;
  phone_masked: string;
  member_id: string | null;
  org_id: string;
  org_name: string;
  org_path: string;
  helping: number;
}

export interface VisitRow {
  id: string;
  hardship_id: string;
  visit_date: string;
  visitor: string;
  content: string;
  amount: string;
  recorded_by: string | null;
  created_at: string;
}

export interface HardshipFilter extends HardshipListQuery {
  scopePath: string;
  /**
   * The current quarter's start and whether its grace has passed (rule hardship-visit, from
   * packages/rules `visitWindow`); `overdue` keeps what `hardshipVisitStatus` calls overdue.
   */
  periodStart: string;
  pastGrace: boolean;
}

const hardshipSelect = sql`select h.id, h.member_id, m.name as member_name, m.gender, m.org_id, o.name as org_name, o.path::text as org_path,
  h.type, h.detail_enc, h.start_date, h.closed_date, h.close_reason, h.cadre_id, cd.name as cadre_name,
  cd.phone_enc as cadre_phone_enc, cd.phone_masked as cadre_phone_masked,
  v.last_visit_date, coalesce(v.visit_count, 0)::int as visit_count, round(coalesce(v.total, 0), 2)::text as subsidy_total,
  h.created_at::text as created_at, h.updated_at::text as updated_at
  from hardship h
  join member m on m.region_id = h.region_id and m.id = h.member_id
  join org o on o.region_id = m.region_id and o.id = m.org_id
  left join hardship_cadre cd on cd.region_id = h.region_id and cd.id = h.cadre_id
  left join lateral (select max(x.visit_date) as last_visit_date, count(*) as visit_count, sum(x.amount) as total
    from hardship_visit x where x.region_id = h.region_id and x.hardship_id = h.id) v on true`;

const cadreSelect = sql`select c.id, c.name, c.phone_masked, c.member_id, c.org_id, o.name as org_name, o.path::text as org_path,
  (select count(*)::int from hardship h where h.region_id = c.region_id and h.cadre_id = c.id and h.closed_date is null) as helping
  from hardship_cadre c join org o on o.region_id = c.region_id and o.id = c.org_id`;

function where(regionId: string, f: HardshipFilter): SQL {
  const w: SQL[] = [sql`h.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
  if (f.memberId) w.push(sql`h.member_id = ${f.memberId}`);
  if (f.type) w.push(sql`h.type = ${f.type}`);
  if (f.state === 'open') w.push(sql`h.closed_date is null`);
  if (f.state === 'closed') w.push(sql`h.closed_date is not null`);
  if (f.cadreId) w.push(sql`h.cadre_id = ${f.cadreId}`);
  if (f.q) w.push(searchMatch(sql`m.search`, f.q));
  if (f.overdue) {
    // open before the quarter, no visit dated in it, and the quarter's first month is over
    w.push(f.pastGrace ? sql`h.closed_date is null and h.start_date < ${f.periodStart} and (v.last_visit_date is null or v.last_visit_date < ${f.periodStart})` : sql`false`);
  }
  return sql.join(w, sql` and `);
}

export const hardshipRepository = {
  byId(db: Database, regionId: string, id: string, lock = false) {
    return db.one<HardshipRow>(sql`${hardshipSelect} where h.region_id = ${regionId} and h.id = ${id} ${lock ? sql`for update of h` : sql``}`);
  },

  openOf(db: Database, regionId: string, memberId: string) {
    return db.one<{ id: string; start_date: string }>(sql`select id, start_date from hardship where region_id = ${regionId} and member_id = ${memberId} and closed_date is null`);
  },

  /** A page of matching records (or all of them when `pageSize` is null: the to-do list). */
  async list(db: Database, regionId: string, f: HardshipFilter, pageSize: number | null) {
    const cond = where(regionId, f);
    const limit = pageSize === null ? sql`` : sql`limit ${pageSize} offset ${((f.page ?? 1) - 1) * pageSize}`;
    const items = await db.rows<HardshipRow>(sql`${hardshipSelect} where ${cond} order by (h.closed_date is null) desc, h.start_date desc, h.id desc ${limit}`);
    const total = pageSize === null ? items.length : ((await db.one<{ n: number }>(sql`select count(*)::int as n from (${hardshipSelect} where ${cond}) x`))?.n ?? 0);
    return { items, total };
  },

  async insert(db: Database, regionId: string, r: { id: string; memberId: string; type: string; detailEnc: string; startDate: string; cadreId: string | null }) {
    await db.run(sql`insert into hardship (region_id, id, member_id, type, detail_enc, start_date, cadre_id)
      values (${regionId}, ${r.id}, ${r.memberId}, ${r.type}, ${r.detailEnc}, ${r.startDate}, ${r.cadreId})`);
  },

  async close(db: Database, regionId: string, id: string, date: string, reason: string) {
    await db.run(sql`update hardship set closed_date = ${date}, close_reason = ${reason}, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  async setCadre(db: Database, regionId: string, id: string, cadreId: string | null) {
    await db.run(sql`update hardship set cadre_id = ${cadreId}, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  /** A cadre with the number of members they help now; `lock` serializes assignments to them. */
  async cadre(db: Database, regionId: string, id: string, lock = false) {
    if (lock) await db.run(sql`select id from hardship_cadre where region_id = ${regionId} and id = ${id} for update`);
    return db.one<CadreRow>(sql`${cadreSelect} where c.region_id = ${regionId} and c.id = ${id}`);
  },

  cadres(db: Database, regionId: string, scopePath: string, q: string | undefined) {
    return db.rows<CadreRow>(sql`${cadreSelect} where c.region_id = ${regionId} and o.path <@ ${scopePath}::ltree
      ${q ? sql`and strpos(c.name, ${q}) > 0` : sql``} order by c.name, c.id limit 200`);
  },

  /** A cadre already registered with this phone or member, with the registering organization's path (scope check). */
  cadreTaken(db: Database, regionId: string, phoneHash: string, memberId: string | null) {
    return db.one<{ id: string; by_phone: boolean; org_path: string }>(sql`select c.id, c.phone_hash = ${phoneHash} as by_phone, o.path::text as org_path
      from hardship_cadre c join org o on o.region_id = c.region_id and o.id = c.org_id
      where c.region_id = ${regionId} and (c.phone_hash = ${phoneHash} or c.member_id = ${memberId}::uuid) limit 1`);
  },

  async insertCadre(db: Database, regionId: string, c: { id: string; orgId: string; name: string; memberId: string | null; phoneEnc: string; phoneHash: string; phoneMasked: string }) {
    await db.run(sql`insert into hardship_cadre (region_id, id, org_id, name, member_id, phone_enc, phone_hash, phone_masked)
      values (${regionId}, ${c.id}, ${c.orgId}, ${c.name}, ${c.memberId}, ${c.phoneEnc}, ${c.phoneHash}, ${c.phoneMasked})`);
  },

  visits(db: Database, regionId: string, hardshipId: string) {
    return db.rows<VisitRow>(sql`select id, hardship_id, visit_date, visitor, content, amount::text as amount, recorded_by, created_at::text as created_at
      from hardship_visit where region_id = ${regionId} and hardship_id = ${hardshipId} order by visit_date desc, id desc`);
  },

  async insertVisit(db: Database, regionId: string, v: { id: string; hardshipId: string; visitDate: string; visitor: string; content: string; amount: string; recordedBy: string }) {
    await db.run(sql`insert into hardship_visit (region_id, id, hardship_id, visit_date, visitor, content, amount, recorded_by)
      values (${regionId}, ${v.id}, ${v.hardshipId}, ${v.visitDate}, ${v.visitor}, ${v.content}, ${v.amount}::numeric(12,2), ${v.recordedBy})`);
  },

  visit(db: Database, regionId: string, id: string) {
    return db.one<VisitRow>(sql`select id, hardship_id, visit_date, visitor, content, amount::text as amount, recorded_by, created_at::text as created_at
      from hardship_visit where region_id = ${regionId} and id = ${id}`);
  },
};
export type HardshipRepository = typeof hardshipRepository;
