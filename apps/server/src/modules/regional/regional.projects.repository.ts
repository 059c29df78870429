import { sql, type SQL } from 'drizzle-orm';
import type { RgProjectQuery, RgResourceQuery } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { uuidArray } from './regional.repository.ts';

export interface ResourceRow {
  id: string;
  owner_kind: 'unit' | 'member';
  owner_name: string;
  unit_id: string | null;
  unit_by: string | null;
  member_report_id: string | null;
  org_id: string;
  org_path: string;
  community_name: string;
  street_id: string | null;
  category_code: string;
  category_name: string;
  title: string;
  description: string;
  capacity_people: number | null;
  capacity_hours_month: number | null;
  capacity_money_fen: number | null;
  venue: string | null;
  available_from: string | null;
  available_to: string | null;
  contact_name: string;
  contact_phone_enc: string;
  contact_phone_masked: string;
  state: 'offered' | 'withdrawn';
  version: number;
  projects: number;
  /** [{id, name, street_id}] of the communities it is offered to. */
  offered: { id: string; name: string; street_id: string | null; path: string }[];
  created_at: string;
}

export interface ResourceWrite {
  id: string;
  ownerKind: 'unit' | 'member';
  unitId: string | null;
  memberReportId: string | null;
  orgId: string;
  orgPath: string;
  ownerName: string;
  categoryCode: string;
  title: string;
  description: string;
  capacityPeople: number | null;
  capacityHoursMonth: number | null;
  capacityMoneyFen: number | null;
  venue: string | null;
  availableFrom: string | null;
  availableTo: string | null;
  contactName: string;
  phoneEnc: string;
  phoneMasked: string;
  createdBy: string | null;
}

const resourceSelect = sql`select r.id, r.owner_kind, r.owner_name, r.unit_id::text as unit_id, u.created_by::text as unit_by,
  r.member_report_id::text as member_report_id, r.org_id::text as org_id, r.org_path::text as org_path, c.name as community_name,
  c.parent_id::text as street_id, r.category_code, k.name as category_name, r.title, r.description, r.capacity_people,
  r.capacity_hours_month::float8 as capacity_hours_month, r.capacity_money_fen::float8 as capacity_money_fen, r.venue,
  r.available_from::text as available_from, r.available_to::text as available_to, r.contact_name, r.contact_phone_enc, r.contact_phone_masked,
  r.state, r.version,
  (select count(*)::int from rg_project_part pp join rg_project p on p.region_id = pp.region_id and p.id = pp.project_id
    where pp.region_id = r.region_id and pp.resource_id = r.id and p.state <> 'withdrawn') as projects,
  coalesce((select jsonb_agg(jsonb_build_object('id', oc.id, 'name', oc.name, 'street_id', oc.parent_id, 'path', oc.path::text) order by oc.path)
    from rg_resource_offer f join org oc on oc.region_id = f.region_id and oc.id = f.community_id
    where f.region_id = r.region_id and f.resource_id = r.id), '[]'::jsonb) as offered,
  r.created_at::text as created_at
  from rg_resource r
  join org c on c.region_id = r.region_id and c.id = r.org_id
  join rg_category k on k.region_id = r.region_id and k.code = r.category_code
  left join unit_report_in u on u.region_id = r.region_id and u.id = r.unit_id`;

/** Who reads resources: a subtree (its communities' resources and those offered to them), or a unit's own. */
export type ResourceReader = { path: string } | { unitIds: readonly string[] };

export interface ResourceFilter extends RgResourceQuery {
  reader: ResourceReader;
  underPath?: string | null;
}

function resourceWhere(regionId: string, f: ResourceFilter): SQL {
  const w: SQL[] = [sql`r.region_id = ${regionId}`];
  if ('path' in f.reader) w.push(sql`r.org_path <@ ${f.reader.path}::ltree`);
  else w.push(f.reader.unitIds.length ? sql`r.unit_id = any(${uuidArray(f.reader.unitIds)}::uuid[])` : sql`false`);
  if (f.underPath) w.push(sql`r.org_path <@ ${f.underPath}::ltree`);
  if (f.categoryCode) w.push(sql`r.category_code = ${f.categoryCode}`);
  if (f.ownerKind) w.push(sql`r.owner_kind = ${f.ownerKind}`);
  if (f.state) w.push(sql`r.state = ${f.state}`);
  if (f.q) w.push(sql`(strpos(r.title, ${f.q}) > 0 or strpos(r.owner_name, ${f.q}) > 0 or strpos(r.description, ${f.q}) > 0)`);
  return sql.join(w, sql` and `);
}

export interface ProjectRow {
  id: string;
  need_id: string;
  need_title: string;
  need_state: string;
  org_id: string;
  org_path: string;
  org_name: string;
  category_code: string;
  category_name: string;
  title: string;
  plan: string;
  start_date: string;
  end_date: string;
  budget_fen: number;
  planned_people: number | null;
  state: string;
  version: number;
  results: string | null;
  funds_fen: number | null;
  problems_solved: number | null;
  completed_on: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_on: string | null;
  withdraw_reason: string | null;
  activities: number;
  hours: number;
  parts: {
    resource_id: string | null;
    resource_title: string | null;
    unit_id: string | null;
    unit_by: string | null;
    /** The unit has a 驻区单位 account of its own (it filed its report itself): it answers for itself. */
    unit_self: boolean;
    owner_name: string;
    consent: 'pending' | 'agreed' | 'declined';
    decided_at: string | null;
    decline_reason: string | null;
  }[];
  created_at: string;
}

const projectSelect = sql`select p.id, p.need_id::text as need_id, n.title as need_title, n.state as need_state, p.org_id::text as org_id,
  p.org_path::text as org_path, o.name as org_name, n.category_code, k.name as category_name, p.title, p.plan, p.start_date::text as start_date,
  p.end_date::text as end_date, p.budget_fen::float8 as budget_fen, p.planned_people, p.state, p.version, p.results, p.funds_fen::float8 as funds_fen,
  p.problems_solved, p.completed_on::text as completed_on, p.rating, p.rating_comment, p.rated_on::text as rated_on, p.withdraw_reason,
  (select count(*)::int from rg_activity a where a.region_id = p.region_id and a.project_id = p.id) as activities,
  coalesce((select sum(a.hours)::float8 from rg_activity a where a.region_id = p.region_id and a.project_id = p.id), 0) as hours,
  coalesce((select jsonb_agg(jsonb_build_object('resource_id', pp.resource_id, 'resource_title', rr.title, 'unit_id', pp.unit_id,
      'unit_by', uu.created_by,
      'unit_self', exists (select 1 from account ua where ua.region_id = uu.region_id and ua.id = uu.created_by and ua.role = 'resident_unit'),
      'owner_name', pp.owner_name, 'consent', pp.consent, 'decided_at', pp.decided_at, 'decline_reason', pp.decline_reason)
      order by pp.owner_name)
    from rg_project_part pp left join rg_resource rr on rr.region_id = pp.region_id and rr.id = pp.resource_id
    left join unit_report_in uu on uu.region_id = pp.region_id and uu.id = pp.unit_id
    where pp.region_id = p.region_id and pp.project_id = p.id), '[]'::jsonb) as parts,
  p.created_at::text as created_at
  from rg_project p
  join rg_need n on n.region_id = p.region_id and n.id = p.need_id
  join org o on o.region_id = p.region_id and o.id = p.org_id
  join rg_category k on k.region_id = n.region_id and k.code = n.category_code`;

export type ProjectReader = { path: string } | { unitIds: readonly string[] };
export interface ProjectFilter extends RgProjectQuery {
  reader: ProjectReader;
  underPath?: string | null;
}

function projectWhere(regionId: string, f: ProjectFilter): SQL {
  const w: SQL[] = [sql`p.region_id = ${regionId}`];
  if ('path' in f.reader) w.push(sql`p.org_path <@ ${f.reader.path}::ltree`);
  else
    w.push(
      f.reader.unitIds.length
        ? sql`exists (select 1 from rg_project_part x where x.region_id = p.region_id and x.project_id = p.id and x.unit_id = any(${uuidArray(f.reader.unitIds)}::uuid[]))`
        : sql`false`,
    );
  if (f.underPath) w.push(sql`p.org_path <@ ${f.underPath}::ltree`);
  if (f.state) w.push(sql`p.state = ${f.state}`);
  if (f.categoryCode) w.push(sql`n.category_code = ${f.categoryCode}`);
  if (f.year) w.push(sql`extract(year from p.start_date)::int = ${f.year}`);
  if (f.q) w.push(sql`(strpos(p.title, ${f.q}) > 0 or strpos(n.title, ${f.q}) > 0 or strpos(o.name, ${f.q}) > 0)`);
  return sql.join(w, sql` and `);
}

export interface ActivityRow {
  id: string;
  project_id: string;
  project_title: string;
  held_on: string;
  title: string;
  description: string | null;
  participants: number;
  hours: number;
  beneficiaries: number;
  unit_id: string | null;
  unit_name: string | null;
  created_at: string;
}
const activitySelect = sql`select a.id, a.project_id::text as project_id, p.title as project_title, a.held_on::text as held_on, a.title, a.description,
  a.participants, a.hours::float8 as hours, a.beneficiaries, a.unit_id::text as unit_id, u.unit_name, a.created_at::text as created_at
  from rg_activity a join rg_project p on p.region_id = a.region_id and p.id = a.project_id
  left join unit_report_in u on u.region_id = a.region_id and u.id = a.unit_id`;

export const regionalProjectRepository = {
  // ---------------------------------------------------------------- resources
  insertResource: (db: Database, regionId: string, r: ResourceWrite) =>
    db.run(sql`insert into rg_resource (region_id, id, owner_kind, unit_id, member_report_id, org_id, org_path, owner_name, category_code, title,
      description, capacity_people, capacity_hours_month, capacity_money_fen, venue, available_from, available_to, contact_name, contact_phone_enc,
      contact_phone_masked, created_by)
      values (${regionId}, ${r.id}, ${r.ownerKind}, ${r.unitId}, ${r.memberReportId}, ${r.orgId}, ${r.orgPath}::ltree, ${r.ownerName}, ${r.categoryCode},
      ${r.title}, ${r.description}, ${r.capacityPeople}, ${r.capacityHoursMonth}, ${r.capacityMoneyFen}, ${r.venue}, ${r.availableFrom}, ${r.availableTo},
      ${r.contactName}, ${r.phoneEnc}, ${r.phoneMasked}, ${r.createdBy})`),
  async updateResource(db: Database, regionId: string, r: ResourceWrite, version: number): Promise<boolean> {
    const row = await db.one<{ id: string }>(sql`update rg_resource set category_code = ${r.categoryCode}, title = ${r.title}, description = ${r.description},
      capacity_people = ${r.capacityPeople}, capacity_hours_month = ${r.capacityHoursMonth}, capacity_money_fen = ${r.capacityMoneyFen}, venue = ${r.venue},
      available_from = ${r.availableFrom}, available_to = ${r.availableTo}, contact_name = ${r.contactName}, contact_phone_enc = ${r.phoneEnc},
      contact_phone_masked = ${r.phoneMasked}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${r.id} and version = ${version} and state = 'offered' returning id`);
    return !!row;
  },
  async withdrawResource(db: Database, regionId: string, id: string, version: number | undefined): Promise<boolean> {
    const row = await db.one<{ id: string }>(sql`update rg_resource set state = 'withdrawn', version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and state = 'offered' ${version !== undefined ? sql`and version = ${version}` : sql``} returning id`);
    return !!row;
  },
  async setOffers(db: Database, regionId: string, resourceId: string, communityIds: readonly string[]): Promise<void> {
    await db.run(sql`delete from rg_resource_offer where region_id = ${regionId} and resource_id = ${resourceId}`);
    for (const c of new Set(communityIds))
      await db.run(sql`insert into rg_resource_offer (region_id, resource_id, community_id) values (${regionId}, ${resourceId}, ${c})`);
  },
  resource: (db: Database, regionId: string, id: string) => db.one<ResourceRow>(sql`${resourceSelect} where r.region_id = ${regionId} and r.id = ${id}`),
  async resources(db: Database, regionId: string, f: ResourceFilter) {
    const where = resourceWhere(regionId, f);
    const size = f.pageSize ?? 20;
    const items = await db.rows<ResourceRow>(sql`${resourceSelect} where ${where}
      order by case r.state when 'offered' then 0 else 1 end, r.created_at desc, r.id limit ${size} offset ${((f.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n from rg_resource r where ${where}`);
    return { items, total: total?.n ?? 0 };
  },
  resourcesAll: (db: Database, regionId: string, f: ResourceFilter, cap: number) =>
    db.rows<ResourceRow>(sql`${resourceSelect} where ${resourceWhere(regionId, f)} order by c.path, r.owner_name, r.id limit ${cap}`),
  /** Resources offered (to a community's need): offered to the community or owned in the same street, still offered. */
  candidates: (db: Database, regionId: string, communityId: string, streetId: string | null, today: string) =>
    db.rows<ResourceRow>(sql`${resourceSelect} where r.region_id = ${regionId} and r.state = 'offered'
      and (r.available_to is null or r.available_to >= ${today}::date)
      and (exists (select 1 from rg_resource_offer f where f.region_id = r.region_id and f.resource_id = r.id and f.community_id = ${communityId})
        ${streetId ? sql`or c.parent_id = ${streetId}` : sql``})
      order by r.id limit 500`),
  resourcesByIds: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ResourceRow[])
      : db.rows<ResourceRow>(sql`${resourceSelect} where r.region_id = ${regionId} and r.id = any(${uuidArray(ids)}::uuid[])`),

  // ---------------------------------------------------------------- projects
  insertProject: (
    db: Database,
    regionId: string,
    p: {
      id: string;
      needId: string;
      orgId: string;
      orgPath: string;
      title: string;
      plan: string;
      startDate: string;
      endDate: string;
      budgetFen: number;
      plannedPeople: number | null;
      imported: boolean;
      createdBy: string | null;
    },
  ) =>
    db.run(sql`insert into rg_project (region_id, id, need_id, org_id, org_path, title, plan, start_date, end_date, budget_fen, planned_people, state, imported, created_by)
      values (${regionId}, ${p.id}, ${p.needId}, ${p.orgId}, ${p.orgPath}::ltree, ${p.title}, ${p.plan}, ${p.startDate}, ${p.endDate}, ${p.budgetFen},
      ${p.plannedPeople}, 'proposed', ${p.imported}, ${p.createdBy})`),
  insertPart: (
    db: Database,
    regionId: string,
    x: {
      projectId: string;
      resourceId: string | null;
      unitId: string | null;
      memberReportId: string | null;
      ownerName: string;
      agreed: boolean;
      by: string | null;
    },
  ) =>
    db.run(sql`insert into rg_project_part (region_id, project_id, resource_id, unit_id, member_report_id, owner_name, consent, decided_at, decided_by)
      values (${regionId}, ${x.projectId}, ${x.resourceId}, ${x.unitId}, ${x.memberReportId}, ${x.ownerName}, ${x.agreed ? 'agreed' : 'pending'},
      ${x.agreed ? sql`now()` : sql`null`}, ${x.agreed ? x.by : null})`),
  /** A unit's pending consent decided; false when it was decided meanwhile. */
  async decidePart(
    db: Database,
    regionId: string,
    projectId: string,
    unitId: string,
    d: { agree: boolean; reason: string | null; by: string },
  ): Promise<boolean> {
    const row = await db.one<{ n: number }>(sql`with u as (update rg_project_part set consent = ${d.agree ? 'agreed' : 'declined'}, decided_at = now(),
      decided_by = ${d.by}, decline_reason = ${d.agree ? null : d.reason}
      where region_id = ${regionId} and project_id = ${projectId} and unit_id = ${unitId} and consent = 'pending' returning 1) select count(*)::int as n from u`);
    return (row?.n ?? 0) > 0;
  },
  /** Locks the project's row: consents and steps on one project run one at a time. */
  lockProject: (db: Database, regionId: string, id: string) =>
    db.one<{ state: string }>(sql`select state from rg_project where region_id = ${regionId} and id = ${id} for update`),
  project: (db: Database, regionId: string, id: string) => db.one<ProjectRow>(sql`${projectSelect} where p.region_id = ${regionId} and p.id = ${id}`),
  async projects(db: Database, regionId: string, f: ProjectFilter) {
    const where = projectWhere(regionId, f);
    const size = f.pageSize ?? 20;
    const items = await db.rows<ProjectRow>(sql`${projectSelect} where ${where}
      order by case p.state when 'proposed' then 0 when 'active' then 1 when 'completed' then 2 else 3 end, p.end_date, p.id
      limit ${size} offset ${((f.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n from rg_project p join rg_need n on n.region_id = p.region_id and n.id = p.need_id
      join org o on o.region_id = p.region_id and o.id = p.org_id where ${where}`);
    return { items, total: total?.n ?? 0 };
  },
  /** The need's live project (not withdrawn). */
  liveProjectOf: (db: Database, regionId: string, needId: string) =>
    db.one<{ id: string; state: string }>(sql`select id, state from rg_project where region_id = ${regionId} and need_id = ${needId} and state <> 'withdrawn'`),

  // ---------------------------------------------------------------- activities and feedback
  insertActivity: (
    db: Database,
    regionId: string,
    a: {
      id: string;
      projectId: string;
      orgPath: string;
      heldOn: string;
      title: string;
      description: string | null;
      participants: number;
      hours: number;
      beneficiaries: number;
      unitId: string | null;
      by: string | null;
    },
  ) =>
    db.run(sql`insert into rg_activity (region_id, id, project_id, org_path, held_on, title, description, participants, hours, beneficiaries, unit_id, recorded_by)
      values (${regionId}, ${a.id}, ${a.projectId}, ${a.orgPath}::ltree, ${a.heldOn}, ${a.title}, ${a.description}, ${a.participants}, ${a.hours},
      ${a.beneficiaries}, ${a.unitId}, ${a.by})`),
  activities: (db: Database, regionId: string, projectId: string) =>
    db.rows<ActivityRow>(sql`${activitySelect} where a.region_id = ${regionId} and a.project_id = ${projectId} order by a.held_on desc, a.created_at desc`),
  activity: (db: Database, regionId: string, projectId: string, id: string) =>
    db.one<ActivityRow>(sql`${activitySelect} where a.region_id = ${regionId} and a.project_id = ${projectId} and a.id = ${id}`),
  /** A unit's activities of a year: those it took part in, or of projects it is in. */
  unitActivities: (db: Database, regionId: string, unitId: string, year: number) =>
    db.rows<ActivityRow>(sql`${activitySelect} where a.region_id = ${regionId} and extract(year from a.held_on)::int = ${year}
      and (a.unit_id = ${unitId} or (a.unit_id is null and exists (select 1 from rg_project_part x where x.region_id = a.region_id and x.project_id = a.project_id
        and x.unit_id = ${unitId} and x.consent = 'agreed')))
      order by a.held_on desc, a.id limit 1000`),
  insertFeedback: (
    db: Database,
    regionId: string,
    f: { id: string; projectId: string; verdict: string; comment: string | null; rater: string | null; by: string },
  ) =>
    db.run(sql`insert into rg_feedback (region_id, id, project_id, verdict, comment, rater, recorded_by)
      values (${regionId}, ${f.id}, ${f.projectId}, ${f.verdict}, ${f.comment}, ${f.rater}, ${f.by})`),
  feedback: (db: Database, regionId: string, projectId: string) =>
    db.rows<{ id: string; verdict: 'satisfied' | 'fair' | 'unsatisfied'; comment: string | null; rater: string | null; created_at: string }>(
      sql`select id, verdict, comment, rater, created_at::text as created_at from rg_feedback where region_id = ${regionId} and project_id = ${projectId}
        order by created_at desc, id`,
    ),
};
export type RegionalProjectRepository = typeof regionalProjectRepository;
