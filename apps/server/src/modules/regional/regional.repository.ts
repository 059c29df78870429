import { sql, type SQL } from 'drizzle-orm';
import type { RgCategory, RgNeedQuery } from '@jiceng/contracts';
import type { RgCategory as RuleCategory, RgRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** A need with its organizations, category, claiming unit and live project. */
export interface NeedRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  community_id: string;
  community_name: string;
  community_path: string;
  street_id: string | null;
  category_code: string;
  category_name: string;
  title: string;
  description: string;
  beneficiaries: string;
  beneficiary_count: number | null;
  place: string | null;
  urgency: 'urgent' | 'soon' | 'normal';
  wanted_by: string | null;
  est_money_fen: number | null;
  est_people: number | null;
  source: string;
  source_kind: string | null;
  source_id: string | null;
  state: string;
  version: number;
  claimed_unit_id: string | null;
  claimed_unit_name: string | null;
  claimed_unit_by: string | null;
  claimed_at: string | null;
  claim_note: string | null;
  project_id: string | null;
  project_title: string | null;
  project_state: string | null;
  close_reason: string | null;
  recorded_on: string;
  created_at: string;
}

export interface NeedWrite {
  id: string;
  orgId: string;
  orgPath: string;
  communityId: string;
  categoryCode: string;
  title: string;
  description: string;
  beneficiaries: string;
  beneficiaryCount: number | null;
  place: string | null;
  urgency: string;
  wantedBy: string | null;
  estMoneyFen: number | null;
  estPeople: number | null;
  source: string;
  sourceKind: string | null;
  sourceId: string | null;
  recordedOn: string;
  createdBy: string | null;
}

/** An organization a need may be recorded by, with the community (社区/村) at or above it. */
export interface NeedOrgRow {
  id: string;
  name: string;
  path: string;
  status: string;
  community_id: string | null;
  community_path: string | null;
}

export const inList = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

const needSelect = sql`select n.id, n.org_id::text as org_id, n.org_path::text as org_path, o.name as org_name, n.community_id::text as community_id,
  c.name as community_name, c.path::text as community_path, c.parent_id::text as street_id, n.category_code, k.name as category_name,
  n.title, n.description, n.beneficiaries, n.beneficiary_count, n.place, n.urgency, n.wanted_by::text as wanted_by,
  n.est_money_fen::float8 as est_money_fen, n.est_people, n.source, n.source_kind, n.source_id, n.state, n.version,
  n.claimed_unit_id::text as claimed_unit_id, u.unit_name as claimed_unit_name, u.created_by::text as claimed_unit_by,
  n.claimed_at::text as claimed_at, n.claim_note,
  p.id::text as project_id, p.title as project_title, p.state as project_state, n.close_reason, n.recorded_on::text as recorded_on,
  n.created_at::text as created_at
  from rg_need n
  join org o on o.region_id = n.region_id and o.id = n.org_id
  join org c on c.region_id = n.region_id and c.id = n.community_id
  join rg_category k on k.region_id = n.region_id and k.code = n.category_code
  left join unit_report_in u on u.region_id = n.region_id and u.id = n.claimed_unit_id
  left join rg_project p on p.region_id = n.region_id and p.need_id = n.id and p.state <> 'withdrawn'`;

/** Where a need is overdue on `today`: open or claimed past its wanted-by date, or open longer than rule rg-need-stale. */
export const needOverdue = (today: string, rules: RgRuleSet) =>
  sql`((n.state in ('open','claimed') and n.wanted_by < ${today}::date) or (n.state = 'open' and n.recorded_on + ${rules.staleDays}::int < ${today}::date))`;

/** Who a list reads: a subtree, or (a 驻区单位) the communities it reported to. */
export type NeedReader = { path: string } | { communityIds: readonly string[] };

export interface NeedFilter extends RgNeedQuery {
  reader: NeedReader;
  today: string;
  /** An organization's subtree inside the reader's (the `orgId` filter, resolved). */
  underPath?: string | null;
}

function needWhere(regionId: string, f: NeedFilter, rules: RgRuleSet): SQL {
  const w: SQL[] = [sql`n.region_id = ${regionId}`];
  if ('path' in f.reader) w.push(sql`n.org_path <@ ${f.reader.path}::ltree`);
  else w.push(f.reader.communityIds.length ? sql`n.community_id = any(${uuidArray(f.reader.communityIds)}::uuid[])` : sql`false`);
  if (f.underPath) w.push(sql`n.org_path <@ ${f.underPath}::ltree`);
  if (f.state) w.push(sql`n.state = ${f.state}`);
  if (f.categoryCode) w.push(sql`n.category_code = ${f.categoryCode}`);
  if (f.urgency) w.push(sql`n.urgency = ${f.urgency}`);
  if (f.overdue) w.push(needOverdue(f.today, rules));
  if (f.q) w.push(sql`(strpos(n.title, ${f.q}) > 0 or strpos(n.description, ${f.q}) > 0 or strpos(o.name, ${f.q}) > 0)`);
  return sql.join(w, sql` and `);
}

const urgencyOrder = sql`case n.urgency when 'urgent' then 0 when 'soon' then 1 else 2 end`;

export const regionalRepository = {
  // ---------------------------------------------------------------- categories
  categories: (db: Database, regionId: string) =>
    db.rows<RgCategory>(sql`select code, name, sort, active from rg_category where region_id = ${regionId} order by sort, code`),
  category: (db: Database, regionId: string, code: string) =>
    db.one<RgCategory>(sql`select code, name, sort, active from rg_category where region_id = ${regionId} and code = ${code}`),
  /** The starter dictionary (rule rg-categories), once: existing codes are left as the district edited them. */
  async seedCategories(db: Database, regionId: string, starter: readonly RuleCategory[]): Promise<void> {
    for (const [i, c] of starter.entries())
      await db.run(sql`insert into rg_category (region_id, code, name, sort) values (${regionId}, ${c.code}, ${c.name}, ${(i + 1) * 10})
        on conflict do nothing`);
  },
  saveCategory: (db: Database, regionId: string, c: { code: string; name: string; sort: number; active: boolean }) =>
    db.run(sql`insert into rg_category (region_id, code, name, sort, active) values (${regionId}, ${c.code}, ${c.name}, ${c.sort}, ${c.active})
      on conflict (region_id, code) do update set name = excluded.name, sort = excluded.sort, active = excluded.active, updated_at = now()`),

  // ---------------------------------------------------------------- organizations
  /** The organization and the 社区/村 at or above it (null when there is none). */
  needOrg: (db: Database, regionId: string, orgId: string, rules: RgRuleSet) =>
    db.one<NeedOrgRow>(sql`select o.id::text as id, o.name, o.path::text as path, o.status,
      (select c.id::text from org c where c.region_id = o.region_id and c.path @> o.path and c.type in (${inList(rules.communityOrgTypes)})
        and c.domain in (${inList(rules.communityDomains)}) and c.status = 'active'
        and not exists (select 1 from org d where d.region_id = c.region_id and d.parent_id = c.id and d.type = 'committee' and d.domain in (${inList(rules.communityDomains)}))
        order by c.depth desc limit 1) as community_id,
      (select c.path::text from org c where c.region_id = o.region_id and c.path @> o.path and c.type in (${inList(rules.communityOrgTypes)})
        and c.domain in (${inList(rules.communityDomains)}) and c.status = 'active'
        and not exists (select 1 from org d where d.region_id = c.region_id and d.parent_id = c.id and d.type = 'committee' and d.domain in (${inList(rules.communityDomains)}))
        order by c.depth desc limit 1) as community_path
      from org o where o.region_id = ${regionId} and o.id = ${orgId}`),
  /** The active 社区/村 organizations under `path`, for matching the import's names. */
  communitiesUnder: (db: Database, regionId: string, path: string, rules: RgRuleSet) =>
    db.rows<{ id: string; name: string; short_name: string | null; path: string }>(sql`select id::text as id, name, short_name, path::text as path from org
      where region_id = ${regionId} and path <@ ${path}::ltree and status = 'active' and type in (${inList(rules.communityOrgTypes)})
        and domain in (${inList(rules.communityDomains)}) limit 5000`),
  orgPath: (db: Database, regionId: string, orgId: string) =>
    db.one<{ path: string; name: string }>(sql`select path::text as path, name from org where region_id = ${regionId} and id = ${orgId}`),

  /** A standing in-service member's report (双报到), with the member's name and the community. */
  memberReport: (db: Database, regionId: string, id: string) =>
    db.one<{ id: string; member_name: string; community_id: string; community_path: string }>(sql`select r.id::text as id, m.name as member_name,
      r.community_id::text as community_id, c.path::text as community_path
      from member_report_in r join member m on m.region_id = r.region_id and m.id = r.member_id
      join org c on c.region_id = r.region_id and c.id = r.community_id
      where r.region_id = ${regionId} and r.id = ${id} and r.status = 'reported'`),
  /** The active 社区/村 organizations among `ids`. */
  communities: (db: Database, regionId: string, ids: readonly string[], rules: RgRuleSet) =>
    ids.length === 0
      ? Promise.resolve([] as { id: string }[])
      : db.rows<{ id: string }>(sql`select id::text as id from org where region_id = ${regionId} and id = any(${uuidArray(ids)}::uuid[]) and status = 'active'
          and type in (${inList(rules.communityOrgTypes)}) and domain in (${inList(rules.communityDomains)})`),

  // ---------------------------------------------------------------- needs
  insertNeed: (db: Database, regionId: string, n: NeedWrite) =>
    db.run(sql`insert into rg_need (region_id, id, org_id, org_path, community_id, category_code, title, description, beneficiaries, beneficiary_count,
      place, urgency, wanted_by, est_money_fen, est_people, source, source_kind, source_id, state, recorded_on, created_by)
      values (${regionId}, ${n.id}, ${n.orgId}, ${n.orgPath}::ltree, ${n.communityId}, ${n.categoryCode}, ${n.title}, ${n.description}, ${n.beneficiaries},
      ${n.beneficiaryCount}, ${n.place}, ${n.urgency}, ${n.wantedBy}, ${n.estMoneyFen}, ${n.estPeople}, ${n.source}, ${n.sourceKind}, ${n.sourceId}, 'open',
      ${n.recordedOn}, ${n.createdBy})`),
  /** Edits the need's fields while it is at `version`; false when it moved on meanwhile. */
  async updateNeed(db: Database, regionId: string, n: NeedWrite, version: number): Promise<boolean> {
    const r = await db.one<{ id: string }>(sql`update rg_need set org_id = ${n.orgId}, org_path = ${n.orgPath}::ltree, community_id = ${n.communityId},
      category_code = ${n.categoryCode}, title = ${n.title}, description = ${n.description}, beneficiaries = ${n.beneficiaries},
      beneficiary_count = ${n.beneficiaryCount}, place = ${n.place}, urgency = ${n.urgency}, wanted_by = ${n.wantedBy}, est_money_fen = ${n.estMoneyFen},
      est_people = ${n.estPeople}, source = ${n.source}, source_kind = ${n.sourceKind}, source_id = ${n.sourceId}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${n.id} and version = ${version} returning id`);
    return !!r;
  },
  need: (db: Database, regionId: string, id: string) => db.one<NeedRow>(sql`${needSelect} where n.region_id = ${regionId} and n.id = ${id}`),
  needsByIds: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as NeedRow[])
      : db.rows<NeedRow>(sql`${needSelect} where n.region_id = ${regionId} and n.id = any(${uuidArray(ids)}::uuid[])`),
  async needs(db: Database, regionId: string, f: NeedFilter, rules: RgRuleSet) {
    const where = needWhere(regionId, f, rules);
    const size = f.pageSize ?? 20;
    const items = await db.rows<NeedRow>(sql`${needSelect} where ${where}
      order by case when n.state in ('open','claimed') then 0 else 1 end, ${urgencyOrder}, n.wanted_by nulls last, n.created_at desc, n.id
      limit ${size} offset ${((f.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(
      sql`select count(*)::int as n from rg_need n join org o on o.region_id = n.region_id and o.id = n.org_id where ${where}`,
    );
    return { items, total: total?.n ?? 0 };
  },
  /** Open and claimed needs of the communities under `path` (or the given communities), for the board. */
  boardNeeds: (db: Database, regionId: string, reader: NeedReader, underPath: string | null) => {
    const scope = 'path' in reader ? sql`n.org_path <@ ${reader.path}::ltree` : sql`n.community_id = any(${uuidArray(reader.communityIds)}::uuid[])`;
    return db.rows<NeedRow & { street_name: string | null }>(sql`select x.*, s.name as street_name from (${needSelect}
      where n.region_id = ${regionId} and ${scope} ${underPath ? sql`and n.org_path <@ ${underPath}::ltree` : sql``} and n.state in ('open','claimed')) x
      left join org s on s.region_id = ${regionId} and s.id::text = x.street_id
      order by s.name nulls first, x.community_name, case x.urgency when 'urgent' then 0 when 'soon' then 1 else 2 end, x.wanted_by nulls last, x.id
      limit 2000`);
  },
  /** Claim fields set with the workflow's `claim`. */
  setClaim: (db: Database, regionId: string, id: string, c: { unitId: string | null; at: string | null; note: string | null }) =>
    db.run(
      sql`update rg_need set claimed_unit_id = ${c.unitId}, claimed_at = ${c.at}::timestamptz, claim_note = ${c.note} where region_id = ${regionId} and id = ${id}`,
    ),
  setCloseReason: (db: Database, regionId: string, id: string, reason: string) =>
    db.run(sql`update rg_need set close_reason = ${reason} where region_id = ${regionId} and id = ${id}`),
  /** Locks the need's row (a project's steps carry the need along in the same transaction). */
  lockNeed: (db: Database, regionId: string, id: string) =>
    db.one<{ state: string }>(sql`select state from rg_need where region_id = ${regionId} and id = ${id} for update`),
};
export type RegionalRepository = typeof regionalRepository;
