import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { uuids } from './keytask.repository.ts';

/**
 * 重点任务's records of what happened to a task: progress reports, changes of target or deadline
 * with the decision that made them, acceptances and accountability. SQL only; the rules are in the
 * services.
 */
export const keyTaskRecordRepository = {
  insertProgress: (
    tx: Database,
    regionId: string,
    p: {
      id: string;
      taskId: string;
      subtaskId: string | null;
      milestoneId: string | null;
      milestoneDone: boolean;
      reportedOn: string;
      percent: number;
      narrative: string;
      risks: string | null;
      orgId: string;
      by: string;
      byName: string;
    },
  ) =>
    tx.run(sql`insert into kt_progress (region_id, id, task_id, subtask_id, milestone_id, milestone_done, reported_on, percent, narrative, risks, org_id, reported_by, reported_by_name)
      values (${regionId}, ${p.id}, ${p.taskId}, ${p.subtaskId}, ${p.milestoneId}, ${p.milestoneDone}, ${p.reportedOn}, ${p.percent}, ${p.narrative}, ${p.risks},
      ${p.orgId}, ${p.by}, ${p.byName})`),

  progress: (db: Database, regionId: string, taskId: string) =>
    db.rows<{
      id: string;
      subtask_id: string | null;
      milestone_id: string | null;
      milestone_done: boolean;
      reported_on: string;
      percent: number;
      narrative: string;
      risks: string | null;
      org_id: string;
      org_name: string;
      org_path: string;
      reported_by_name: string | null;
    }>(sql`select g.id, g.subtask_id::text as subtask_id, g.milestone_id::text as milestone_id, g.milestone_done, g.reported_on::text as reported_on, g.percent,
      g.narrative, g.risks, g.org_id::text as org_id, o.name as org_name, o.path::text as org_path, g.reported_by_name
      from kt_progress g join org o on o.region_id = g.region_id and o.id = g.org_id
      where g.region_id = ${regionId} and g.task_id = ${taskId} order by g.reported_on desc, g.created_at desc`),

  /** The latest risks reported on each task (the review's briefing). */
  latestRisks: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as { task_id: string; risks: string }[])
      : db.rows<{ task_id: string; risks: string }>(sql`select distinct on (task_id) task_id::text as task_id, risks from kt_progress
          where region_id = ${regionId} and task_id = any(${uuids(ids)}::uuid[]) and risks is not null order by task_id, reported_on desc, created_at desc`),

  insertChange: (
    tx: Database,
    regionId: string,
    c: { id: string; taskId: string; field: 'target' | 'deadline'; before: string; after: string; decision: string; reviewId: string | null; byName: string },
  ) =>
    tx.run(sql`insert into kt_change (region_id, id, task_id, field, before, after, decision, review_id, decided_by_name)
      values (${regionId}, ${c.id}, ${c.taskId}, ${c.field}, ${c.before}, ${c.after}, ${c.decision}, ${c.reviewId}, ${c.byName})`),

  changes: (db: Database, regionId: string, taskId: string) =>
    db.rows<{
      field: 'target' | 'deadline';
      before: string;
      after: string;
      decision: string;
      review_id: string | null;
      decided_by_name: string | null;
      at: string;
    }>(
      sql`select field, before, after, decision, review_id::text as review_id, decided_by_name, at::text as at from kt_change
        where region_id = ${regionId} and task_id = ${taskId} order by at, id`,
    ),

  insertAcceptance: (
    tx: Database,
    regionId: string,
    a: { id: string; taskId: string; passed: boolean; score: number; opinion: string; acceptedOn: string; byName: string },
  ) =>
    tx.run(sql`insert into kt_acceptance (region_id, id, task_id, passed, score, opinion, accepted_on, accepted_by_name)
      values (${regionId}, ${a.id}, ${a.taskId}, ${a.passed}, ${a.score}, ${a.opinion}, ${a.acceptedOn}, ${a.byName})`),

  acceptances: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve(
          [] as { id: string; task_id: string; passed: boolean; score: number; opinion: string; accepted_on: string; accepted_by_name: string | null }[],
        )
      : db.rows<{ id: string; task_id: string; passed: boolean; score: number; opinion: string; accepted_on: string; accepted_by_name: string | null }>(
          sql`select id, task_id::text as task_id, passed, score::float8 as score, opinion, accepted_on::text as accepted_on, accepted_by_name from kt_acceptance
            where region_id = ${regionId} and task_id = any(${uuids(ids)}::uuid[]) order by task_id, created_at, id`,
        ),

  insertAccountability: (
    tx: Database,
    regionId: string,
    a: { id: string; taskId: string; level: string; subject: string; reason: string; decidedBy: string; decidedOn: string; byName: string },
  ) =>
    tx.run(sql`insert into kt_accountability (region_id, id, task_id, level, subject, reason, decided_by, decided_on, recorded_by_name)
      values (${regionId}, ${a.id}, ${a.taskId}, ${a.level}, ${a.subject}, ${a.reason}, ${a.decidedBy}, ${a.decidedOn}, ${a.byName})`),

  accountability: (db: Database, regionId: string, taskId: string) =>
    db.rows<{ id: string; level: string; subject: string; reason: string; decided_by: string; decided_on: string; recorded_by_name: string | null }>(
      sql`select id, level, subject, reason, decided_by, decided_on::text as decided_on, recorded_by_name from kt_accountability
        where region_id = ${regionId} and task_id = ${taskId} order by decided_on, created_at`,
    ),
};
