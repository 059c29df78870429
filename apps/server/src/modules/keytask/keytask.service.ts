import {
  Permission,
  type KtClaimDecision,
  type KtClaimInput,
  type KtPlanInput,
  type KtPlanQuery,
  type KtPlanSummary,
  type KtTaskInput,
  type KtTaskQuery,
  type KtTaskSummary,
  type KtTaskUpdate,
} from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { claimsOf, isOwner, isReader } from './keytask.access.ts';
import type { KeyTaskCore } from './keytask.core.ts';
import { presentPlan } from './keytask.presenter.ts';
import { keyTaskRepository as repo, type PlanRow, type TaskRow } from './keytask.repository.ts';
import type { KeyTaskDetails } from './keytask.detail.ts';

const COMMITTEE_TYPES = ['committee', 'working_committee', 'general_branch'];

/** Checks a task's form beyond its schema: dates inside the plan's reach, sub-task and milestone lists. */
export function checkTaskInput(input: KtTaskInput, plan: { year: number }): void {
  const fields: { field: string; message: string }[] = [];
  if (input.deadline < `${plan.year}-01-01`) fields.push({ field: 'deadline', message: `完成时限不能早于 ${plan.year} 年` });
  if (input.deadline > `${plan.year + 5}-12-31`) fields.push({ field: 'deadline', message: '完成时限超出计划年度太远，请核对' });
  for (const [i, m] of (input.milestones ?? []).entries())
    if (m.dueOn > input.deadline) fields.push({ field: `milestones.${i}.dueOn`, message: `时间节点「${m.title}」晚于完成时限 ${input.deadline}` });
  const titles = (input.subtasks ?? []).map((s) => s.title.trim());
  if (new Set(titles).size !== titles.length) fields.push({ field: 'subtasks', message: '子任务名称重复' });
  if (fields.length) throw invalid(fields.map((f) => f.message).join('；'), { fields });
}

/** 重点任务: plans, their tasks and the claims (揭榜认领) on the board. */
export function createKeyTaskService(core: KeyTaskCore, details: KeyTaskDetails) {
  const { db, regionId, clock, orgs, rules } = core.deps;

  async function ownedPlan(tx: Database, actor: Actor, id: string, lock = false): Promise<PlanRow> {
    const p = await core.plan(tx, actor, id, lock);
    if (!isOwner(actor, p.org_path)) throw forbidden('只有制定计划的党组织（及其上级）可以办理');
    return p;
  }

  async function planSummary(tx: Database, actor: Actor, p: PlanRow): Promise<KtPlanSummary> {
    const rows = isReader(actor, p.org_path)
      ? await repo.tasksOfPlan(tx, regionId, p.id)
      : await repo.tasksWhere(tx, regionId, { actorPath: actor.orgPath }, p.id);
    return presentPlan(p, await core.summaries(tx, rows), isOwner(actor, p.org_path));
  }

  async function writeParts(tx: Database, taskId: string, input: KtTaskInput) {
    await repo.replaceSubtasks(
      tx,
      regionId,
      taskId,
      (input.subtasks ?? []).map((s) => ({ id: newId(), title: s.title.trim(), weight: s.weight })),
    );
    await repo.replaceMilestones(
      tx,
      regionId,
      taskId,
      (input.milestones ?? []).map((m) => ({ id: newId(), title: m.title.trim(), dueOn: m.dueOn })),
    );
  }

  const fieldsOf = (input: KtTaskInput) => ({
    category: input.category.trim(),
    title: input.title.trim(),
    description: input.description?.trim() || null,
    target: input.target.trim(),
    deadline: input.deadline,
    acceptanceStandard: input.acceptanceStandard.trim(),
    weight: input.weight,
  });

  const service = {
    async createPlan(actor: Actor, input: KtPlanInput): Promise<KtPlanSummary> {
      return db.transaction(async (tx) => {
        const org = await orgs.resolveInScope(actor, input.orgId, tx);
        if (!COMMITTEE_TYPES.includes(org.type)) throw invalid(`重点任务计划由党委、党工委或党总支制定，「${org.name}」不是`);
        if (org.status !== 'active') throw invalid(`「${org.name}」已撤销`);
        const id = newId();
        const title = input.title.trim();
        const taken = await repo.plans(tx, regionId, { actorPath: org.path, year: input.year, orgPath: org.path }, 1, 200);
        if (taken.rows.some((p) => p.org_id === org.id && p.title === title)) throw conflict(`${org.name}${input.year}年已有名为「${title}」的计划`);
        await repo.insertPlan(tx, regionId, { id, orgId: org.id, year: input.year, title, note: input.note?.trim() || null, ruleSet: rules.id, by: actor.id });
        await core.deps.audit.record(tx, actor, {
          action: 'kt_plan.create',
          entity: 'kt_plan',
          entityId: id,
          entityName: title,
          orgPath: org.path,
          after: { year: input.year },
        });
        return planSummary(tx, actor, (await repo.planById(tx, regionId, id))!);
      });
    },

    async listPlans(actor: Actor, q: KtPlanQuery) {
      const orgPath = q.orgId ? (await orgs.resolveInScope(actor, q.orgId)).path : undefined;
      const { rows, total } = await repo.plans(db, regionId, { actorPath: actor.orgPath, year: q.year, orgPath }, q.page ?? 1, q.pageSize ?? 20);
      return { items: await Promise.all(rows.map((p) => planSummary(db, actor, p))), total };
    },

    getPlan: async (actor: Actor, id: string) => planSummary(db, actor, await core.plan(db, actor, id)),

    /** 发布: the plan and every draft task go on the board on the same day. */
    publishPlan: (actor: Actor, id: string, version?: number) =>
      db.transaction(async (tx) => {
        const p = await ownedPlan(tx, actor, id, true);
        if (p.state !== 'draft') throw conflict(`该计划当前为「${p.state === 'published' ? '已发布' : '已归档'}」，不能再发布`);
        const tasks = await repo.tasksOfPlan(tx, regionId, id);
        if (!tasks.some((t) => t.state === 'draft')) throw invalid('计划中还没有任务，请先新增或导入任务');
        const today = clock.today();
        if (!(await repo.setPlanState(tx, regionId, id, 'draft', 'published', today, version))) throw staleVersion('该计划');
        for (const t of tasks.filter((x) => x.state === 'draft')) await core.transition(tx, actor, t, 'publish', 'owner');
        await repo.stampPublished(tx, regionId, id, today);
        await core.refreshStatus(
          tx,
          tasks.map((t) => t.id),
        );
        await core.deps.audit.record(tx, actor, {
          action: 'kt_plan.publish',
          entity: 'kt_plan',
          entityId: id,
          entityName: p.title,
          orgPath: p.org_path,
          after: { tasks: tasks.length },
        });
        return planSummary(tx, actor, (await repo.planById(tx, regionId, id))!);
      }),

    archivePlan: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const p = await ownedPlan(tx, actor, id, true);
        if (p.state !== 'published') throw conflict('只有已发布的计划可以归档');
        await repo.setPlanState(tx, regionId, id, 'published', 'archived', null);
        await core.deps.audit.record(tx, actor, { action: 'kt_plan.archive', entity: 'kt_plan', entityId: id, entityName: p.title, orgPath: p.org_path });
        return planSummary(tx, actor, (await repo.planById(tx, regionId, id))!);
      }),

    /** A task added to a draft plan waits for the plan's 发布; added to a published plan it goes on the board at once. */
    async addTaskIn(tx: Database, actor: Actor, planId: string, input: KtTaskInput, no?: number): Promise<string> {
      const p = await ownedPlan(tx, actor, planId, true);
      if (p.state === 'archived') throw conflict('该计划已归档，不能新增任务');
      checkTaskInput(input, p);
      const id = newId();
      const today = clock.today();
      await repo.insertTask(tx, regionId, {
        id,
        planId,
        no: no ?? (await repo.nextNo(tx, regionId, planId)),
        ...fieldsOf(input),
        state: p.state === 'published' ? 'open' : 'draft',
        publishedOn: p.state === 'published' ? today : null,
      });
      await writeParts(tx, id, input);
      await core.refreshStatus(tx, [id]);
      await core.deps.audit.record(tx, actor, {
        action: 'kt_task.create',
        entity: 'kt_task',
        entityId: id,
        entityName: input.title.trim(),
        orgPath: p.org_path,
      });
      return id;
    },

    addTask: (actor: Actor, planId: string, input: KtTaskInput) =>
      db.transaction(async (tx) => details.of(tx, actor, await service.addTaskIn(tx, actor, planId, input))),

    /** Edits a task before a lead takes it on; after that target and deadline change only with a decision. */
    updateTask: (actor: Actor, id: string, input: KtTaskUpdate) =>
      db.transaction(async (tx) => {
        const { row } = await core.task(tx, actor, id, true);
        if (!isOwner(actor, row.plan_org_path)) throw forbidden('只有制定计划的党组织可以修改任务');
        if (!['draft', 'open'].includes(row.state)) throw conflict('任务已落实牵头单位，推进目标和完成时限只能按决定调整（调整目标或时限）');
        checkTaskInput(input, row);
        if (!(await repo.updateTask(tx, regionId, id, fieldsOf(input), input.version))) throw staleVersion('该任务');
        await writeParts(tx, id, input);
        await core.refreshStatus(tx, [id]);
        await core.audit(tx, actor, row, 'kt_task.update', fieldsOf(input), { target: row.target, deadline: row.deadline });
        return details.of(tx, actor, id);
      }),

    async listTasks(actor: Actor, q: KtTaskQuery): Promise<{ items: KtTaskSummary[]; total: number }> {
      const claimed = q.orgId ? (await orgs.resolveInScope(actor, q.orgId)).path : q.mine ? actor.orgPath : undefined;
      const { rows, total } = await repo.listTasks(
        db,
        regionId,
        {
          scope: { actorPath: actor.orgPath },
          planId: q.planId,
          year: q.year,
          status: q.status,
          state: q.state,
          category: q.category,
          q: q.q,
          claimedUnder: claimed,
        },
        q.page ?? 1,
        q.pageSize ?? 50,
      );
      return { items: await core.summaries(db, rows), total };
    },

    getTask: (actor: Actor, id: string) => details.of(db, actor, id),

    /** 揭榜: a lead claim while the task is on the board, a supporting one until it is done. */
    claim: (actor: Actor, id: string, input: KtClaimInput) =>
      db.transaction(async (tx) => {
        if (!actor.permissions.includes(Permission.TASK_REPORT)) throw forbidden('您不能认领任务');
        const { row, parts } = await core.task(tx, actor, id, true, true);
        const org = await orgs.resolveInScope(actor, input.orgId ?? actor.orgId, tx);
        if (!pathInScope({ orgPath: row.plan_org_path }, org.path)) throw invalid(`「${org.name}」不在「${row.plan_org_name}」之下，不能认领该计划的任务`);
        const claims = parts.claims.get(id) ?? [];
        if (input.role === 'lead' && row.state !== 'open')
          throw conflict(row.state === 'draft' ? '任务尚未发布上榜' : '该任务已落实牵头单位，可以作为配合单位认领');
        if (input.role === 'support' && !['open', 'assigned'].includes(row.state)) throw conflict('该任务已完成或已撤销，不能再认领');
        const unitName = input.unitName?.trim() || org.name;
        if (claimsOf(actor, claims).some((c) => c.org_id === org.id && c.unit_name === unitName))
          throw conflict(`${unitName}已认领该任务，请等待确认或撤回后重新认领`);
        const claimId = newId();
        await repo.insertClaim(tx, regionId, {
          id: claimId,
          taskId: id,
          orgId: org.id,
          unitName,
          role: input.role,
          ownerName: input.ownerName.trim(),
          post: input.post.trim(),
          duty: input.duty.trim(),
          by: actor.id,
          byName: actor.displayName,
        });
        await repo.bump(tx, regionId, id);
        await core.audit(tx, actor, row, 'kt_task.claim', { claimId, orgName: org.name, unitName, role: input.role, ownerName: input.ownerName.trim() });
        return details.of(tx, actor, id);
      }),

    /**
     * Confirms or declines a claim. Confirming a lead moves the task to 已落实 through the workflow's
     * conditional update, and the unique index on confirmed leads settles two confirmations at once:
     * one wins, the other is told the task already has its lead. The other lead claims are declined.
     */
    decideClaim: (actor: Actor, id: string, claimId: string, input: KtClaimDecision) =>
      db.transaction(async (tx) => {
        const { row, parts } = await core.task(tx, actor, id);
        if (!isOwner(actor, row.plan_org_path)) throw forbidden('只有制定计划的党组织可以确认认领');
        const c = (parts.claims.get(id) ?? []).find((x) => x.id === claimId);
        if (!c) throw notFound('认领记录');
        if (c.state !== 'pending') throw conflict(`该认领已${c.state === 'withdrawn' ? '撤回' : '处理'}，请刷新`);
        const reason = input.reason?.trim() || null;
        if (!input.confirm && !reason) throw invalid('不予确认时请写明理由', { fields: [{ field: 'reason', message: '请填写理由' }] });
        if (input.confirm && c.role === 'lead') {
          if (row.state !== 'open') throw conflict('该任务已落实牵头单位');
          await core.transition(tx, actor, row, 'assign', 'owner', { data: { claimId, orgName: c.org_name, unitName: c.unit_name, ownerName: c.owner_name } });
        } else if (input.confirm && !['open', 'assigned'].includes(row.state)) throw conflict('该任务已完成或已撤销');
        if (!(await repo.decideClaim(tx, regionId, claimId, input.confirm ? 'confirmed' : 'declined', reason, actor.displayName)))
          throw conflict('该认领刚被他人处理，请刷新');
        if (input.confirm && c.role === 'lead') await repo.declineOtherLeads(tx, regionId, id, `已确认${c.unit_name}为牵头单位`, actor.displayName);
        if (!(input.confirm && c.role === 'lead')) await repo.bump(tx, regionId, id);
        await core.refreshStatus(tx, [id]);
        await core.audit(tx, actor, row, input.confirm ? 'kt_task.claim_confirm' : 'kt_task.claim_decline', {
          claimId,
          unitName: c.unit_name,
          role: c.role,
          reason,
        });
        return details.of(tx, actor, id);
      }),

    withdrawClaim: (actor: Actor, id: string, claimId: string) =>
      db.transaction(async (tx) => {
        const { row, parts } = await core.task(tx, actor, id);
        const c = claimsOf(actor, parts.claims.get(id) ?? []).find((x) => x.id === claimId);
        if (!c || !actor.permissions.includes(Permission.TASK_REPORT)) throw notFound('认领记录');
        if (c.state !== 'pending') throw conflict('已确认的认领不能撤回，请联系计划制定单位');
        if (!(await repo.decideClaim(tx, regionId, claimId, 'withdrawn', null, actor.displayName))) throw conflict('该认领刚被处理，请刷新');
        await repo.bump(tx, regionId, id);
        await core.audit(tx, actor, row, 'kt_task.claim_withdraw', { claimId, unitName: c.unit_name });
        return details.of(tx, actor, id);
      }),

    cancel: (actor: Actor, id: string, reason: string, version?: number) =>
      db.transaction(async (tx) => {
        const { row } = await core.task(tx, actor, id, true);
        if (!isOwner(actor, row.plan_org_path)) throw forbidden('只有制定计划的党组织可以撤销任务');
        await core.transition(tx, actor, row, 'cancel', 'owner', { reason, version });
        await core.refreshStatus(tx, [id]);
        return details.of(tx, actor, id);
      }),
  };
  return service;
}
export type KeyTaskService = ReturnType<typeof createKeyTaskService>;
export type { TaskRow };
