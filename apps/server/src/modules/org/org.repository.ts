import { sql, type SQL } from 'drizzle-orm';
import type { CommitteeMemberInput, OrgListQuery, OrgUnitInput } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { searchMatch, searchVector } from '../../platform/search/chinese-search.ts';

export interface OrgRow {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  name: string;
  short_name: string | null;
  code: string | null;
  type: string;
  domain: string;
  status: string;
  formation_mode: string;
  approval_doc_no: string | null;
  approval_date: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  child_count: number;
  term_no: number | null;
  term_end: string | null;
}

/** The columns a summary (a tree or list row) is presented from. */
export type OrgSummaryRow = Pick<OrgRow, 'id' | 'parent_id' | 'depth' | 'name' | 'short_name' | 'type' | 'domain' | 'status' | 'child_count' | 'term_end'>;

export interface OrgWrite {
  name: string;
  shortName: string | null;
  code: string | null;
  type: string;
  domain: string;
  formationMode: string;
  approvalDocNo: string | null;
  approvalDate: string | null;
}

/**
 * Columns of an org row plus its active child count and current (latest) term. Both are stored on
 * the row (migration 0018) and kept current by insert, moveSubtree, dissolve and insertTerm below;
 * storedColumnDrift checks them against a recount.
 */
const orgSelect = sql`select o.id, o.parent_id, o.path::text as path, o.depth, o.name, o.short_name, o.code, o.type, o.domain, o.status,
  o.formation_mode, o.approval_doc_no, o.approval_date, o.version, o.created_at::text as created_at, o.updated_at::text as updated_at,
  o.child_count, o.latest_term_no as term_no, o.latest_term_end as term_end
  from org o`;

/** Each organization's stored columns worked out from scratch: active children, latest term. */
const recount = (regionId: string) => sql`select o.id, coalesce(c.n, 0) as children, t.term_no, t.end_date as term_end
  from org o
  left join (select parent_id, count(*)::int as n from org where region_id = ${regionId} and parent_id is not null and status = 'active'
             group by parent_id) c on c.parent_id = o.id
  left join (select distinct on (org_id) org_id, term_no, end_date from org_term where region_id = ${regionId}
             order by org_id, term_no desc) t on t.org_id = o.id
  where o.region_id = ${regionId}`;

/** A row of org_committee_member as the repository reads it. */
export interface CommitteeRow {
  id: string;
  org_id: string;
  person_name: string;
  post: string;
  unit_name: string | null;
  start_date: string;
  end_date: string | null;
  version: number;
}
const committeeColumns = sql`id, org_id, person_name, post, unit_name, start_date, end_date, version`;

export const orgRepository = {
  byId(db: Database, regionId: string, id: string) {
    return db.one<OrgRow>(sql`${orgSelect} where o.region_id = ${regionId} and o.id = ${id}`);
  },

  /**
   * Locks organizations by id, always in id order (two structural changes locking the same pair
   * wait for each other instead of deadlocking). Read the rows again after this: a row read before
   * the lock may have moved meanwhile.
   */
  async lockRows(db: Database, regionId: string, ids: string[]): Promise<void> {
    await db.run(
      sql`select id from org where region_id = ${regionId} and id in (${sql.join(
        ids.map((x) => sql`${x}::uuid`),
        sql`, `,
      )}) order by id for update`,
    );
  },

  /**
   * Locks an organization against structural change while a child is created under it. Not `for
   * share`: the insert then updates this row's child count, and two creators holding a share lock
   * would deadlock on that update; creations under one parent take turns instead.
   */
  async lockForChild(db: Database, regionId: string, id: string): Promise<void> {
    await db.run(sql`select id from org where region_id = ${regionId} and id = ${id} for no key update`);
  },

  /** Locks the rows of a subtree for a structural change (move, dissolve); returns how many. */
  async lockSubtree(db: Database, regionId: string, path: string): Promise<number> {
    const r = await db.one<{ n: number }>(sql`with locked as (select id from org where region_id = ${regionId} and path <@ ${path}::ltree for update)
      select count(*)::int as n from locked`);
    return r?.n ?? 0;
  },

  byName(db: Database, regionId: string, scopePath: string, name: string) {
    return db.rows<OrgRow>(sql`${orgSelect} where o.region_id = ${regionId} and o.path <@ ${scopePath}::ltree and o.name = ${name}`);
  },

  ancestors(db: Database, regionId: string, path: string) {
    return db.rows<{ id: string; name: string }>(sql`select id, name from org where region_id = ${regionId}
      and path @> ${path}::ltree and path <> ${path}::ltree order by depth`);
  },

  childCountsByType(db: Database, regionId: string, id: string) {
    return db.rows<{ type: string; n: number }>(sql`select type, count(*)::int as n from org
      where region_id = ${regionId} and parent_id = ${id} and status = 'active' group by type`);
  },

  /** Active organizations under `path` (itself included) counted by type. */
  subtreeCountsByType(db: Database, regionId: string, path: string) {
    return db.rows<{ type: string; n: number }>(sql`select type, count(*)::int as n from org
      where region_id = ${regionId} and path <@ ${path}::ltree and status = 'active' group by type`);
  },

  children(db: Database, regionId: string, parentId: string, includeDissolved: boolean) {
    return db.rows<OrgRow>(sql`${orgSelect} where o.region_id = ${regionId} and o.parent_id = ${parentId}
      ${includeDissolved ? sql`` : sql`and o.status = 'active'`} order by o.type, o.name`);
  },

  /**
   * One level of the tree in one query: the children of `parentId` as summaries, only when
   * `parentId` lies inside `scopePath` (no rows otherwise, and for an organization without
   * children: the caller tells these apart).
   */
  childSummaries(db: Database, regionId: string, scopePath: string, parentId: string, includeDissolved: boolean) {
    return db.rows<
      OrgSummaryRow & { parent_path: string }
    >(sql`select o.id, o.parent_id, o.depth, o.name, o.short_name, o.type, o.domain, o.status, o.child_count,
        o.latest_term_end as term_end, p.path::text as parent_path
      from org p join org o on o.region_id = p.region_id and o.parent_id = p.id
      where p.region_id = ${regionId} and p.id = ${parentId} and p.path <@ ${scopePath}::ltree
        ${includeDissolved ? sql`` : sql`and o.status = 'active'`}
      order by o.type, o.name`);
  },

  async search(db: Database, regionId: string, scopePath: string, q: OrgListQuery) {
    const where: SQL[] = [sql`o.region_id = ${regionId}`, sql`o.path <@ ${scopePath}::ltree`];
    if (!q.includeDissolved) where.push(sql`o.status = 'active'`);
    if (q.type) where.push(sql`o.type = ${q.type}`);
    if (q.parentId) where.push(sql`o.parent_id = ${q.parentId}`);
    if (q.q) where.push(searchMatch(sql`o.search`, q.q));
    const cond = sql.join(where, sql` and `);
    const size = q.pageSize ?? 50;
    const items = await db.rows<OrgRow>(sql`${orgSelect} where ${cond} order by o.depth, o.name limit ${size} offset ${((q.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n from org o where ${cond}`);
    return { items, total: total?.n ?? 0 };
  },

  /** Organizations with an elected term type under `scopePath`, with their latest term. */
  withTerms(db: Database, regionId: string, scopePath: string, types: string[]) {
    return db.rows<OrgRow & { parent_name: string | null }>(sql`select x.*, p.name as parent_name from (${orgSelect}
        where o.region_id = ${regionId} and o.path <@ ${scopePath}::ltree and o.status = 'active'
          and o.type in (${sql.join(
            types.map((t) => sql`${t}`),
            sql`, `,
          )})) x
      left join org p on p.region_id = ${regionId} and p.id = x.parent_id`);
  },

  async insert(db: Database, regionId: string, id: string, parent: { id: string; path: string; depth: number } | null, label: string, w: OrgWrite) {
    const path = parent ? `${parent.path}.${label}` : label;
    await db.run(sql`insert into org (region_id, id, parent_id, path, depth, name, short_name, code, type, domain, formation_mode, approval_doc_no, approval_date, search)
      values (${regionId}, ${id}, ${parent?.id ?? null}, ${path}::ltree, ${parent ? parent.depth + 1 : 0}, ${w.name}, ${w.shortName}, ${w.code},
              ${w.type}, ${w.domain}, ${w.formationMode}, ${w.approvalDocNo}, ${w.approvalDate}, ${searchVector([w.name, w.shortName])})`);
    // a new organization is active: one more under its parent (locked by lockForChild)
    if (parent) await db.run(sql`update org set child_count = child_count + 1 where region_id = ${regionId} and id = ${parent.id}`);
  },

  /** Writes the form fields if the row is still at `expected`; returns 0 when it moved on. */
  update(db: Database, regionId: string, id: string, w: OrgWrite, expected: number): Promise<number> {
    return db.run(sql`update org set name = ${w.name}, short_name = ${w.shortName}, code = ${w.code}, type = ${w.type}, domain = ${w.domain},
      formation_mode = ${w.formationMode}, approval_doc_no = ${w.approvalDocNo}, approval_date = ${w.approvalDate},
      search = ${searchVector([w.name, w.shortName])}, updated_at = now(), version = version + 1
      where region_id = ${regionId} and id = ${id} and version = ${expected}`);
  },

  /**
   * Re-roots the subtree at `oldPath` under `newParent` in one statement; an active organization
   * counts one less under its old parent and one more under the new one.
   */
  async moveSubtree(db: Database, regionId: string, id: string, oldPath: string, newParent: { id: string; path: string }): Promise<number> {
    await db.run(sql`update org c set child_count = c.child_count + case when c.id = ${newParent.id}::uuid then 1 else -1 end
      from org m where m.region_id = ${regionId} and m.id = ${id} and m.status = 'active' and m.parent_id is distinct from ${newParent.id}::uuid
        and c.region_id = ${regionId} and c.id in (m.parent_id, ${newParent.id}::uuid)`);
    return db.run(sql`update org set
        path = ${newParent.path}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1),
        depth = nlevel(${newParent.path}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1)) - 1,
        parent_id = case when id = ${id} then ${newParent.id}::uuid else parent_id end,
        version = case when id = ${id} then version + 1 else version end,
        updated_at = now()
      where region_id = ${regionId} and path <@ ${oldPath}::ltree`);
  },

  /** Marks an active organization dissolved; it no longer counts under its parent. */
  async dissolve(db: Database, regionId: string, id: string) {
    const row = await db.one<{ parent_id: string | null }>(
      sql`update org set status = 'dissolved', dissolved_at = now(), updated_at = now(), version = version + 1
        where region_id = ${regionId} and id = ${id} and status = 'active' returning parent_id`,
    );
    if (row?.parent_id) await db.run(sql`update org set child_count = child_count - 1 where region_id = ${regionId} and id = ${row.parent_id}`);
  },

  /**
   * Organizations whose stored columns (active child count, latest term) differ from a recount from
   * the org and org_term rows; none when they are consistent.
   */
  storedColumnDrift(db: Database, regionId: string) {
    return db.rows<{ id: string; name: string; child_count: number; counted_children: number; latest_term_no: number | null; counted_term_no: number | null }>(
      sql`select o.id, o.name, o.child_count, r.children as counted_children, o.latest_term_no, r.term_no as counted_term_no
      from org o join (${recount(regionId)}) r on r.id = o.id
      where o.child_count <> r.children or o.latest_term_no is distinct from r.term_no or o.latest_term_end is distinct from r.term_end
      order by o.path`,
    );
  },

  /** Rewrites the stored columns of every organization of the region from a recount (after bulk inserts); returns how many changed. */
  rebuildStoredColumns(db: Database, regionId: string): Promise<number> {
    return db.run(sql`update org o set child_count = r.children, latest_term_no = r.term_no, latest_term_end = r.term_end
      from (${recount(regionId)}) r
      where o.region_id = ${regionId} and o.id = r.id
        and (o.child_count <> r.children or o.latest_term_no is distinct from r.term_no or o.latest_term_end is distinct from r.term_end)`);
  },

  units(db: Database, regionId: string, orgId: string) {
    return db.rows<{ name: string; credit_code: string | null; category: string }>(sql`select name, credit_code, category from org_unit
      where region_id = ${regionId} and org_id = ${orgId} order by seq`);
  },

  async replaceUnits(db: Database, regionId: string, orgId: string, units: OrgUnitInput[]) {
    await db.run(sql`delete from org_unit where region_id = ${regionId} and org_id = ${orgId}`);
    for (const [i, u] of units.entries()) {
      await db.run(sql`insert into org_unit (region_id, org_id, seq, name, credit_code, category)
        values (${regionId}, ${orgId}, ${i + 1}, ${u.name}, ${u.creditCode ?? null}, ${u.category})`);
    }
  },

  /** Another organization (outside `exceptOrgId`) already using one of these credit codes. */
  creditCodeOwners(db: Database, regionId: string, codes: string[], exceptOrgId: string | null) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.rows<{ credit_code: string; org_name: string }>(sql`select u.credit_code, o.name as org_name from org_unit u
      join org o on o.region_id = u.region_id and o.id = u.org_id
      where u.region_id = ${regionId} and o.status = 'active' and u.credit_code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})
        and u.org_id is distinct from ${exceptOrgId}::uuid`);
  },

  /** An active sibling under `parentId` with the same name (other than `exceptOrgId`). */
  siblingNamed(db: Database, regionId: string, parentId: string, name: string, exceptOrgId: string | null) {
    return db.one<{ id: string }>(sql`select id from org where region_id = ${regionId} and parent_id = ${parentId} and status = 'active'
      and name = ${name} and id is distinct from ${exceptOrgId}::uuid`);
  },

  codeTaken(db: Database, regionId: string, code: string, exceptOrgId: string | null) {
    return db.one<{ id: string }>(sql`select id from org where region_id = ${regionId} and code = ${code} and id is distinct from ${exceptOrgId}::uuid`);
  },

  committee(db: Database, regionId: string, orgId: string) {
    return db.rows<CommitteeRow>(
      sql`select ${committeeColumns} from org_committee_member
        where region_id = ${regionId} and org_id = ${orgId}
        order by (end_date is not null), array_position(array['secretary','deputy_secretary','organization','publicity','discipline','member','part_time'], post), start_date`,
    );
  },

  committeeMember(db: Database, regionId: string, orgId: string, id: string) {
    return db.one<CommitteeRow>(sql`select ${committeeColumns} from org_committee_member where region_id = ${regionId} and org_id = ${orgId} and id = ${id}`);
  },

  async insertCommitteeMember(db: Database, regionId: string, id: string, orgId: string, m: CommitteeMemberInput) {
    await db.run(sql`insert into org_committee_member (region_id, id, org_id, person_name, post, unit_name, start_date, end_date)
      values (${regionId}, ${id}, ${orgId}, ${m.personName}, ${m.post}, ${m.unitName ?? null}, ${m.startDate}, ${m.endDate ?? null})`);
  },

  /** Writes a committee member if still at `expected`; returns 0 when it moved on. */
  updateCommitteeMember(db: Database, regionId: string, id: string, m: CommitteeMemberInput, expected: number): Promise<number> {
    return db.run(sql`update org_committee_member set person_name = ${m.personName}, post = ${m.post}, unit_name = ${m.unitName ?? null},
      start_date = ${m.startDate}, end_date = ${m.endDate ?? null}, version = version + 1 where region_id = ${regionId} and id = ${id} and version = ${expected}`);
  },

  async deleteCommitteeMember(db: Database, regionId: string, id: string) {
    await db.run(sql`delete from org_committee_member where region_id = ${regionId} and id = ${id}`);
  },

  terms(db: Database, regionId: string, orgId: string) {
    return db.rows<{ id: string; org_id: string; term_no: number; start_date: string; end_date: string; term_years: number }>(
      sql`select id, org_id, term_no, start_date, end_date, term_years from org_term where region_id = ${regionId} and org_id = ${orgId} order by term_no desc`,
    );
  },

  /** Records a term; the organization's stored latest term follows when this one is later. */
  async insertTerm(db: Database, regionId: string, t: { id: string; orgId: string; termNo: number; startDate: string; endDate: string; termYears: number }) {
    await db.run(sql`insert into org_term (region_id, id, org_id, term_no, start_date, end_date, term_years)
      values (${regionId}, ${t.id}, ${t.orgId}, ${t.termNo}, ${t.startDate}, ${t.endDate}, ${t.termYears})`);
    await db.run(sql`update org set latest_term_no = ${t.termNo}, latest_term_end = ${t.endDate}::date
      where region_id = ${regionId} and id = ${t.orgId} and (latest_term_no is null or latest_term_no < ${t.termNo})`);
  },

  root(db: Database, regionId: string) {
    return db.one<{ id: string; path: string; name: string }>(sql`select id, path::text as path, name from org
      where region_id = ${regionId} and parent_id is null order by created_at limit 1`);
  },

  count(db: Database, regionId: string) {
    return db.one<{ n: number }>(sql`select count(*)::int as n from org where region_id = ${regionId}`).then((r) => r?.n ?? 0);
  },

  /** Every organization under `path`, parents before children (export). */
  subtree(db: Database, regionId: string, path: string) {
    return db.rows<OrgRow & { parent_name: string | null; units: { name: string; credit_code: string | null; category: string }[] | null }>(sql`
      select x.*, p.name as parent_name,
        (select json_agg(json_build_object('name', u.name, 'credit_code', u.credit_code, 'category', u.category) order by u.seq)
           from org_unit u where u.region_id = ${regionId} and u.org_id = x.id) as units
      from (${orgSelect} where o.region_id = ${regionId} and o.path <@ ${path}::ltree) x
      left join org p on p.region_id = ${regionId} and p.id = x.parent_id
      order by x.path`);
  },
};
export type OrgRepository = typeof orgRepository;
