import { sql, type SQL } from 'drizzle-orm';
import type { RmFigures } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** A yearly 双报告 with its community's name. */
export interface ReportRow {
  id: string;
  year: number;
  subject_kind: 'unit' | 'member';
  unit_id: string | null;
  member_id: string | null;
  member_report_id: string | null;
  community_id: string;
  community_name: string;
  org_path: string;
  subject_name: string;
  figures: RmFigures;
  assembled_at: string;
  state: string;
  version: number;
  corrected: Record<string, number> | null;
  response_note: string | null;
  responded_by_name: string | null;
  responded_at: string | null;
  unit_created_by: string | null;
}

/** A subject of the year's reports with its figures from the records. */
export interface SubjectFigures {
  unit_id: string | null;
  member_id: string | null;
  member_report_id: string | null;
  community_id: string;
  org_path: string;
  subject_name: string;
  activities: number;
  participants: number;
  hours: number | null;
  beneficiaries: number;
  projects: number;
  resources: number;
  needs_claimed: number;
  funds_fen: number;
  problems_solved: number;
  feedbacks: number;
  satisfied: number;
}

const select = sql`select r.id, r.year, r.subject_kind, r.unit_id, r.member_id, r.member_report_id, r.community_id, c.name as community_name,
  r.org_path::text as org_path, r.subject_name, r.figures, r.assembled_at::text as assembled_at, r.state, r.version, r.corrected, r.response_note,
  r.responded_by_name, r.responded_at::text as responded_at, u.created_by::text as unit_created_by
  from rm_report r join org c on c.region_id = r.region_id and c.id = r.community_id
  left join unit_report_in u on u.region_id = r.region_id and u.id = r.unit_id`;

const yearStart = (y: number) => sql`make_date(${y}::int, 1, 1)`;
const yearEnd = (y: number) => sql`make_date(${y}::int, 12, 31)`;
const inYear = (col: SQL, y: number) => sql`${col} between ${yearStart(y)} and ${yearEnd(y)}`;

/** The projects (not withdrawn) of the parts `partCond` (over rg_project_part pp) that ran during the year. */
const projectsOf = (regionId: string, partCond: SQL, y: number) => sql`select p.* from rg_project p where p.region_id = ${regionId} and p.state <> 'withdrawn'
  and p.start_date <= ${yearEnd(y)} and p.end_date >= ${yearStart(y)}
  and exists (select 1 from rg_project_part pp where pp.region_id = p.region_id and pp.project_id = p.id and pp.consent = 'agreed' and ${partCond})`;

/** The figures of a subject from its projects (`projects`), its activities (`acts`), resources and claims. */
function figureColumns(regionId: string, y: number, projects: SQL, acts: SQL, resourceCond: SQL, claims: SQL, hours: SQL): SQL {
  const done = sql`(select * from (${projects}) pj where ${inYear(sql`pj.completed_on`, y)})`;
  return sql`(select count(*)::int from (${acts}) a) as activities,
    (select coalesce(sum(a.participants), 0)::int from (${acts}) a) as participants,
    ${hours} as hours,
    (select coalesce(sum(a.beneficiaries), 0)::int from (${acts}) a) as beneficiaries,
    (select count(*)::int from (${projects}) pj) as projects,
    (select count(*)::int from rg_resource rs where rs.region_id = ${regionId} and ${resourceCond} and rs.state = 'offered'
      and rs.created_at < ${yearEnd(y)} + 1 and (rs.available_to is null or rs.available_to >= ${yearStart(y)})
      and (rs.available_from is null or rs.available_from <= ${yearEnd(y)})) as resources,
    ${claims} as needs_claimed,
    (select coalesce(sum(d.funds_fen), 0)::float8 from ${done} d) as funds_fen,
    (select coalesce(sum(d.problems_solved), 0)::int from ${done} d) as problems_solved,
    (select count(*)::int from rg_feedback fb where fb.region_id = ${regionId} and fb.project_id in (select d.id from ${done} d)) as feedbacks,
    (select count(*)::int from rg_feedback fb where fb.region_id = ${regionId} and fb.verdict = 'satisfied' and fb.project_id in (select d.id from ${done} d)) as satisfied`;
}

export interface ReportFilter {
  scopePath?: string;
  year: number;
  subjectKind?: string;
  state?: string;
  unitIds?: readonly string[];
  memberId?: string;
}

function where(regionId: string, f: ReportFilter): SQL {
  const w: SQL[] = [sql`r.region_id = ${regionId}`, sql`r.year = ${f.year}`];
  if (f.scopePath) w.push(sql`r.org_path <@ ${f.scopePath}::ltree`);
  if (f.subjectKind) w.push(sql`r.subject_kind = ${f.subjectKind}`);
  if (f.state) w.push(sql`r.state = ${f.state}`);
  if (f.unitIds)
    w.push(
      f.unitIds.length
        ? sql`r.unit_id in (${sql.join(
            f.unitIds.map((u) => sql`${u}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.memberId) w.push(sql`r.member_id = ${f.memberId}`);
  return sql.join(w, sql` and `);
}

/** SQL of the yearly reports: the figures from the records, the snapshots, the answers. */
export const reportRepository = {
  /** Every standing unit of the communities under `path`, with its figures for the year. */
  unitFigures(db: Database, regionId: string, path: string, y: number): Promise<SubjectFigures[]> {
    const projects = projectsOf(regionId, sql`pp.unit_id = u.id`, y);
    const acts = sql`select ac.* from rg_activity ac where ac.region_id = ${regionId} and ac.unit_id = u.id and ${inYear(sql`ac.held_on`, y)}`;
    const claims = sql`(select count(*)::int from rg_need n where n.region_id = ${regionId} and n.claimed_unit_id = u.id
      and ${inYear(sql`(n.claimed_at at time zone 'Asia/Shanghai')::date`, y)})`;
    const hours = sql`(select coalesce(sum(a.hours), 0)::float8 from (${acts}) a)`;
    return db.rows<SubjectFigures>(sql`select u.id as unit_id, null::uuid as member_id, null::uuid as member_report_id, u.community_id, c.path::text as org_path,
        u.unit_name as subject_name, ${figureColumns(regionId, y, projects, acts, sql`rs.unit_id = u.id`, claims, hours)}
      from unit_report_in u join org c on c.region_id = u.region_id and c.id = u.community_id
      where u.region_id = ${regionId} and u.status = 'reported' and c.path <@ ${path}::ltree order by c.path, u.unit_name, u.id`);
  },

  /**
   * Every standing reported-in member of the communities under `path`, with the figures of the
   * projects they took part in (through any of their reports) and those projects' activities; a
   * member's own hours are not recorded.
   */
  memberFigures(db: Database, regionId: string, path: string, y: number): Promise<SubjectFigures[]> {
    const mine = sql`(select x.id from member_report_in x where x.region_id = ${regionId} and x.member_id = r.member_id)`;
    const projects = projectsOf(regionId, sql`pp.member_report_id in ${mine}`, y);
    const acts = sql`select ac.* from rg_activity ac where ac.region_id = ${regionId} and ${inYear(sql`ac.held_on`, y)}
      and ac.project_id in (select pj.id from (${projects}) pj)`;
    return db.rows<SubjectFigures>(sql`select null::uuid as unit_id, r.member_id, r.id as member_report_id, r.community_id, c.path::text as org_path,
        m.name as subject_name, ${figureColumns(regionId, y, projects, acts, sql`rs.member_report_id in ${mine}`, sql`0`, sql`null::float8`)}
      from member_report_in r join member m on m.region_id = r.region_id and m.id = r.member_id
      join org c on c.region_id = r.region_id and c.id = r.community_id
      where r.region_id = ${regionId} and r.status = 'reported' and c.path <@ ${path}::ltree order by c.path, m.name, r.id`);
  },

  /** A report made once per subject and year (the unique indexes): true when this call made it. */
  async insert(tx: Database, regionId: string, r: { id: string; year: number; s: SubjectFigures; figures: RmFigures; at: string }): Promise<boolean> {
    const conflict = r.s.unit_id ? sql`(region_id, unit_id, year) where unit_id is not null` : sql`(region_id, member_id, year) where member_id is not null`;
    const n =
      await tx.run(sql`insert into rm_report (region_id, id, year, subject_kind, unit_id, member_id, member_report_id, community_id, org_path, subject_name, figures, assembled_at)
      values (${regionId}, ${r.id}, ${r.year}, ${r.s.unit_id ? 'unit' : 'member'}, ${r.s.unit_id}, ${r.s.member_id}, ${r.s.member_report_id}, ${r.s.community_id},
        ${r.s.org_path}::ltree, ${r.s.subject_name}, ${JSON.stringify(r.figures)}::jsonb, ${r.at}::timestamptz)
      on conflict ${conflict} do nothing`);
    return n > 0;
  },

  /** Brings a report still awaiting its answer up to the records; true when its figures changed. */
  async refresh(tx: Database, regionId: string, r: { year: number; s: SubjectFigures; figures: RmFigures; at: string }): Promise<boolean> {
    const who = r.s.unit_id ? sql`unit_id = ${r.s.unit_id}` : sql`member_id = ${r.s.member_id}`;
    const n =
      await tx.run(sql`update rm_report set figures = ${JSON.stringify(r.figures)}::jsonb, assembled_at = ${r.at}::timestamptz, version = version + 1, updated_at = now()
      where region_id = ${regionId} and year = ${r.year} and ${who} and state = 'pending' and figures <> ${JSON.stringify(r.figures)}::jsonb`);
    return n > 0;
  },

  byId(db: Database, regionId: string, id: string): Promise<ReportRow | undefined> {
    return db.one<ReportRow>(sql`${select} where r.region_id = ${regionId} and r.id = ${id}`);
  },

  async list(db: Database, regionId: string, f: ReportFilter, page: number, pageSize: number) {
    const w = where(regionId, f);
    const [items, total, states] = await Promise.all([
      db.rows<ReportRow>(
        sql`${select} where ${w} order by r.org_path, r.subject_kind desc, r.subject_name, r.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
      ),
      db.one<{ n: number }>(sql`select count(*)::int as n from rm_report r where ${w}`),
      db.rows<{ state: string; n: number }>(sql`select r.state, count(*)::int as n from rm_report r where ${w} group by r.state`),
    ]);
    return { items, total: total?.n ?? 0, states };
  },

  count(db: Database, regionId: string, path: string, year: number): Promise<number> {
    return db
      .one<{ n: number }>(sql`select count(*)::int as n from rm_report where region_id = ${regionId} and year = ${year} and org_path <@ ${path}::ltree`)
      .then((r) => r?.n ?? 0);
  },

  /** The projects of the report's subject that ran during the year. */
  projects(db: Database, regionId: string, r: Pick<ReportRow, 'unit_id' | 'member_id' | 'year'>) {
    const cond = r.unit_id
      ? sql`pp.unit_id = ${r.unit_id}`
      : sql`pp.member_report_id in (select x.id from member_report_in x where x.region_id = ${regionId} and x.member_id = ${r.member_id})`;
    return db.rows<{ id: string; title: string; state: string; start_date: string; end_date: string }>(
      sql`select pj.id, pj.title, pj.state, pj.start_date::text as start_date, pj.end_date::text as end_date from (${projectsOf(regionId, cond, r.year)}) pj
        order by pj.start_date, pj.id limit 200`,
    );
  },
};
export type ReportRepository = typeof reportRepository;
