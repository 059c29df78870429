import type { KtTaskSummary } from '@jiceng/contracts';
import { KT_WORKFLOW, type KtAction, type KtRole, type KtRuleSet } from '@jiceng/rules';
import type { AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { applyTransition } from '../../platform/workflow/workflow.ts';
import type { OrgService } from '../org/index.ts';
import { canSeeTask, isReader, onBoard } from './keytask.access.ts';
import { groupBy, judge, presentSummary, type TaskParts } from './keytask.presenter.ts';
import { keyTaskRepository as repo, type PlanRow, type TaskRow } from './keytask.repository.ts';
import { keyTaskRecordRepository as records } from './keytask.records.repository.ts';

export const KT_KIND = 'kt_task';

export interface KeyTaskDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  orgs: Pick<OrgService, 'resolveInScope'>;
  attachments: AttachmentService;
  rules: KtRuleSet;
}

/** What the module's services share: loading in scope, the parts of a page of tasks, the workflow, the stored status. */
export function createKeyTaskCore(deps: KeyTaskDeps) {
  const { regionId, audit, clock, rules } = deps;

  async function parts(db: Database, ids: readonly string[]): Promise<TaskParts> {
    const [milestones, subtasks, claims, acceptances] = await Promise.all([
      repo.milestones(db, regionId, ids),
      repo.subtasks(db, regionId, ids),
      repo.claims(db, regionId, ids),
      records.acceptances(db, regionId, ids),
    ]);
    const scores = new Map<string, number | null>();
    for (const a of acceptances) scores.set(a.task_id, a.passed ? a.score : (scores.get(a.task_id) ?? null));
    return { milestones: groupBy(milestones), subtasks: groupBy(subtasks), claims: groupBy(claims), scores };
  }

  return {
    deps,
    parts,

    /** A plan the actor may read (its subtree's, or a published one above it). */
    async plan(db: Database, actor: Actor, id: string, lock = false): Promise<PlanRow> {
      const p = await repo.planById(db, regionId, id, lock);
      if (!p) throw notFound('重点任务计划');
      const above = actor.orgPath.startsWith(`${p.org_path}.`) && p.state !== 'draft';
      if (!isReader(actor, p.org_path) && !above) throw notFound('重点任务计划');
      return p;
    },

    /** A task the actor may see (or, with `board`, one on the board it may claim), with its parts. */
    async task(db: Database, actor: Actor, id: string, lock = false, board = false): Promise<{ row: TaskRow; parts: TaskParts }> {
      const row = await repo.taskById(db, regionId, id, lock);
      if (!row) throw notFound('重点任务');
      const p = await parts(db, [row.id]);
      if (!canSeeTask(actor, row, p.claims.get(row.id) ?? []) && !(board && onBoard(actor, row))) throw notFound('重点任务');
      return { row, parts: p };
    },

    async summaries(db: Database, rows: readonly TaskRow[]): Promise<KtTaskSummary[]> {
      const p = await parts(
        db,
        rows.map((r) => r.id),
      );
      const today = clock.today();
      return rows.map((r) => presentSummary(r, p, today, rules));
    },

    /** Writes what the rule set answers today (the to-dos and the status filter read it). */
    async refreshStatus(tx: Database, ids: readonly string[]): Promise<void> {
      if (!ids.length) return;
      const today = clock.today();
      const p = await parts(tx, ids);
      for (const id of ids) {
        const row = (await repo.taskById(tx, regionId, id))!;
        const { progress, lag } = judge(row, p, today, rules);
        await repo.setStatus(tx, regionId, id, { status: lag.status, behind: lag.reasons.some((r) => r.rule === 'kt-lag-behind'), on: today, progress });
      }
    },

    /** One step of the task's workflow (history and audit in the same transaction). */
    transition(
      tx: Database,
      actor: Actor,
      row: TaskRow,
      action: KtAction,
      role: KtRole,
      o: { reason?: string | null; version?: number; data?: Record<string, unknown> } = {},
    ) {
      return applyTransition(tx, {
        def: KT_WORKFLOW,
        regionId,
        kind: KT_KIND,
        audit,
        store: { table: 'kt_task', touched: 'updated_at' },
        recordId: row.id,
        orgPath: row.plan_org_path,
        currentState: row.state,
        entityName: row.title,
        action,
        actor: { id: actor.id, displayName: actor.displayName, role, ip: actor.ip },
        reason: o.reason ?? null,
        // the step's time on the module's clock (the demo walks its year on one)
        at: clock.now().toISOString(),
        ...(o.version !== undefined ? { version: o.version } : {}),
        ...(o.data ? { data: o.data } : {}),
      });
    },

    audit: (tx: Database, actor: Actor, row: TaskRow, action: string, after: unknown, before?: unknown) =>
      audit.record(tx, actor, { action, entity: KT_KIND, entityId: row.id, entityName: row.title, orgPath: row.plan_org_path, after, before }),
  };
}
export type KeyTaskCore = ReturnType<typeof createKeyTaskCore>;
