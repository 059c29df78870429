import type {
  KtDecisionInput,
  KtHoldInput,
  KtReviewDetail,
  KtReviewInput,
  KtReviewItem,
  KtReviewSummary,
  KtDecisionKind,
  KtReviewState,
} from '@jiceng/contracts';
import { addDays } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { isOwner } from './keytask.access.ts';
import type { KeyTaskCore } from './keytask.core.ts';
import type { KeyTaskProgress } from './keytask.progress.ts';
import { keyTaskRepository as repo } from './keytask.repository.ts';
import { keyTaskRecordRepository as records } from './keytask.records.repository.ts';
import { keyTaskReviewRepository as reviews, type ReviewItemRow, type ReviewRow } from './keytask.review.repository.ts';

const presentSummary = (r: ReviewRow): KtReviewSummary => ({
  id: r.id,
  planId: r.plan_id,
  planTitle: r.plan_title,
  orgName: r.org_name,
  title: r.title,
  heldOn: r.held_on,
  place: r.place,
  host: r.host,
  state: r.state as KtReviewState,
  taskCount: r.items,
  lagging: r.lagging,
  decided: r.decided,
  version: r.version,
});

const presentItem = (i: ReviewItemRow): KtReviewItem => ({
  ...i.snapshot,
  decision: i.decision_kind
    ? {
        kind: i.decision_kind as KtDecisionKind,
        text: i.decision_text ?? '',
        newTarget: i.new_target,
        newDeadline: i.new_deadline,
        dueOn: i.due_on,
        doneOn: i.done_on,
      }
    : null,
});

/**
 * 调度会: assembled from every live task of the plan as it stands that day (kept as it was), a
 * decision per task while the review is prepared, and at 召开 the minutes: the decisions take effect
 * (new targets and deadlines with the review as their reason) and each one to act on becomes the
 * lead's 待办 (rule kt-decision-days).
 */
export function createKeyTaskReviews(core: KeyTaskCore, progress: KeyTaskProgress) {
  const { db, regionId, clock, rules } = core.deps;

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<ReviewRow> {
    const r = await reviews.byId(tx, regionId, id, lock);
    if (!r || !pathInScope(actor, r.org_path)) throw notFound('调度会');
    return r;
  }

  async function detail(tx: Database, actor: Actor, id: string): Promise<KtReviewDetail> {
    const r = await load(tx, actor, id);
    const items = await reviews.items(tx, regionId, id);
    return { ...presentSummary(r), attendees: r.attendees, minutes: r.minutes, items: items.map(presentItem), owner: isOwner(actor, r.org_path) };
  }

  async function draftOwned(tx: Database, actor: Actor, id: string) {
    const r = await load(tx, actor, id, true);
    if (!isOwner(actor, r.org_path)) throw forbidden('只有召开调度会的党组织可以办理');
    if (r.state !== 'draft') throw conflict('调度会已召开，决定和纪要不能再修改');
    return r;
  }

  return {
    detail: (actor: Actor, id: string) => detail(db, actor, id),

    async list(actor: Actor, q: { planId?: string; page?: number; pageSize?: number }) {
      const { rows, total } = await reviews.list(db, regionId, { scopePath: actor.orgPath, planId: q.planId }, q.page ?? 1, q.pageSize ?? 20);
      return { items: rows.map(presentSummary), total };
    },

    create: (actor: Actor, input: KtReviewInput) =>
      db.transaction(async (tx) => {
        const plan = await core.plan(tx, actor, input.planId);
        if (!isOwner(actor, plan.org_path)) throw forbidden('只有制定计划的党组织可以召开调度会');
        if (plan.state !== 'published') throw conflict('计划发布后才能召开调度会');
        const tasks = (await repo.tasksOfPlan(tx, regionId, plan.id)).filter((t) => !['draft', 'cancelled'].includes(t.state));
        if (!tasks.length) throw invalid('该计划没有可调度的任务');
        const summaries = await core.summaries(tx, tasks);
        const risks = new Map(
          (
            await records.latestRisks(
              tx,
              regionId,
              tasks.map((t) => t.id),
            )
          ).map((r) => [r.task_id, r.risks]),
        );
        const parts = await core.parts(
          tx,
          tasks.map((t) => t.id),
        );
        const id = newId();
        await reviews.insert(tx, regionId, {
          id,
          planId: plan.id,
          heldOn: input.heldOn,
          title: input.title.trim(),
          place: input.place?.trim() || null,
          host: input.host?.trim() || null,
          byName: actor.displayName,
        });
        // lagging first, then by the plan's order: what needs deciding comes up first
        const ordered = [...summaries].sort((a, b) => Number(b.status === 'lagging') - Number(a.status === 'lagging') || a.no - b.no);
        for (const [i, s] of ordered.entries()) {
          const overdue = (parts.milestones.get(s.id) ?? []).filter((m) => !m.done_on && m.due_on < clock.today()).map((m) => `${m.title}（${m.due_on}）`);
          const snapshot: Omit<KtReviewItem, 'decision'> = {
            taskId: s.id,
            no: s.no,
            title: s.title,
            category: s.category,
            leadName: s.lead ? `${s.lead.unitName}（${s.lead.ownerName}）` : null,
            target: s.target,
            deadline: s.deadline,
            progress: s.progress,
            expectedProgress: s.expectedProgress,
            status: s.status,
            lagReasons: s.lagReasons,
            overdueMilestones: overdue,
            risks: risks.get(s.id) ?? null,
            needsDecision: s.status === 'lagging',
          };
          await reviews.insertItem(tx, regionId, id, s.id, i + 1, snapshot);
        }
        await core.deps.audit.record(tx, actor, {
          action: 'kt_review.create',
          entity: 'kt_review',
          entityId: id,
          entityName: input.title.trim(),
          orgPath: plan.org_path,
        });
        return detail(tx, actor, id);
      }),

    decide: (actor: Actor, id: string, taskId: string, input: KtDecisionInput) =>
      db.transaction(async (tx) => {
        const r = await draftOwned(tx, actor, id);
        const newTarget = input.newTarget?.trim() || null;
        const newDeadline = input.newDeadline ?? null;
        if (input.kind === 'new_target' && !newTarget) throw invalid('请填写新的推进目标', { fields: [{ field: 'newTarget', message: '请填写' }] });
        if (input.kind === 'new_deadline' && !newDeadline) throw invalid('请填写新的完成时限', { fields: [{ field: 'newDeadline', message: '请填写' }] });
        const d = {
          kind: input.kind,
          text: input.text.trim(),
          newTarget: input.kind === 'new_target' ? newTarget : null,
          newDeadline: input.kind === 'new_deadline' ? newDeadline : null,
        };
        if (!(await reviews.setDecision(tx, regionId, id, taskId, d))) throw notFound('调度会中的任务');
        await reviews.bump(tx, regionId, id);
        await core.deps.audit.record(tx, actor, {
          action: 'kt_review.decide',
          entity: 'kt_review',
          entityId: id,
          entityName: r.title,
          orgPath: r.org_path,
          after: { taskId, ...d },
        });
        return detail(tx, actor, id);
      }),

    /** 召开: every task that needed a decision has one; the decisions take effect and become to-dos. */
    hold: (actor: Actor, id: string, input: KtHoldInput) =>
      db.transaction(async (tx) => {
        const r = await draftOwned(tx, actor, id);
        if (r.held_on > clock.today()) throw invalid(`会议日期 ${r.held_on} 还没到，会后再记录纪要`);
        const items = await reviews.items(tx, regionId, id);
        const missing = items.filter((i) => i.snapshot.needsDecision && !i.decision_kind);
        if (missing.length)
          throw invalid(`以下滞后任务尚未作出决定：${missing.map((i) => `${i.snapshot.no}. ${i.snapshot.title}`).join('；')}`, {
            tasks: missing.map((i) => i.task_id),
          });
        if (!(await reviews.hold(tx, regionId, id, { attendees: input.attendees.trim(), minutes: input.minutes.trim() }, input.version)))
          throw staleVersion('该调度会');
        const parts = await core.parts(
          tx,
          items.map((i) => i.task_id),
        );
        for (const i of items.filter((x) => x.decision_kind)) {
          const text = `${r.title}（${r.held_on}）：${i.decision_text}`;
          if (i.decision_kind === 'new_target' || i.decision_kind === 'new_deadline') {
            await progress.changeIn(tx, actor, i.task_id, { target: i.new_target ?? undefined, deadline: i.new_deadline ?? undefined, decision: text }, id);
          }
          if (i.decision_kind === 'continue') continue;
          const lead = (parts.claims.get(i.task_id) ?? []).find((c) => c.role === 'lead' && c.state === 'confirmed');
          await reviews.assign(tx, regionId, id, i.task_id, lead?.org_id ?? r.org_id, addDays(r.held_on, rules.decisionDays));
        }
        await core.deps.audit.record(tx, actor, {
          action: 'kt_review.hold',
          entity: 'kt_review',
          entityId: id,
          entityName: r.title,
          orgPath: r.org_path,
          after: { decisions: items.filter((x) => x.decision_kind).length },
        });
        return detail(tx, actor, id);
      }),
  };
}
export type KeyTaskReviews = ReturnType<typeof createKeyTaskReviews>;
