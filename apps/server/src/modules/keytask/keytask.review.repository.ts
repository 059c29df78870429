import { sql } from 'drizzle-orm';
import type { KtReviewItem } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';

export interface ReviewRow {
  id: string;
  plan_id: string;
  plan_title: string;
  org_id: string;
  org_name: string;
  org_path: string;
  held_on: string;
  title: string;
  place: string | null;
  host: string | null;
  state: string;
  attendees: string | null;
  minutes: string | null;
  version: number;
  items: number;
  lagging: number;
  decided: number;
}

export interface ReviewItemRow {
  task_id: string;
  position: number;
  snapshot: Omit<KtReviewItem, 'decision'>;
  decision_kind: string | null;
  decision_text: string | null;
  new_target: string | null;
  new_deadline: string | null;
  owner_org_id: string | null;
  due_on: string | null;
  done_on: string | null;
  done_note: string | null;
}

const reviewSelect = sql`select r.id, r.plan_id::text as plan_id, p.title as plan_title, p.org_id::text as org_id, o.name as org_name, o.path::text as org_path,
  r.held_on::text as held_on, r.title, r.place, r.host, r.state, r.attendees, r.minutes, r.version,
  (select count(*)::int from kt_review_item i where i.region_id = r.region_id and i.review_id = r.id) as items,
  (select count(*)::int from kt_review_item i where i.region_id = r.region_id and i.review_id = r.id and i.snapshot->>'status' = 'lagging') as lagging,
  (select count(*)::int from kt_review_item i where i.region_id = r.region_id and i.review_id = r.id and i.decision_kind is not null) as decided
  from kt_review r join kt_plan p on p.region_id = r.region_id and p.id = r.plan_id join org o on o.region_id = p.region_id and o.id = p.org_id`;

const itemCols = sql`task_id::text as task_id, position, snapshot, decision_kind, decision_text, new_target, new_deadline::text as new_deadline,
  owner_org_id::text as owner_org_id, due_on::text as due_on, done_on::text as done_on, done_note`;

export const keyTaskReviewRepository = {
  insert: (
    tx: Database,
    regionId: string,
    r: { id: string; planId: string; heldOn: string; title: string; place: string | null; host: string | null; byName: string },
  ) =>
    tx.run(sql`insert into kt_review (region_id, id, plan_id, held_on, title, place, host, created_by_name)
      values (${regionId}, ${r.id}, ${r.planId}, ${r.heldOn}, ${r.title}, ${r.place}, ${r.host}, ${r.byName})`),

  insertItem: (tx: Database, regionId: string, reviewId: string, taskId: string, position: number, snapshot: unknown) =>
    tx.run(sql`insert into kt_review_item (region_id, review_id, task_id, position, snapshot)
      values (${regionId}, ${reviewId}, ${taskId}, ${position}, ${JSON.stringify(snapshot)}::jsonb)`),

  byId: (db: Database, regionId: string, id: string, lock = false) =>
    db.one<ReviewRow>(sql`${reviewSelect} where r.region_id = ${regionId} and r.id = ${id} ${lock ? sql`for update of r` : sql``}`),

  /** Reviews of the plans of the subtree. */
  async list(db: Database, regionId: string, f: { scopePath: string; planId?: string }, page: number, pageSize: number) {
    const where = sql`r.region_id = ${regionId} and o.path <@ ${f.scopePath}::ltree ${f.planId ? sql`and r.plan_id = ${f.planId}` : sql``}`;
    const total = (await db.one<{ n: number }>(sql`select count(*)::int as n from kt_review r join kt_plan p on p.region_id = r.region_id and p.id = r.plan_id
      join org o on o.region_id = p.region_id and o.id = p.org_id where ${where}`))!.n;
    const rows = await db.rows<ReviewRow>(
      sql`${reviewSelect} where ${where} order by r.held_on desc, r.created_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return { rows, total };
  },

  items: (db: Database, regionId: string, reviewId: string) =>
    db.rows<ReviewItemRow>(sql`select ${itemCols} from kt_review_item where region_id = ${regionId} and review_id = ${reviewId} order by position`),

  setDecision: async (
    tx: Database,
    regionId: string,
    reviewId: string,
    taskId: string,
    d: { kind: string; text: string; newTarget: string | null; newDeadline: string | null },
  ) =>
    (await tx.run(sql`update kt_review_item set decision_kind = ${d.kind}, decision_text = ${d.text}, new_target = ${d.newTarget}, new_deadline = ${d.newDeadline}::date
      where region_id = ${regionId} and review_id = ${reviewId} and task_id = ${taskId}`)) === 1,

  /** 召开: the minutes are kept; false when the review was held meanwhile or its version moved. */
  hold: async (tx: Database, regionId: string, id: string, h: { attendees: string; minutes: string }, version?: number) =>
    (await tx.run(sql`update kt_review set state = 'held', attendees = ${h.attendees}, minutes = ${h.minutes}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and state = 'draft' ${version !== undefined ? sql`and version = ${version}` : sql``}`)) === 1,

  bump: (tx: Database, regionId: string, id: string) =>
    tx.run(sql`update kt_review set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`),

  /** Who must act on a decision, and by when (set when the meeting is held). */
  assign: (tx: Database, regionId: string, reviewId: string, taskId: string, ownerOrgId: string | null, dueOn: string | null) =>
    tx.run(
      sql`update kt_review_item set owner_org_id = ${ownerOrgId}, due_on = ${dueOn}::date where region_id = ${regionId} and review_id = ${reviewId} and task_id = ${taskId}`,
    ),

  /** The decisions of held reviews about a task. */
  decisionsOf: (db: Database, regionId: string, taskId: string) =>
    db.rows<ReviewItemRow & { review_id: string; review_title: string; held_on: string }>(sql`select i.review_id::text as review_id, r.title as review_title,
      r.held_on::text as held_on, ${itemCols}
      from kt_review_item i join kt_review r on r.region_id = i.region_id and r.id = i.review_id
      where i.region_id = ${regionId} and i.task_id = ${taskId} and r.state = 'held' and i.decision_kind is not null order by r.held_on, r.created_at`),

  markDone: async (tx: Database, regionId: string, reviewId: string, taskId: string, d: { on: string; note: string; byName: string }) =>
    (await tx.run(sql`update kt_review_item set done_on = ${d.on}, done_note = ${d.note}, done_by_name = ${d.byName}
      where region_id = ${regionId} and review_id = ${reviewId} and task_id = ${taskId} and due_on is not null and done_on is null`)) === 1,
};
