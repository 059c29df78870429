import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { uuidArray } from './regional.repository.ts';

export interface FigureRow {
  key: string;
  needs: number;
  met: number;
  on_time: number;
  projects: number;
  units: number;
  hours: number;
  funds_fen: number;
  problems_solved: number;
}

/**
 * The figures of 三张清单 for a year under `path`, grouped by `group` (an SQL expression over the
 * row's `org_path` named `x`, giving the key). Needs count by the day recorded, met ones (已完成,
 * 已评价) by the same; on time when completed by the wanted-by date; projects by their start;
 * hours by the activity's day; funds and problems solved by the project's completion.
 */
async function figures(db: Database, regionId: string, path: string, year: number, group: (x: SQL) => SQL): Promise<FigureRow[]> {
  const inYear = (d: SQL) => sql`extract(year from ${d})::int = ${year}`;
  return db.rows<FigureRow>(sql`with
    nd as (select ${group(sql`n.org_path`)} as key, count(*)::int as needs,
        count(*) filter (where n.state in ('completed','rated'))::int as met,
        count(*) filter (where n.state in ('completed','rated') and (n.wanted_by is null or p.completed_on <= n.wanted_by))::int as on_time
      from rg_need n left join rg_project p on p.region_id = n.region_id and p.need_id = n.id and p.state in ('completed','rated')
      where n.region_id = ${regionId} and n.org_path <@ ${path}::ltree and ${inYear(sql`n.recorded_on`)} group by 1),
    pj as (select ${group(sql`p.org_path`)} as key, count(*)::int as projects,
        count(distinct pp.unit_id) filter (where pp.consent = 'agreed')::int as units
      from rg_project p left join rg_project_part pp on pp.region_id = p.region_id and pp.project_id = p.id
      where p.region_id = ${regionId} and p.org_path <@ ${path}::ltree and p.state <> 'withdrawn' and ${inYear(sql`p.start_date`)} group by 1),
    done as (select ${group(sql`p.org_path`)} as key, coalesce(sum(p.funds_fen), 0)::float8 as funds_fen, coalesce(sum(p.problems_solved), 0)::int as problems_solved
      from rg_project p where p.region_id = ${regionId} and p.org_path <@ ${path}::ltree and p.state in ('completed','rated') and ${inYear(sql`p.completed_on`)} group by 1),
    hr as (select ${group(sql`a.org_path`)} as key, coalesce(sum(a.hours), 0)::float8 as hours
      from rg_activity a where a.region_id = ${regionId} and a.org_path <@ ${path}::ltree and ${inYear(sql`a.held_on`)} group by 1),
    keys as (select key from nd union select key from pj union select key from done union select key from hr)
    select k.key, coalesce(nd.needs, 0) as needs, coalesce(nd.met, 0) as met, coalesce(nd.on_time, 0) as on_time, coalesce(pj.projects, 0) as projects,
      coalesce(pj.units, 0) as units, coalesce(hr.hours, 0)::float8 as hours, coalesce(done.funds_fen, 0)::float8 as funds_fen,
      coalesce(done.problems_solved, 0) as problems_solved
    from keys k left join nd on nd.key = k.key left join pj on pj.key = k.key left join done on done.key = k.key left join hr on hr.key = k.key`);
}

export const regionalStatsRepository = {
  /** One row for the whole subtree (key ''). */
  totals: (db: Database, regionId: string, path: string, year: number) => figures(db, regionId, path, year, () => sql`''::text`),
  /** One row per direct child of `path` (key: the child's path); rows at `path` itself get the key ''. */
  byChild: (db: Database, regionId: string, path: string, year: number) =>
    figures(
      db,
      regionId,
      path,
      year,
      (x) => sql`case when nlevel(${x}) > nlevel(${path}::ltree) then subpath(${x}, 0, nlevel(${path}::ltree) + 1)::text else ''::text end`,
    ),
  children: (db: Database, regionId: string, path: string) =>
    db.rows<{
      id: string;
      name: string;
      path: string;
    }>(sql`select c.id::text as id, c.name, c.path::text as path from org c join org p on p.region_id = c.region_id and p.id = c.parent_id
      where c.region_id = ${regionId} and p.path = ${path}::ltree and c.status = 'active' order by c.path limit 500`),
  byCategory: (db: Database, regionId: string, path: string, year: number) =>
    db.rows<{ code: string; name: string; needs: number; met: number; projects: number }>(sql`select k.code, k.name,
      count(n.id)::int as needs, count(n.id) filter (where n.state in ('completed','rated'))::int as met,
      count(p.id)::int as projects
      from rg_category k
      left join rg_need n on n.region_id = k.region_id and n.category_code = k.code and n.org_path <@ ${path}::ltree and extract(year from n.recorded_on)::int = ${year}
      left join rg_project p on p.region_id = n.region_id and p.need_id = n.id and p.state <> 'withdrawn'
      where k.region_id = ${regionId} group by k.code, k.name, k.sort order by k.sort, k.code`),
  byMonth: (db: Database, regionId: string, path: string, year: number) =>
    db.rows<{
      month: string;
      needs: number;
      met: number;
      hours: number;
    }>(sql`with m as (select to_char(make_date(${year}, g, 1), 'YYYY-MM') as month from generate_series(1, 12) g)
      select m.month,
        (select count(*)::int from rg_need n where n.region_id = ${regionId} and n.org_path <@ ${path}::ltree and to_char(n.recorded_on, 'YYYY-MM') = m.month) as needs,
        (select count(*)::int from rg_project p where p.region_id = ${regionId} and p.org_path <@ ${path}::ltree and p.state in ('completed','rated')
          and to_char(p.completed_on, 'YYYY-MM') = m.month) as met,
        (select coalesce(sum(a.hours), 0)::float8 from rg_activity a where a.region_id = ${regionId} and a.org_path <@ ${path}::ltree
          and to_char(a.held_on, 'YYYY-MM') = m.month) as hours
      from m order by m.month`),

  /** The standing units of the communities under `path` with their counts (or only the given units). */
  units: (db: Database, regionId: string, path: string | null, unitIds: readonly string[] | null, q: string | null) =>
    db.rows<{
      unit_id: string;
      unit_name: string;
      credit_code: string;
      community_id: string;
      community_name: string;
      resources: number;
      claims: number;
      projects: number;
      activities: number;
      hours: number;
    }>(sql`select u.id::text as unit_id, u.unit_name, u.credit_code, u.community_id::text as community_id, c.name as community_name,
      (select count(*)::int from rg_resource r where r.region_id = u.region_id and r.unit_id = u.id and r.state = 'offered') as resources,
      (select count(*)::int from rg_need n where n.region_id = u.region_id and n.claimed_unit_id = u.id) as claims,
      (select count(distinct pp.project_id)::int from rg_project_part pp join rg_project p on p.region_id = pp.region_id and p.id = pp.project_id
        where pp.region_id = u.region_id and pp.unit_id = u.id and pp.consent = 'agreed' and p.state <> 'withdrawn') as projects,
      (select count(*)::int from rg_activity a where a.region_id = u.region_id and a.unit_id = u.id) as activities,
      (select coalesce(sum(a.hours), 0)::float8 from rg_activity a where a.region_id = u.region_id and a.unit_id = u.id) as hours
      from unit_report_in u join org c on c.region_id = u.region_id and c.id = u.community_id
      where u.region_id = ${regionId} and u.status = 'reported'
        ${path !== null ? sql`and c.path <@ ${path}::ltree` : sql``}
        ${unitIds !== null ? sql`and u.id = any(${uuidArray(unitIds)}::uuid[])` : sql``}
        ${q ? sql`and strpos(u.unit_name, ${q}) > 0` : sql``}
      order by c.path, u.unit_name limit 1000`),
  /** The needs a unit claimed in a year (by the claim's day). */
  unitClaims: (db: Database, regionId: string, unitId: string, year: number) =>
    db.rows<{ id: string }>(sql`select id::text as id from rg_need where region_id = ${regionId} and claimed_unit_id = ${unitId}
      and extract(year from claimed_at at time zone 'Asia/Shanghai')::int = ${year} order by claimed_at`),
  /** The projects a unit agreed to take part in, running in the year. */
  unitProjects: (db: Database, regionId: string, unitId: string, year: number) =>
    db.rows<{
      id: string;
    }>(sql`select distinct p.id::text as id, p.start_date from rg_project p join rg_project_part pp on pp.region_id = p.region_id and pp.project_id = p.id
      where p.region_id = ${regionId} and pp.unit_id = ${unitId} and pp.consent = 'agreed' and p.state <> 'withdrawn'
        and extract(year from p.start_date)::int <= ${year} and extract(year from p.end_date)::int >= ${year} order by p.start_date, 1`),
};
