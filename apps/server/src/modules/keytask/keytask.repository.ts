import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

export interface PlanRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  year: number;
  title: string;
  note: string | null;
  state: string;
  published_on: string | null;
  version: number;
  created_at: string;
}

export interface TaskRow {
  id: string;
  plan_id: string;
  plan_title: string;
  plan_state: string;
  plan_org_id: string;
  plan_org_name: string;
  plan_org_path: string;
  year: number;
  no: number;
  category: string;
  title: string;
  description: string | null;
  target: string;
  deadline: string;
  acceptance_standard: string;
  weight: number;
  state: string;
  published_on: string | null;
  progress: number;
  reported: boolean;
  last_reported_on: string | null;
  completed_on: string | null;
  created_at: string;
  version: number;
}

export interface ClaimRow {
  id: string;
  task_id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  unit_name: string;
  role: string;
  owner_name: string;
  post: string;
  duty: string;
  state: string;
  reason: string | null;
  claimed_by_name: string | null;
  claimed_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
}

export interface MilestoneRow {
  id: string;
  task_id: string;
  title: string;
  due_on: string;
  done_on: string | null;
}

export interface SubtaskRow {
  id: string;
  task_id: string;
  title: string;
  weight: number;
  progress: number;
}

export interface TaskWrite {
  id: string;
  planId: string;
  no: number;
  category: string;
  title: string;
  description: string | null;
  target: string;
  deadline: string;
  acceptanceStandard: string;
  weight: number;
  state: 'draft' | 'open';
  publishedOn: string | null;
}

/** Who reads the tasks: an owner or reader of the plan (its committee or above), or a participant below it. */
export interface TaskScope {
  actorPath: string;
}

export const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;

const planSelect = sql`select p.id, p.org_id::text as org_id, o.name as org_name, o.path::text as org_path, p.year, p.title, p.note, p.state,
  p.published_on::text as published_on, p.version, p.created_at::text as created_at
  from kt_plan p join org o on o.region_id = p.region_id and o.id = p.org_id`;

const taskSelect = sql`select t.id, t.plan_id::text as plan_id, p.title as plan_title, p.state as plan_state, p.org_id::text as plan_org_id,
  o.name as plan_org_name, o.path::text as plan_org_path, p.year, t.no, t.category, t.title, t.description, t.target, t.deadline::text as deadline,
  t.acceptance_standard, t.weight::float8 as weight, t.state, t.published_on::text as published_on, t.progress::float8 as progress, t.reported,
  t.last_reported_on::text as last_reported_on, t.completed_on::text as completed_on, t.created_at::text as created_at, t.version
  from kt_task t join kt_plan p on p.region_id = t.region_id and p.id = t.plan_id join org o on o.region_id = p.region_id and o.id = p.org_id`;

/**
 * The tasks an account may see: all of the plans of its subtree; of the plans above it, once
 * published, the tasks on the board (待认领) and those its subtree claimed.
 */
export function visibleTasks(s: TaskScope): SQL {
  return sql`(o.path <@ ${s.actorPath}::ltree or (o.path @> ${s.actorPath}::ltree and p.state <> 'draft' and t.state not in ('draft', 'cancelled')
    and (t.state = 'open' or ${claimedUnder(s.actorPath)})))`;
}

/** A pending or confirmed claim of an organization under `path`. */
export const claimedUnder = (path: string, states: SQL = sql`('pending', 'confirmed')`) =>
  sql`exists (select 1 from kt_claim c join org co on co.region_id = c.region_id and co.id = c.org_id
    where c.region_id = t.region_id and c.task_id = t.id and c.state in ${states} and co.path <@ ${path}::ltree)`;

export interface TaskFilter {
  scope: TaskScope;
  planId?: string;
  year?: number;
  status?: string;
  state?: string;
  category?: string;
  q?: string;
  /** Only tasks an organization under this path claimed (confirmed or pending). */
  claimedUnder?: string;
}

function taskWhere(regionId: string, f: TaskFilter): SQL {
  const w: SQL[] = [sql`t.region_id = ${regionId}`, visibleTasks(f.scope)];
  if (f.planId) w.push(sql`t.plan_id = ${f.planId}`);
  if (f.year) w.push(sql`p.year = ${f.year}`);
  if (f.status) w.push(sql`t.status = ${f.status}`);
  if (f.state) w.push(sql`t.state = ${f.state}`);
  if (f.category) w.push(sql`t.category = ${f.category}`);
  if (f.q) w.push(sql`strpos(t.title, ${f.q}) > 0`);
  if (f.claimedUnder) w.push(claimedUnder(f.claimedUnder));
  return sql.join(w, sql` and `);
}

export const keyTaskRepository = {
  // ------------------------------------------------------------ plans
  insertPlan: (
    tx: Database,
    regionId: string,
    p: { id: string; orgId: string; year: number; title: string; note: string | null; ruleSet: string; by: string },
  ) =>
    tx.run(sql`insert into kt_plan (region_id, id, org_id, year, title, note, rule_set, created_by)
      values (${regionId}, ${p.id}, ${p.orgId}, ${p.year}, ${p.title}, ${p.note}, ${p.ruleSet}, ${p.by})`),

  planById: (db: Database, regionId: string, id: string, lock = false) =>
    db.one<PlanRow>(sql`${planSelect} where p.region_id = ${regionId} and p.id = ${id} ${lock ? sql`for update of p` : sql``}`),

  /** Plans of the subtree, and the published plans of the committees above the account. */
  async plans(db: Database, regionId: string, f: { actorPath: string; year?: number; orgPath?: string }, page: number, pageSize: number) {
    const w: SQL[] = [sql`p.region_id = ${regionId}`, sql`(o.path <@ ${f.actorPath}::ltree or (o.path @> ${f.actorPath}::ltree and p.state <> 'draft'))`];
    if (f.year) w.push(sql`p.year = ${f.year}`);
    if (f.orgPath) w.push(sql`o.path <@ ${f.orgPath}::ltree`);
    const where = sql.join(w, sql` and `);
    const total = (await db.one<{ n: number }>(
      sql`select count(*)::int as n from kt_plan p join org o on o.region_id = p.region_id and o.id = p.org_id where ${where}`,
    ))!.n;
    const rows = await db.rows<PlanRow>(
      sql`${planSelect} where ${where} order by p.year desc, o.path, p.created_at limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return { rows, total };
  },

  setPlanState: (tx: Database, regionId: string, id: string, from: string, to: string, on: string | null, version?: number) =>
    tx.one<{
      version: number;
    }>(sql`update kt_plan set state = ${to}, published_on = coalesce(published_on, ${on}::date), version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and state = ${from} ${version !== undefined ? sql`and version = ${version}` : sql``} returning version`),

  nextNo: async (tx: Database, regionId: string, planId: string) =>
    (await tx.one<{ n: number }>(sql`select coalesce(max(no), 0)::int + 1 as n from kt_task where region_id = ${regionId} and plan_id = ${planId}`))!.n,

  // ------------------------------------------------------------ tasks
  insertTask: (tx: Database, regionId: string, t: TaskWrite) =>
    tx.run(sql`insert into kt_task (region_id, id, plan_id, no, category, title, description, target, deadline, acceptance_standard, weight, state, published_on, status, status_on)
      values (${regionId}, ${t.id}, ${t.planId}, ${t.no}, ${t.category}, ${t.title}, ${t.description}, ${t.target}, ${t.deadline}, ${t.acceptanceStandard},
      ${t.weight}, ${t.state}, ${t.publishedOn}, null, null)`),

  updateTask: (tx: Database, regionId: string, id: string, t: Omit<TaskWrite, 'id' | 'planId' | 'no' | 'state' | 'publishedOn'>, version?: number) =>
    tx.one<{ version: number }>(sql`update kt_task set category = ${t.category}, title = ${t.title}, description = ${t.description}, target = ${t.target},
      deadline = ${t.deadline}, acceptance_standard = ${t.acceptanceStandard}, weight = ${t.weight}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and state in ('draft', 'open') ${version !== undefined ? sql`and version = ${version}` : sql``} returning version`),

  taskById: (db: Database, regionId: string, id: string, lock = false) =>
    db.one<TaskRow>(sql`${taskSelect} where t.region_id = ${regionId} and t.id = ${id} ${lock ? sql`for update of t` : sql``}`),

  tasksOfPlan: (db: Database, regionId: string, planId: string) =>
    db.rows<TaskRow>(sql`${taskSelect} where t.region_id = ${regionId} and t.plan_id = ${planId} order by t.no`),

  tasksWhere: (db: Database, regionId: string, scope: TaskScope, planId: string) =>
    db.rows<TaskRow>(sql`${taskSelect} where ${taskWhere(regionId, { scope, planId })} order by t.no`),

  async listTasks(db: Database, regionId: string, f: TaskFilter, page: number, pageSize: number) {
    const w = taskWhere(regionId, f);
    const total = (await db.one<{ n: number }>(sql`select count(*)::int as n from kt_task t join kt_plan p on p.region_id = t.region_id and p.id = t.plan_id
      join org o on o.region_id = p.region_id and o.id = p.org_id where ${w}`))!.n;
    const rows = await db.rows<TaskRow>(
      sql`${taskSelect} where ${w} order by p.year desc, o.path, p.id, t.no limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return { rows, total };
  },

  /** Sets fields a workflow step or a change writes besides the state. */
  setTaskFields: (tx: Database, regionId: string, id: string, f: { target?: string; deadline?: string; completedOn?: string | null }) =>
    tx.run(sql`update kt_task set target = coalesce(${f.target ?? null}, target), deadline = coalesce(${f.deadline ?? null}::date, deadline),
      completed_on = ${f.completedOn === undefined ? sql`completed_on` : sql`${f.completedOn}::date`}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id}`),

  bump: (tx: Database, regionId: string, id: string, version?: number) =>
    tx.one<{ version: number }>(sql`update kt_task set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}
      ${version !== undefined ? sql`and version = ${version}` : sql``} returning version`),

  /** The day a plan's tasks went on the board (their time runs from it). */
  stampPublished: (tx: Database, regionId: string, planId: string, on: string) =>
    tx.run(sql`update kt_task set published_on = ${on} where region_id = ${regionId} and plan_id = ${planId} and published_on is null and state <> 'draft'`),

  setProgress: (tx: Database, regionId: string, id: string, percent: number, on: string) =>
    tx.run(sql`update kt_task set progress = ${percent}, reported = true, last_reported_on = greatest(coalesce(last_reported_on, ${on}::date), ${on}::date),
      version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`),

  /** What the rule set answered today: the to-do sources read these. */
  setStatus: (tx: Database, regionId: string, id: string, s: { status: string | null; behind: boolean; on: string; progress: number }) =>
    tx.run(sql`update kt_task set status = ${s.status}, behind = ${s.behind}, status_on = ${s.on}, progress = ${s.progress}
      where region_id = ${regionId} and id = ${id}`),

  /** Tasks whose stored status was judged before `today` (the sweep refreshes them). */
  staleStatus: (db: Database, regionId: string, today: string, limit: number) =>
    db.rows<{ id: string }>(sql`select id from kt_task where region_id = ${regionId} and state in ('open', 'assigned')
      and (status_on is null or status_on < ${today}::date) order by id limit ${limit}`),

  /** Milestones of the leads' tasks due within `leadDays` or passed, and decisions to carry out: the sweep's reminders. */
  dueForReminder: (db: Database, regionId: string, today: string, leadDays: number) =>
    db.rows<{ kind: 'milestone' | 'decision'; key: string; task_id: string; task_title: string; what: string; due_on: string; org_id: string }>(sql`
      select 'milestone' as kind, m.id::text as key, t.id::text as task_id, t.title as task_title, m.title as what, m.due_on::text as due_on, c.org_id::text as org_id
      from kt_milestone m join kt_task t on t.region_id = m.region_id and t.id = m.task_id
      join kt_claim c on c.region_id = t.region_id and c.task_id = t.id and c.role = 'lead' and c.state = 'confirmed'
      where m.region_id = ${regionId} and m.done_on is null and t.state = 'assigned' and m.due_on <= (${today}::date + ${leadDays}::int)
      union all
      select 'decision', i.review_id::text || ':' || i.task_id::text, t.id::text, t.title, coalesce(i.decision_text, ''), i.due_on::text, i.owner_org_id::text
      from kt_review_item i join kt_task t on t.region_id = i.region_id and t.id = i.task_id
      where i.region_id = ${regionId} and i.due_on is not null and i.done_on is null and i.owner_org_id is not null and i.due_on <= (${today}::date + ${leadDays}::int)
      order by due_on`),

  // ------------------------------------------------------------ parts of tasks
  subtasks: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as SubtaskRow[])
      : db.rows<SubtaskRow>(sql`select id, task_id::text as task_id, title, weight::float8 as weight, progress::float8 as progress from kt_subtask
          where region_id = ${regionId} and task_id = any(${uuids(ids)}::uuid[]) order by task_id, position`),

  async replaceSubtasks(tx: Database, regionId: string, taskId: string, items: readonly { id: string; title: string; weight: number }[]) {
    await tx.run(sql`delete from kt_subtask where region_id = ${regionId} and task_id = ${taskId}`);
    for (const [i, s] of items.entries())
      await tx.run(
        sql`insert into kt_subtask (region_id, id, task_id, position, title, weight) values (${regionId}, ${s.id}, ${taskId}, ${i + 1}, ${s.title}, ${s.weight})`,
      );
  },

  setSubtaskProgress: (tx: Database, regionId: string, id: string, percent: number) =>
    tx.run(sql`update kt_subtask set progress = ${percent} where region_id = ${regionId} and id = ${id}`),

  milestones: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as MilestoneRow[])
      : db.rows<MilestoneRow>(sql`select id, task_id::text as task_id, title, due_on::text as due_on, done_on::text as done_on from kt_milestone
          where region_id = ${regionId} and task_id = any(${uuids(ids)}::uuid[]) order by task_id, due_on, title`),

  async replaceMilestones(tx: Database, regionId: string, taskId: string, items: readonly { id: string; title: string; dueOn: string }[]) {
    await tx.run(sql`delete from kt_milestone where region_id = ${regionId} and task_id = ${taskId}`);
    for (const m of items)
      await tx.run(sql`insert into kt_milestone (region_id, id, task_id, title, due_on) values (${regionId}, ${m.id}, ${taskId}, ${m.title}, ${m.dueOn})`);
  },

  milestoneDone: (tx: Database, regionId: string, id: string, on: string) =>
    tx.run(sql`update kt_milestone set done_on = coalesce(done_on, ${on}::date) where region_id = ${regionId} and id = ${id}`),

  claims: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ClaimRow[])
      : db.rows<ClaimRow>(sql`select c.id, c.task_id::text as task_id, c.org_id::text as org_id, o.name as org_name, o.path::text as org_path, c.unit_name,
          c.role, c.owner_name, c.post, c.duty, c.state, c.reason, c.claimed_by_name, c.claimed_at::text as claimed_at, c.decided_by_name,
          c.decided_at::text as decided_at
          from kt_claim c join org o on o.region_id = c.region_id and o.id = c.org_id
          where c.region_id = ${regionId} and c.task_id = any(${uuids(ids)}::uuid[]) order by c.claimed_at, c.id`),

  insertClaim: (
    tx: Database,
    regionId: string,
    c: { id: string; taskId: string; orgId: string; unitName: string; role: string; ownerName: string; post: string; duty: string; by: string; byName: string },
  ) =>
    tx.run(sql`insert into kt_claim (region_id, id, task_id, org_id, unit_name, role, owner_name, post, duty, claimed_by, claimed_by_name)
      values (${regionId}, ${c.id}, ${c.taskId}, ${c.orgId}, ${c.unitName}, ${c.role}, ${c.ownerName}, ${c.post}, ${c.duty}, ${c.by}, ${c.byName})`),

  /** Decides a pending claim; false when it was no longer pending (decided or withdrawn meanwhile). */
  decideClaim: async (tx: Database, regionId: string, id: string, to: string, reason: string | null, byName: string) =>
    (await tx.run(sql`update kt_claim set state = ${to}, reason = ${reason}, decided_by_name = ${byName}, decided_at = now()
      where region_id = ${regionId} and id = ${id} and state = 'pending'`)) === 1,

  /** The other pending lead claims once a lead is confirmed. */
  declineOtherLeads: (tx: Database, regionId: string, taskId: string, reason: string, byName: string) =>
    tx.run(sql`update kt_claim set state = 'declined', reason = ${reason}, decided_by_name = ${byName}, decided_at = now()
      where region_id = ${regionId} and task_id = ${taskId} and role = 'lead' and state = 'pending'`),
};
