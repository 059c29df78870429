import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** One member on a branch-year sheet, with their grade and disposition if any. */
export interface SheetRow {
  member_id: string;
  name: string;
  gender: string;
  member_status: string;
  appraisal_id: string | null;
  appraisal_org_id: string | null;
  appraisal_org_name: string | null;
  grade: string | null;
  remark: string | null;
  override_reason: string | null;
  graded_by_name: string | null;
  graded_at: string | null;
  disposition_id: string | null;
  disposition_kind: string | null;
  disposition_start: string | null;
  disposition_deadline: string | null;
  disposition_status: string | null;
}

export interface DispositionRow {
  id: string;
  appraisal_id: string;
  member_id: string;
  member_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  year: number;
  kind: string;
  start_date: string;
  deadline: string | null;
  status: string;
  result: string | null;
  completed_date: string | null;
}

/** A member's own appraisal of one year, with its disposition columns (d_id null when none). */
export interface MyAppraisalRow {
  year: number;
  org_name: string;
  grade: string;
  remark: string | null;
  d_id: string | null;
  kind: string | null;
  start_date: string | null;
  deadline: string | null;
  status: string | null;
  result: string | null;
  completed_date: string | null;
}

export interface AppraisalWrite {
  id: string;
  orgId: string;
  year: number;
  memberId: string;
  grade: string;
  remark: string | null;
  overrideReason: string | null;
  gradedBy: string;
  gradedByName: string;
}

export interface DispositionWrite {
  id: string;
  appraisalId: string;
  memberId: string;
  orgId: string;
  kind: string;
  startDate: string;
  deadline: string | null;
}

const dispositionSelect = sql`select d.id, d.appraisal_id, d.member_id, m.name as member_name, d.org_id, o.name as org_name, o.path::text as org_path,
  a.year, d.kind, d.start_date, d.deadline, d.status, d.result, d.completed_date
  from appraisal_disposition d
  join appraisal a on a.region_id = d.region_id and a.id = d.appraisal_id
  join member m on m.region_id = d.region_id and m.id = d.member_id
  join org o on o.region_id = d.region_id and o.id = d.org_id`;

const textArray = (a: readonly string[]) =>
  sql`array[${sql.join(
    a.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

export const appraisalRepository = {
  /** Serializes grade changes of one branch, so two requests cannot both pass the one-third check. */
  async lockBranch(db: Database, regionId: string, orgId: string) {
    await db.run(sql`select id from org where region_id = ${regionId} and id = ${orgId} for update`);
  },

  /**
   * The sheet of a branch-year: its current members of the appraised statuses, plus anyone it has
   * already graded that year (who may have moved or left since); each with the year's grade from
   * whichever branch gave it.
   */
  sheet(db: Database, regionId: string, orgId: string, year: number, statuses: readonly string[]) {
    return db.rows<SheetRow>(sql`select m.id as member_id, m.name, m.gender, m.status as member_status,
        a.id as appraisal_id, a.org_id as appraisal_org_id, ao.name as appraisal_org_name, a.grade, a.remark, a.override_reason,
        a.graded_by_name, a.updated_at::text as graded_at,
        d.id as disposition_id, d.kind as disposition_kind, d.start_date as disposition_start, d.deadline as disposition_deadline, d.status as disposition_status
      from member m
      left join appraisal a on a.region_id = m.region_id and a.member_id = m.id and a.year = ${year}
      left join org ao on ao.region_id = a.region_id and ao.id = a.org_id
      left join appraisal_disposition d on d.region_id = a.region_id and d.appraisal_id = a.id
      where m.region_id = ${regionId} and m.id in (
        select id from member where region_id = ${regionId} and org_id = ${orgId} and status = any(${textArray(statuses)})
        union select member_id from appraisal where region_id = ${regionId} and org_id = ${orgId} and year = ${year})
      order by m.name, m.id`);
  },

  /** Inserts or updates the member's grade of the year; undefined when another branch holds that year's grade. */
  async upsert(db: Database, regionId: string, w: AppraisalWrite): Promise<string | undefined> {
    const row = await db.one<{
      id: string;
    }>(sql`insert into appraisal (region_id, id, org_id, year, member_id, grade, remark, override_reason, graded_by, graded_by_name)
      values (${regionId}, ${w.id}, ${w.orgId}, ${w.year}, ${w.memberId}, ${w.grade}, ${w.remark}, ${w.overrideReason}, ${w.gradedBy}, ${w.gradedByName})
      on conflict on constraint appraisal_member_id_year_key do update set grade = excluded.grade, remark = excluded.remark,
        override_reason = excluded.override_reason, graded_by = excluded.graded_by, graded_by_name = excluded.graded_by_name, updated_at = now()
      where appraisal.org_id = excluded.org_id
      returning id`);
    return row?.id;
  },

  async insertDisposition(db: Database, regionId: string, d: DispositionWrite) {
    await db.run(sql`insert into appraisal_disposition (region_id, id, appraisal_id, member_id, org_id, kind, start_date, deadline)
      values (${regionId}, ${d.id}, ${d.appraisalId}, ${d.memberId}, ${d.orgId}, ${d.kind}, ${d.startDate}, ${d.deadline})`);
  },

  async deleteDisposition(db: Database, regionId: string, id: string) {
    await db.run(sql`delete from appraisal_disposition where region_id = ${regionId} and id = ${id}`);
  },

  disposition(db: Database, regionId: string, id: string, lock = false) {
    return db.one<DispositionRow>(sql`${dispositionSelect} where d.region_id = ${regionId} and d.id = ${id} ${lock ? sql`for update of d` : sql``}`);
  },

  async updateDisposition(
    db: Database,
    regionId: string,
    id: string,
    u: { deadline: string | null; status: string; result: string | null; completedDate: string | null },
  ) {
    await db.run(sql`update appraisal_disposition set deadline = ${u.deadline}, status = ${u.status}, result = ${u.result}, completed_date = ${u.completedDate}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  /** Dispositions of branches under `scopePath`, newest year first. */
  dispositions(db: Database, regionId: string, scopePath: string, f: { year?: number; status?: string }) {
    const w: SQL[] = [sql`d.region_id = ${regionId}`, sql`o.path <@ ${scopePath}::ltree`];
    if (f.year !== undefined) w.push(sql`a.year = ${f.year}`);
    if (f.status) w.push(sql`d.status = ${f.status}`);
    return db.rows<DispositionRow>(sql`${dispositionSelect} where ${sql.join(w, sql` and `)}
      order by a.year desc, d.status, d.deadline nulls last, m.name, d.id`);
  },

  /** A member's own appraisals, newest year first, with any disposition. */
  ofMember(db: Database, regionId: string, memberId: string) {
    return db.rows<MyAppraisalRow>(
      sql`select a.year, o.name as org_name, a.grade, a.remark, d.id as d_id, d.kind, d.start_date, d.deadline, d.status, d.result, d.completed_date
        from appraisal a join org o on o.region_id = a.region_id and o.id = a.org_id
        left join appraisal_disposition d on d.region_id = a.region_id and d.appraisal_id = a.id
        where a.region_id = ${regionId} and a.member_id = ${memberId} order by a.year desc`,
    );
  },
};
export type AppraisalRepository = typeof appraisalRepository;
