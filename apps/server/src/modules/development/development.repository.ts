import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

export interface ApplicantRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  name: string;
  gender: string;
  birth_date: string;
  id_number_enc: string;
  id_number_masked: string;
  phone_masked: string | null;
  ethnicity: string;
  education: string;
  occupation: string;
  work_unit: string | null;
  applied_on: string;
  state: string;
  stage: string;
  end_reason: string | null;
  ended_on: string | null;
  member_id: string | null;
  rule_set: string;
  version: number;
}

export interface RecordRow {
  id: string;
  applicant_id: string;
  step: string;
  step_no: number;
  date: string;
  round: number;
  periodic: boolean;
  outcome: string | null;
  extend_months: number | null;
  data: Record<string, unknown>;
  reason: string | null;
  note: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

export interface DeadlineRow {
  applicant_id: string;
  step: string;
  step_no: number;
  label: string;
  rule: string;
  what: string;
  due_on: string;
  by_whom: string;
}

export interface ApplicantWrite {
  id: string;
  orgId: string;
  name: string;
  gender: string;
  birthDate: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  ethnicity: string;
  education: string;
  occupation: string;
  workUnit: string | null;
  appliedOn: string;
  ruleSet: string;
}

export interface RecordWrite {
  id: string;
  applicantId: string;
  step: string;
  stepNo: number;
  date: string;
  round: number;
  periodic: boolean;
  outcome: string | null;
  extendMonths: number | null;
  data: Record<string, unknown>;
  reason: string | null;
  note: string | null;
  actorId: string | null;
  actorName: string | null;
}

export interface ApplicantFilter {
  scopePath: string;
  stage?: string;
  state?: 'active' | 'ended' | 'all';
  overdueOn?: string;
  q?: string;
}

const applicantSelect = sql`select a.id, a.org_id, o.name as org_name, o.path::text as org_path, a.name, a.gender, a.birth_date::text as birth_date,
  a.id_number_enc, a.id_number_masked, a.phone_masked, a.ethnicity, a.education, a.occupation, a.work_unit, a.applied_on::text as applied_on,
  a.state, a.stage, a.end_reason, a.ended_on::text as ended_on, a.member_id::text as member_id, a.rule_set, a.version
  from dev_applicant a join org o on o.region_id = a.region_id and o.id = a.org_id`;

const recordCols = sql`id, applicant_id::text as applicant_id, step, step_no, date::text as date, round, periodic, outcome, extend_months, data, reason, note,
  recorded_by_name, recorded_at::text as recorded_at`;

function where(regionId: string, f: ApplicantFilter): SQL {
  const w: SQL[] = [sql`a.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
  if (f.stage) w.push(sql`a.stage = ${f.stage}`);
  const state = f.state ?? 'active';
  if (state === 'active')
    w.push(
      sql`a.state not in ('stopped', 'cancelled') and not (a.state = 'full' and exists (select 1 from dev_record r where r.region_id = a.region_id and r.applicant_id = a.id and r.step = 'archive'))`,
    );
  if (state === 'ended') w.push(sql`a.state in ('stopped', 'cancelled')`);
  if (f.overdueOn)
    w.push(sql`exists (select 1 from dev_deadline d where d.region_id = a.region_id and d.applicant_id = a.id and d.due_on < ${f.overdueOn}::date)`);
  if (f.q) w.push(sql`strpos(a.name, ${f.q}) > 0`);
  return sql.join(w, sql` and `);
}

export const developmentRepository = {
  async insert(tx: Database, regionId: string, w: ApplicantWrite): Promise<void> {
    await tx.run(sql`insert into dev_applicant (region_id, id, org_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked,
      phone_enc, phone_hash, phone_masked, ethnicity, education, occupation, work_unit, applied_on, state, stage, rule_set)
      values (${regionId}, ${w.id}, ${w.orgId}, ${w.name}, ${w.gender}, ${w.birthDate}, ${w.idNumberEnc}, ${w.idNumberHash}, ${w.idNumberMasked},
      ${w.phoneEnc}, ${w.phoneHash}, ${w.phoneMasked}, ${w.ethnicity}, ${w.education}, ${w.occupation}, ${w.workUnit}, ${w.appliedOn}, 'applicant', 'applicant', ${w.ruleSet})`);
  },

  byId: (db: Database, regionId: string, id: string, lock = false) =>
    db.one<ApplicantRow>(sql`${applicantSelect} where a.region_id = ${regionId} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`),

  /** Another path in progress of the same person (the unique index's condition). */
  activeByHash: (db: Database, regionId: string, hash: string) =>
    db.one<{
      id: string;
      org_name: string;
      org_path: string;
    }>(sql`select a.id, o.name as org_name, o.path::text as org_path from dev_applicant a join org o on o.region_id = a.region_id and o.id = a.org_id
      where a.region_id = ${regionId} and a.id_number_hash = ${hash} and a.state not in ('stopped', 'cancelled', 'full')`),

  /** A member record in the party (正式, 预备, 停止党籍) with this ID number. */
  memberByHash: (db: Database, regionId: string, hash: string) =>
    db.one<{ org_name: string; org_path: string }>(sql`select o.name as org_name, o.path::text as org_path from member m
      join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id_number_hash = ${hash} and m.status in ('full', 'probationary', 'suspended')`),

  records: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as RecordRow[])
      : db.rows<RecordRow>(
          sql`select ${recordCols} from dev_record where region_id = ${regionId} and applicant_id = any(${`{${ids.join(',')}}`}::uuid[]) order by date, step_no, recorded_at`,
        ),

  async insertRecord(tx: Database, regionId: string, w: RecordWrite): Promise<void> {
    await tx.run(sql`insert into dev_record (region_id, id, applicant_id, step, step_no, date, round, periodic, outcome, extend_months, data, reason, note, recorded_by, recorded_by_name)
      values (${regionId}, ${w.id}, ${w.applicantId}, ${w.step}, ${w.stepNo}, ${w.date}, ${w.round}, ${w.periodic}, ${w.outcome}, ${w.extendMonths},
      ${JSON.stringify(w.data)}::jsonb, ${w.reason}, ${w.note}, ${w.actorId}, ${w.actorName})`);
  },

  /** A step recorded without a change of stage: the version moves under the optimistic lock. */
  bump: (tx: Database, regionId: string, id: string, version: number | undefined) =>
    tx.one<{ version: number }>(sql`update dev_applicant set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}
      ${version !== undefined ? sql`and version = ${version}` : sql``} returning version`),

  setEnd: (tx: Database, regionId: string, id: string, f: { stage: string; reason: string | null; on: string | null }) =>
    tx.run(sql`update dev_applicant set stage = ${f.stage}, end_reason = ${f.reason}, ended_on = ${f.on}::date where region_id = ${regionId} and id = ${id}`),

  setMember: (tx: Database, regionId: string, id: string, memberId: string) =>
    tx.run(sql`update dev_applicant set member_id = ${memberId} where region_id = ${regionId} and id = ${id}`),

  async replaceDeadlines(tx: Database, regionId: string, id: string, ds: readonly Omit<DeadlineRow, 'applicant_id'>[]): Promise<void> {
    await tx.run(sql`delete from dev_deadline where region_id = ${regionId} and applicant_id = ${id}`);
    for (const d of ds)
      await tx.run(sql`insert into dev_deadline (region_id, applicant_id, step, step_no, label, rule, what, due_on, by_whom)
        values (${regionId}, ${id}, ${d.step}, ${d.step_no}, ${d.label}, ${d.rule}, ${d.what}, ${d.due_on}, ${d.by_whom})`);
  },

  deadlines: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as DeadlineRow[])
      : db.rows<DeadlineRow>(sql`select applicant_id::text as applicant_id, step, step_no, label, rule, what, due_on::text as due_on, by_whom from dev_deadline
      where region_id = ${regionId} and applicant_id = any(${`{${ids.join(',')}}`}::uuid[]) order by due_on, step_no`),

  async list(db: Database, regionId: string, f: ApplicantFilter, page: number, pageSize: number): Promise<{ rows: ApplicantRow[]; total: number }> {
    const w = where(regionId, f);
    const total = (await db.one<{ n: number }>(
      sql`select count(*)::int as n from dev_applicant a join org o on o.region_id = a.region_id and o.id = a.org_id where ${w}`,
    ))!.n;
    const rows = await db.rows<ApplicantRow>(
      sql`${applicantSelect} where ${w} order by o.path, a.applied_on, a.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return { rows, total };
  },

  /** Active applicants of the subtree by the child organization holding them (or the root itself) and stage. */
  pipeline: (db: Database, regionId: string, rootPath: string, today: string) =>
    db.rows<{ org_id: string; org_name: string; stage: string; n: number; overdue: number }>(sql`
      select c.id as org_id, c.name as org_name, a.stage, count(*)::int as n,
        count(*) filter (where exists (select 1 from dev_deadline d where d.region_id = a.region_id and d.applicant_id = a.id and d.due_on < ${today}::date))::int as overdue
      from dev_applicant a
      join org o on o.region_id = a.region_id and o.id = a.org_id
      join org c on c.region_id = o.region_id and o.path <@ c.path and (c.path = ${rootPath}::ltree or subpath(c.path, 0, nlevel(c.path) - 1) = ${rootPath}::ltree)
      where a.region_id = ${regionId} and o.path <@ ${rootPath}::ltree and a.state in ('applicant', 'activist', 'candidate', 'probationary')
        and (c.path <> ${rootPath}::ltree or o.path = ${rootPath}::ltree)
      group by c.id, c.name, c.path, a.stage order by c.path`),

  /** The nearest deadline of every active applicant of the subtree that is overdue or within `leadDays`. */
  stuck: (db: Database, regionId: string, rootPath: string, today: string, leadDays: number, limit: number) =>
    db.rows<DeadlineRow & { name: string; org_name: string; stage: string }>(sql`
      select distinct on (a.id) a.id::text as applicant_id, a.name, o.name as org_name, a.stage, d.step, d.step_no, d.label, d.rule, d.what, d.due_on::text as due_on, d.by_whom
      from dev_deadline d join dev_applicant a on a.region_id = d.region_id and a.id = d.applicant_id
      join org o on o.region_id = a.region_id and o.id = a.org_id
      where d.region_id = ${regionId} and o.path <@ ${rootPath}::ltree and d.due_on <= (${today}::date + ${leadDays}::int)
      order by a.id, d.due_on limit ${limit}`),

  /** Steps recorded in a year under a subtree, by the child organization and by the approving organization. */
  yearSteps: (db: Database, regionId: string, rootPath: string, year: number) =>
    db.rows<{ org_id: string; step: string; outcome: string | null; approver: string | null; n: number }>(sql`
      select c.id as org_id, r.step, r.outcome, r.data->>'approvingOrgName' as approver, count(*)::int as n
      from dev_record r join dev_applicant a on a.region_id = r.region_id and a.id = r.applicant_id
      join org o on o.region_id = a.region_id and o.id = a.org_id
      join org c on c.region_id = o.region_id and o.path <@ c.path and (c.path = ${rootPath}::ltree or subpath(c.path, 0, nlevel(c.path) - 1) = ${rootPath}::ltree)
      where r.region_id = ${regionId} and o.path <@ ${rootPath}::ltree and r.step in ('approval', 'full_approval')
        and r.date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date and (c.path <> ${rootPath}::ltree or o.path = ${rootPath}::ltree)
      group by c.id, r.step, r.outcome, r.data->>'approvingOrgName'`),

  plans: (db: Database, regionId: string, orgIds: readonly string[], year: number) =>
    orgIds.length === 0
      ? Promise.resolve([] as { org_id: string; quota: number }[])
      : db.rows<{ org_id: string; quota: number }>(sql`select org_id::text as org_id, quota from dev_plan where region_id = ${regionId} and year = ${year}
          and org_id = any(${`{${orgIds.join(',')}}`}::uuid[])`),

  setPlan: (tx: Database, regionId: string, p: { orgId: string; year: number; quota: number; note: string | null; by: string | null }) =>
    tx.run(sql`insert into dev_plan (region_id, org_id, year, quota, note, updated_by) values (${regionId}, ${p.orgId}, ${p.year}, ${p.quota}, ${p.note}, ${p.by})
      on conflict (region_id, org_id, year) do update set quota = excluded.quota, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()`),

  /** The direct children of an organization (with the root first): the rows of the year report. */
  childrenOf: (db: Database, regionId: string, rootPath: string) =>
    db.rows<{ id: string; name: string; path: string }>(sql`select id::text as id, name, path::text as path from org where region_id = ${regionId}
      and (path = ${rootPath}::ltree or subpath(path, 0, nlevel(path) - 1) = ${rootPath}::ltree) and type <> 'grid' order by nlevel(path), path`),

  /** Members of the scope named as 培养联系人 or 入党介绍人, with what the rules check. */
  people: (db: Database, regionId: string, ids: readonly string[], scopePath: string) =>
    ids.length === 0
      ? Promise.resolve([] as { id: string; name: string; status: string; discipline_until: string | null }[])
      : db.rows<{
          id: string;
          name: string;
          status: string;
          discipline_until: string | null;
        }>(sql`select m.id::text as id, m.name, m.status, m.discipline_until::text as discipline_until
      from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id = any(${`{${ids.join(',')}}`}::uuid[]) and o.path <@ ${scopePath}::ltree`),

  /** Applicants with a deadline due within `leadDays` or passed, for the reminder sweep. */
  dueForReminder: (db: Database, regionId: string, today: string, leadDays: number) =>
    db.rows<DeadlineRow & { name: string; org_id: string; org_name: string; parent_id: string | null }>(sql`
      select d.applicant_id::text as applicant_id, d.step, d.step_no, d.label, d.rule, d.what, d.due_on::text as due_on, d.by_whom,
        a.name, a.org_id::text as org_id, o.name as org_name, o.parent_id::text as parent_id
      from dev_deadline d join dev_applicant a on a.region_id = d.region_id and a.id = d.applicant_id
      join org o on o.region_id = a.region_id and o.id = a.org_id
      where d.region_id = ${regionId} and d.due_on <= (${today}::date + ${leadDays}::int) order by d.due_on`),
};
