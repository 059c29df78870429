import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** A request as stored, with the names lists show (migration 0039). */
export interface ServiceRequestRow {
  id: string;
  code: string;
  kind: string;
  category_code: string;
  category_name: string;
  complexity: string;
  description: string;
  community_id: string;
  community_name: string;
  grid_id: string | null;
  grid_name: string | null;
  org_id: string;
  org_path: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  anonymous: boolean;
  contact_name_enc: string | null;
  contact_phone_enc: string | null;
  resident_id: string | null;
  source: string;
  recorded_by: string | null;
  state: string;
  level: string;
  version: number;
  assignee_type: string | null;
  assignee_org_id: string | null;
  assignee_org_path: string | null;
  assignee_member_id: string | null;
  assignee_name: string | null;
  stage: string | null;
  clock_rule: string | null;
  extension_count: number;
  due_at: string | null;
  paused_left_ms: string | number | null;
  submitted_at: string;
  accepted_at: string | null;
  taken_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  result: string | null;
  rating: string | null;
  rating_comment: string | null;
  auto_closed: boolean;
  reopen_count: number;
  return_count: number;
  follower_count: number;
  merged_into: string | null;
  merged_into_code: string | null;
}

export interface ServiceRequestInsert {
  id: string;
  kind: string;
  categoryCode: string;
  complexity: string;
  description: string;
  search: string;
  communityId: string;
  gridId: string | null;
  orgId: string;
  orgPath: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  anonymous: boolean;
  contactNameEnc: string | null;
  contactPhoneEnc: string | null;
  contactPhoneHash: string | null;
  residentId: string | null;
  source: string;
  open311KeyId: string | null;
  recordedBy: string | null;
  submittedAt: string;
  stage: string;
  clockRule: string | null;
  dueAt: string | null;
  sweepAfter: string | null;
}

/** Columns a step sets besides the state (by the service, after the workflow's conditional update won). */
export interface ServiceRequestPatch {
  level?: string;
  complexity?: string;
  assignee?: { type: string; orgId: string; orgPath: string; memberId: string | null; name: string } | null;
  stage?: string | null;
  clockRule?: string | null;
  extensions?: number;
  dueAt?: string | null;
  pausedLeftMs?: number | null;
  sweepAfter?: string | null;
  acceptedAt?: string;
  takenAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  result?: string;
  rating?: string;
  ratingComment?: string | null;
  autoClosed?: boolean;
  acceptedOnTime?: boolean;
  respondedOnTime?: boolean;
  resolvedOnTime?: boolean;
  reopened?: boolean;
  returned?: boolean;
  mergedInto?: string;
}

export interface ServiceListFilter {
  /** Requests located in this subtree (service:read). */
  scopePath: string | null;
  /** Or assigned to this account: its org at or under the assignee organization, or its member record. */
  assignedTo: { orgPath: string; memberId: string | null } | null;
  /** Or registered by this account (a grid worker's own entries). */
  recordedBy: string | null;
  state?: string;
  kind?: string;
  categoryCode?: string;
  level?: string;
  orgPath?: string;
  clock?: 'overdue' | 'soon';
  now: string;
  from?: string;
  /** Exclusive. */
  to?: string;
  q?: string;
}

const SELECT = sql.raw(`r.id, r.code, r.kind, r.category_code, c.name as category_name, r.complexity, r.description,
  r.community_id, co.name as community_name, r.grid_id, g.name as grid_name, r.org_id, r.org_path::text as org_path, r.place, r.lat, r.lng,
  r.anonymous, r.contact_name_enc, r.contact_phone_enc, r.resident_id, r.source, r.recorded_by, r.state, r.level, r.version,
  r.assignee_type, r.assignee_org_id, r.assignee_org_path::text as assignee_org_path, r.assignee_member_id, r.assignee_name,
  r.stage, r.clock_rule, r.extension_count, r.due_at::text as due_at, r.paused_left_ms, r.submitted_at::text as submitted_at, r.accepted_at::text as accepted_at,
  r.taken_at::text as taken_at, r.resolved_at::text as resolved_at, r.closed_at::text as closed_at, r.result, r.rating, r.rating_comment,
  r.auto_closed, r.reopen_count, r.return_count, r.follower_count, r.merged_into, m.code as merged_into_code`);
const FROM = (regionId: string) => sql`service_request r
  join service_category c on c.region_id = r.region_id and c.code = r.category_code
  join org co on co.region_id = r.region_id and co.id = r.community_id
  left join org g on g.region_id = r.region_id and g.id = r.grid_id
  left join service_request m on m.region_id = r.region_id and m.id = r.merged_into
  where r.region_id = ${regionId}`;

const OPEN_STATES = sql.raw(`('submitted','accepted','dispatched','in_progress','awaiting_info')`);

function whereOf(f: ServiceListFilter): SQL {
  const who: SQL[] = [];
  if (f.scopePath) who.push(sql`r.org_path <@ ${f.scopePath}::ltree`);
  if (f.assignedTo) {
    who.push(sql`(r.assignee_type in ('grid','team','department') and r.assignee_org_path @> ${f.assignedTo.orgPath}::ltree)`);
    if (f.assignedTo.memberId) who.push(sql`r.assignee_member_id = ${f.assignedTo.memberId}::uuid`);
  }
  if (f.recordedBy) who.push(sql`r.recorded_by = ${f.recordedBy}::uuid`);
  const parts: SQL[] = [who.length ? sql`(${sql.join(who, sql` or `)})` : sql`false`];
  if (f.state) parts.push(sql`r.state = ${f.state}`);
  if (f.kind) parts.push(sql`r.kind = ${f.kind}`);
  if (f.categoryCode) parts.push(sql`r.category_code = ${f.categoryCode}`);
  if (f.level) parts.push(sql`r.level = ${f.level}`);
  if (f.orgPath) parts.push(sql`r.org_path <@ ${f.orgPath}::ltree`);
  if (f.clock === 'overdue') parts.push(sql`r.state in ${OPEN_STATES} and r.due_at < ${f.now}::timestamptz`);
  if (f.clock === 'soon')
    parts.push(sql`r.state in ${OPEN_STATES} and r.due_at >= ${f.now}::timestamptz and r.due_at < ${f.now}::timestamptz + interval '1 day'`);
  if (f.from) parts.push(sql`r.submitted_at >= ${f.from}::timestamptz`);
  if (f.to) parts.push(sql`r.submitted_at < ${f.to}::timestamptz`);
  if (f.q) parts.push(sql`(r.code = ${f.q.toUpperCase()} or r.description like ${`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`})`);
  return sql.join(parts, sql` and `);
}

/** 群众诉求 (migration 0039); SQL only. */
export const serviceRepository = {
  async insert(tx: Database, regionId: string, r: ServiceRequestInsert): Promise<{ code: string }> {
    const row = await tx.one<{ code: string }>(sql`insert into service_request (region_id, id, code, kind, category_code, complexity, description, search,
        community_id, grid_id, org_id, org_path, place, lat, lng, anonymous, contact_name_enc, contact_phone_enc, contact_phone_hash, resident_id,
        source, open311_key_id, recorded_by, submitted_at, stage, clock_rule, due_at, sweep_after)
      values (${regionId}, ${r.id}, 'SQ' || lpad(nextval('service_request_no_seq')::text, 8, '0'), ${r.kind}, ${r.categoryCode}, ${r.complexity},
        ${r.description}, ${r.search}::tsvector, ${r.communityId}, ${r.gridId}, ${r.orgId}, ${r.orgPath}::ltree, ${r.place}, ${r.lat}, ${r.lng},
        ${r.anonymous}, ${r.contactNameEnc}, ${r.contactPhoneEnc}, ${r.contactPhoneHash}, ${r.residentId}, ${r.source}, ${r.open311KeyId},
        ${r.recordedBy}, ${r.submittedAt}::timestamptz, ${r.stage}, ${r.clockRule}, ${r.dueAt}::timestamptz, ${r.sweepAfter}::timestamptz)
      returning code`);
    return row!;
  },

  byId(db: Database, regionId: string, id: string): Promise<ServiceRequestRow | undefined> {
    return db.one<ServiceRequestRow>(sql`select ${SELECT} from ${FROM(regionId)} and r.id = ${id}`);
  },

  /** The row locked until the transaction ends (a step reads its facts under the lock). */
  async lock(tx: Database, regionId: string, id: string): Promise<boolean> {
    return !!(await tx.one(sql`select 1 from service_request where region_id = ${regionId} and id = ${id} for update`));
  },

  async list(
    db: Database,
    regionId: string,
    f: ServiceListFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: ServiceRequestRow[]; total: number }> {
    const where = whereOf(f);
    const items = await db.rows<ServiceRequestRow>(
      sql`select ${SELECT} from ${FROM(regionId)} and ${where} order by r.submitted_at desc, r.id desc limit ${page.limit} offset ${page.offset}`,
    );
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n from service_request r where r.region_id = ${regionId} and ${where}`);
    return { items, total: total?.n ?? 0 };
  },

  /** The requests of one resident (their own, and those they follow), newest first. */
  /**
   * The requests a resident submitted since `since`, counted while their resident row is locked (so
   * two submissions at once count each other's: the daily limit holds under concurrency).
   */
  async residentSubmittedSince(tx: Database, regionId: string, residentId: string, since: string): Promise<number> {
    await tx.one(sql`select id from resident where region_id = ${regionId} and id = ${residentId} for update`);
    const row = await tx.one<{ n: number }>(sql`select count(*)::int as n from service_request
      where region_id = ${regionId} and resident_id = ${residentId} and submitted_at > ${since}::timestamptz`);
    return row?.n ?? 0;
  },

  ofResident(db: Database, regionId: string, residentId: string, limit: number): Promise<ServiceRequestRow[]> {
    return db.rows<ServiceRequestRow>(sql`select ${SELECT} from ${FROM(regionId)} and (r.resident_id = ${residentId}
        or exists (select 1 from service_request_follower f where f.region_id = r.region_id and f.request_id = r.id and f.resident_id = ${residentId}))
      order by r.submitted_at desc, r.id desc limit ${limit}`);
  },

  async isFollower(db: Database, regionId: string, requestId: string, residentId: string): Promise<boolean> {
    return !!(await db.one(
      sql`select 1 from service_request_follower where region_id = ${regionId} and request_id = ${requestId} and resident_id = ${residentId}`,
    ));
  },

  /** Open requests of the same place and category submitted since `since`: the duplicate hint's candidates. */
  candidates(db: Database, regionId: string, orgId: string, categoryCode: string, since: string): Promise<ServiceRequestRow[]> {
    return db.rows<ServiceRequestRow>(sql`select ${SELECT} from ${FROM(regionId)} and r.org_id = ${orgId} and r.category_code = ${categoryCode}
      and r.submitted_at >= ${since}::timestamptz and r.state in ${OPEN_STATES} and r.merged_into is null
      order by r.submitted_at desc limit 200`);
  },

  async update(tx: Database, regionId: string, id: string, p: ServiceRequestPatch): Promise<void> {
    const set: SQL[] = [sql`updated_at = now()`];
    if (p.level !== undefined) set.push(sql`level = ${p.level}`);
    if (p.complexity !== undefined) set.push(sql`complexity = ${p.complexity}`);
    if (p.assignee !== undefined) {
      const a = p.assignee;
      set.push(sql`assignee_type = ${a?.type ?? null}, assignee_org_id = ${a?.orgId ?? null}, assignee_org_path = ${a?.orgPath ?? null}::ltree,
        assignee_member_id = ${a?.memberId ?? null}, assignee_name = ${a?.name ?? null}`);
    }
    if (p.stage !== undefined) set.push(sql`stage = ${p.stage}`);
    if (p.clockRule !== undefined) set.push(sql`clock_rule = ${p.clockRule}`);
    if (p.extensions !== undefined) set.push(sql`extension_count = ${p.extensions}`);
    if (p.dueAt !== undefined) set.push(sql`due_at = ${p.dueAt}::timestamptz`);
    if (p.pausedLeftMs !== undefined) set.push(sql`paused_left_ms = ${p.pausedLeftMs}`);
    if (p.sweepAfter !== undefined) set.push(sql`sweep_after = ${p.sweepAfter}::timestamptz`);
    if (p.acceptedAt) set.push(sql`accepted_at = coalesce(accepted_at, ${p.acceptedAt}::timestamptz)`);
    if (p.takenAt) set.push(sql`taken_at = coalesce(taken_at, ${p.takenAt}::timestamptz)`);
    if (p.resolvedAt) set.push(sql`resolved_at = ${p.resolvedAt}::timestamptz`);
    if (p.closedAt) set.push(sql`closed_at = ${p.closedAt}::timestamptz`);
    if (p.result !== undefined) set.push(sql`result = ${p.result}`);
    if (p.rating !== undefined) set.push(sql`rating = ${p.rating}, rating_comment = ${p.ratingComment ?? null}`);
    if (p.autoClosed) set.push(sql`auto_closed = true`);
    if (p.acceptedOnTime !== undefined) set.push(sql`accepted_on_time = coalesce(accepted_on_time, ${p.acceptedOnTime})`);
    if (p.respondedOnTime !== undefined) set.push(sql`responded_on_time = coalesce(responded_on_time, ${p.respondedOnTime})`);
    if (p.resolvedOnTime !== undefined) set.push(sql`resolved_on_time = ${p.resolvedOnTime}`);
    if (p.reopened) set.push(sql`reopen_count = reopen_count + 1`);
    if (p.returned) set.push(sql`return_count = return_count + 1`);
    if (p.mergedInto) set.push(sql`merged_into = ${p.mergedInto}`);
    await tx.run(sql`update service_request set ${sql.join(set, sql`, `)} where region_id = ${regionId} and id = ${id}`);
  },

  /** The requests the sweep must look at now, oldest first. */
  dueForSweep(db: Database, regionId: string, now: string, limit: number): Promise<{ id: string }[]> {
    return db.rows<{ id: string }>(sql`select id from service_request where region_id = ${regionId} and sweep_after <= ${now}::timestamptz
      order by sweep_after limit ${limit}`);
  },

  /** Locks a request for the sweep unless another runner holds it (that runner is handling it). */
  async claimForSweep(tx: Database, regionId: string, id: string, now: string): Promise<boolean> {
    return !!(await tx.one(
      sql`select 1 from service_request where region_id = ${regionId} and id = ${id} and sweep_after <= ${now}::timestamptz for update skip locked`,
    ));
  },

  async addFollower(
    tx: Database,
    regionId: string,
    f: { id: string; requestId: string; residentId: string | null; phoneEnc: string | null; phoneHash: string | null; fromRequestId: string | null },
  ): Promise<boolean> {
    const n = await tx.run(sql`insert into service_request_follower (region_id, id, request_id, resident_id, phone_enc, phone_hash, from_request_id)
      values (${regionId}, ${f.id}, ${f.requestId}, ${f.residentId}, ${f.phoneEnc}, ${f.phoneHash}, ${f.fromRequestId})
      on conflict do nothing`);
    if (n > 0) await tx.run(sql`update service_request set follower_count = follower_count + 1 where region_id = ${regionId} and id = ${f.requestId}`);
    return n > 0;
  },

  /** Phones to tell of a step: the submitter's and every follower's (encrypted). */
  async phonesOf(db: Database, regionId: string, requestId: string): Promise<string[]> {
    const rows = await db.rows<{ phone_enc: string }>(sql`select contact_phone_enc as phone_enc from service_request
        where region_id = ${regionId} and id = ${requestId} and contact_phone_enc is not null
      union all select phone_enc from service_request_follower where region_id = ${regionId} and request_id = ${requestId} and phone_enc is not null`);
    return rows.map((r) => r.phone_enc);
  },

  // ---- categories and dispatch rules

  categories(db: Database, regionId: string): Promise<{ code: string; name: string; complexity: string; sort: number; active: boolean }[]> {
    return db.rows(sql`select code, name, complexity, sort, active from service_category where region_id = ${regionId} order by sort, code`);
  },

  category(db: Database, regionId: string, code: string): Promise<{ code: string; name: string; complexity: string; active: boolean } | undefined> {
    return db.one(sql`select code, name, complexity, active from service_category where region_id = ${regionId} and code = ${code}`);
  },

  /** The defaults, on a region that has no categories yet. */
  async seedCategories(db: Database, regionId: string, rows: readonly { code: string; name: string; complexity: string; sort: number }[]): Promise<void> {
    await db.run(sql`insert into service_category (region_id, code, name, complexity, sort)
      select ${regionId}, v.code, v.name, v.complexity, v.sort::int from (values ${sql.join(
        rows.map((r) => sql`(${r.code}, ${r.name}, ${r.complexity}, ${r.sort})`),
        sql`, `,
      )}) as v(code, name, complexity, sort)
      where not exists (select 1 from service_category where region_id = ${regionId})`);
  },

  async upsertCategory(tx: Database, regionId: string, c: { code: string; name: string; complexity: string; sort: number; active: boolean }): Promise<void> {
    await tx.run(sql`insert into service_category (region_id, code, name, complexity, sort, active)
      values (${regionId}, ${c.code}, ${c.name}, ${c.complexity}, ${c.sort}, ${c.active})
      on conflict (region_id, code) do update set name = excluded.name, complexity = excluded.complexity, sort = excluded.sort, active = excluded.active`);
  },

  /** The most specific rule for a place and category: the deepest place, then a rule naming the category. */
  dispatchRuleFor(
    db: Database,
    regionId: string,
    orgPath: string,
    categoryCode: string,
  ): Promise<
    { assignee_type: string; assignee_org_id: string; assignee_org_path: string; assignee_member_id: string | null; assignee_name: string } | undefined
  > {
    return db.one(sql`select d.assignee_type, d.assignee_org_id, o.path::text as assignee_org_path, d.assignee_member_id, d.assignee_name
      from service_dispatch_rule d join org o on o.region_id = d.region_id and o.id = d.assignee_org_id
      where d.region_id = ${regionId} and d.org_path @> ${orgPath}::ltree and (d.category_code is null or d.category_code = ${categoryCode})
      order by nlevel(d.org_path) desc, (d.category_code is not null) desc limit 1`);
  },

  dispatchRules(
    db: Database,
    regionId: string,
    scopePath: string,
  ): Promise<
    {
      id: string;
      org_id: string;
      org_name: string;
      category_code: string | null;
      category_name: string | null;
      assignee_type: string;
      assignee_org_id: string;
      assignee_member_id: string | null;
      assignee_name: string;
      note: string | null;
    }[]
  > {
    return db.rows(sql`select d.id, d.org_id, o.name as org_name, d.category_code, c.name as category_name, d.assignee_type, d.assignee_org_id,
        d.assignee_member_id, d.assignee_name, d.note
      from service_dispatch_rule d join org o on o.region_id = d.region_id and o.id = d.org_id
      left join service_category c on c.region_id = d.region_id and c.code = d.category_code
      where d.region_id = ${regionId} and d.org_path <@ ${scopePath}::ltree order by o.path, d.category_code nulls first`);
  },

  async upsertDispatchRule(
    tx: Database,
    regionId: string,
    r: {
      id: string;
      orgId: string;
      orgPath: string;
      categoryCode: string | null;
      type: string;
      assigneeOrgId: string;
      memberId: string | null;
      name: string;
      note: string | null;
    },
  ): Promise<string> {
    const row = await tx.one<{ id: string }>(sql`insert into service_dispatch_rule (region_id, id, org_id, org_path, category_code, assignee_type,
        assignee_org_id, assignee_member_id, assignee_name, note)
      values (${regionId}, ${r.id}, ${r.orgId}, ${r.orgPath}::ltree, ${r.categoryCode}, ${r.type}, ${r.assigneeOrgId}, ${r.memberId}, ${r.name}, ${r.note})
      on conflict (region_id, org_id, coalesce(category_code, '')) do update set assignee_type = excluded.assignee_type,
        assignee_org_id = excluded.assignee_org_id, assignee_member_id = excluded.assignee_member_id, assignee_name = excluded.assignee_name, note = excluded.note
      returning id`);
    return row!.id;
  },

  async deleteDispatchRule(tx: Database, regionId: string, id: string, scopePath: string): Promise<number> {
    return tx.run(sql`delete from service_dispatch_rule where region_id = ${regionId} and id = ${id} and org_path <@ ${scopePath}::ltree`);
  },

  /** A place of a request: the organization, its community (depth 2, community or rural domain) and its grid, if any. */
  place(
    db: Database,
    regionId: string,
    orgId: string,
  ): Promise<
    { id: string; path: string; community_id: string | null; community_path: string | null; grid_id: string | null; grid_path: string | null } | undefined
  > {
    return db.one(sql`select o.id, o.path::text as path, c.id as community_id, c.path::text as community_path, g.id as grid_id, g.path::text as grid_path
      from org o
      left join lateral (select x.id, x.path from org x where x.region_id = o.region_id and x.path @> o.path and x.depth = 2
        and x.domain in ('community','rural') and x.status = 'active' limit 1) c on true
      left join lateral (select x.id, x.path from org x where x.region_id = o.region_id and x.path @> o.path and x.type = 'grid' and x.status = 'active'
        order by x.depth desc limit 1) g on true
      where o.region_id = ${regionId} and o.id = ${orgId} and o.status = 'active'`);
  },

  /** Communities and villages (depth 2) with their grids and street, for residents to pick a place. */
  places(db: Database, regionId: string): Promise<{ id: string; name: string; street_name: string; grids: { id: string; name: string }[] | null }[]> {
    return db.rows(sql`select c.id, c.name, s.name as street_name,
        (select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name) from org g
          where g.region_id = c.region_id and g.path <@ c.path and g.type = 'grid' and g.status = 'active') as grids
      from org c join org s on s.region_id = c.region_id and s.id = c.parent_id
      where c.region_id = ${regionId} and c.depth = 2 and c.domain in ('community','rural') and c.status = 'active'
      order by s.path, c.name`);
  },

  /** An organization's path, name, type and whether it is under `scopePath`. */
  org(
    db: Database,
    regionId: string,
    id: string,
  ): Promise<{ id: string; path: string; name: string; type: string; domain: string; parent_id: string | null } | undefined> {
    return db.one(
      sql`select id, path::text as path, name, type, domain, parent_id from org where region_id = ${regionId} and id = ${id} and status = 'active'`,
    );
  },

  /** A member's name and branch path (an assignee of type member). */
  member(db: Database, regionId: string, id: string): Promise<{ id: string; name: string; org_id: string; org_path: string } | undefined> {
    return db.one(sql`select m.id, m.name, m.org_id, o.path::text as org_path from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id = ${id}`);
  },

  /** Accounts that act for an assignee or a desk: bound to these organizations with these roles. */
  accountsAt(db: Database, regionId: string, orgIds: string[], roles: string[]): Promise<{ id: string }[]> {
    if (orgIds.length === 0) return Promise.resolve([]);
    return db.rows(sql`select id from account where region_id = ${regionId} and disabled = false
      and org_id in (${sql.join(
        orgIds.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) and role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})`);
  },

  /** The account of a member record (a 党员 account bound to it). */
  memberAccount(db: Database, regionId: string, memberId: string): Promise<{ id: string } | undefined> {
    return db.one(sql`select id from account where region_id = ${regionId} and member_id = ${memberId} and disabled = false limit 1`);
  },
};
