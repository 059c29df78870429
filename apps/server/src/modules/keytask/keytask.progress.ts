import {
  type KtAcceptInput,
  type KtAccountabilityInput,
  type KtChangeInput,
  type KtCompleteInput,
  type KtDecisionDoneInput,
  type KtProgressInput,
} from '@jiceng/contracts';
import { ktAccountabilityRefusal, ktPasses } from '@jiceng/rules';
import type { AttachmentOwnerKind } from '@jiceng/contracts';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { canReport, confirmedOf, isLead, isOwner } from './keytask.access.ts';
import type { KeyTaskCore } from './keytask.core.ts';
import type { KeyTaskDetails } from './keytask.detail.ts';
import { judge } from './keytask.presenter.ts';
import { keyTaskRepository as repo } from './keytask.repository.ts';
import { keyTaskRecordRepository as records } from './keytask.records.repository.ts';
import { keyTaskReviewRepository as reviews } from './keytask.review.repository.ts';

/** What the owners report (progress, completion) and the plan owner judges (changes, acceptance, accountability). */
export function createKeyTaskProgress(core: KeyTaskCore, details: KeyTaskDetails) {
  const { db, regionId, clock, rules, attachments } = core.deps;

  async function owned(tx: Database, actor: Actor, id: string) {
    const t = await core.task(tx, actor, id, true);
    if (!isOwner(actor, t.row.plan_org_path)) throw forbidden('只有制定计划的党组织可以办理');
    return t;
  }

  /** A record's papers: the record of this task, in the actor's reach. */
  async function ownerOf(tx: Database, actor: Actor, id: string, kind: 'kt_progress' | 'kt_acceptance', recordId: string, write: boolean) {
    const { row, parts } = await core.task(tx, actor, id);
    const claims = parts.claims.get(id) ?? [];
    if (kind === 'kt_progress') {
      const p = (await records.progress(tx, regionId, id)).find((x) => x.id === recordId);
      if (!p) throw notFound('进展报告');
      if (write && !(canReport(actor, claims) && confirmedOf(actor, claims).some((c) => c.org_id === p.org_id)))
        throw forbidden('只有报告单位可以上传佐证材料');
      return { orgId: p.org_id, owner: { ownerKind: kind as AttachmentOwnerKind, ownerId: p.id } };
    }
    const a = (await records.acceptances(tx, regionId, [id])).find((x) => x.id === recordId);
    if (!a) throw notFound('验收记录');
    if (write && !isOwner(actor, row.plan_org_path)) throw forbidden('只有验收单位可以上传验收材料');
    const lead = claims.find((c) => c.role === 'lead' && c.state === 'confirmed');
    return { orgId: lead?.org_id ?? row.plan_org_id, owner: { ownerKind: kind as AttachmentOwnerKind, ownerId: a.id } };
  }

  const progress = {
    /** 报告进展: on the task, or on one of its sub-tasks (a task with sub-tasks rolls them up), optionally reaching a milestone. */
    report: (actor: Actor, id: string, input: KtProgressInput) =>
      db.transaction(async (tx) => {
        const { row, parts } = await core.task(tx, actor, id, true);
        const claims = parts.claims.get(id) ?? [];
        if (!canReport(actor, claims)) throw forbidden('只有已确认的牵头或配合单位可以报告进展');
        if (row.state !== 'assigned')
          throw conflict(`任务当前为「${row.state === 'completed' ? '已完成' : row.state === 'accepted' ? '已验收' : '未落实'}」，不能报告进展`);
        const today = clock.today();
        if (input.reportedOn > today) throw invalid('报告日期不能晚于今天', { fields: [{ field: 'reportedOn', message: '不能晚于今天' }] });
        const subs = parts.subtasks.get(id) ?? [];
        const sub = input.subtaskId ? subs.find((s) => s.id === input.subtaskId) : undefined;
        if (input.subtaskId && !sub) throw invalid('所选子任务不属于该任务');
        if (subs.length && !sub)
          throw invalid('该任务分为子任务，请选择报告哪个子任务的进展（总进度按权重汇总）', { fields: [{ field: 'subtaskId', message: '请选择子任务' }] });
        const ms = input.milestoneId ? (parts.milestones.get(id) ?? []).find((m) => m.id === input.milestoneId) : undefined;
        if (input.milestoneId && !ms) throw invalid('所选时间节点不属于该任务');
        if (input.milestoneDone && !ms) throw invalid('请选择完成的时间节点');
        const org = confirmedOf(actor, claims)[0]!;
        const progressId = newId();
        await records.insertProgress(tx, regionId, {
          id: progressId,
          taskId: id,
          subtaskId: sub?.id ?? null,
          milestoneId: ms?.id ?? null,
          milestoneDone: !!input.milestoneDone,
          reportedOn: input.reportedOn,
          percent: input.percent,
          narrative: input.narrative.trim(),
          risks: input.risks?.trim() || null,
          orgId: org.org_id,
          by: actor.id,
          byName: actor.displayName,
        });
        if (sub) await repo.setSubtaskProgress(tx, regionId, sub.id, input.percent);
        await repo.setProgress(tx, regionId, id, sub ? row.progress : input.percent, input.reportedOn);
        if (ms && input.milestoneDone) await repo.milestoneDone(tx, regionId, ms.id, input.reportedOn);
        await core.refreshStatus(tx, [id]);
        await core.audit(tx, actor, row, 'kt_task.progress', { progressId, percent: input.percent, subtask: sub?.title ?? null, milestone: ms?.title ?? null });
        return details.of(tx, actor, id);
      }),

    addFile: (actor: Actor, id: string, kind: 'kt_progress' | 'kt_acceptance', recordId: string, file: { fileName: string; data: Buffer }) =>
      db.transaction(async (tx) => {
        const { orgId, owner } = await ownerOf(tx, actor, id, kind, recordId, true);
        return attachments.add(tx, actor, { ...owner, orgId, fileName: file.fileName, bytes: file.data });
      }),

    async readFile(actor: Actor, id: string, kind: 'kt_progress' | 'kt_acceptance', recordId: string, fileId: string): Promise<AttachmentFile> {
      const { owner } = await ownerOf(db, actor, id, kind, recordId, false);
      return attachments.read(db, actor, fileId, { owner });
    },

    /** Rule kt-complete-at-100: the lead reports the task done once it stands at 100 %. */
    complete: (actor: Actor, id: string, input: KtCompleteInput) =>
      db.transaction(async (tx) => {
        const { row, parts } = await core.task(tx, actor, id, true);
        if (!isLead(actor, parts.claims.get(id) ?? [])) throw forbidden('只有牵头单位可以报告任务完成');
        const { progress } = judge(row, parts, clock.today(), rules);
        if (progress < 100)
          throw new AppError('RULE_VIOLATION', `任务进度为 ${progress}%，达到 100% 才能报告完成（规则 kt-complete-at-100）`, { rule: 'kt-complete-at-100' });
        await core.transition(tx, actor, row, 'complete', 'lead', { version: input.version, data: { note: input.note.trim() } });
        await repo.setTaskFields(tx, regionId, id, { completedOn: clock.today() });
        await core.refreshStatus(tx, [id]);
        return details.of(tx, actor, id);
      }),

    /** 验收 against the acceptance standard: at the pass score it is 已验收, below it returns to the lead (rule kt-pass-score). */
    accept: (actor: Actor, id: string, input: KtAcceptInput) =>
      db.transaction(async (tx) => {
        const { row } = await owned(tx, actor, id);
        if (input.acceptedOn > clock.today()) throw invalid('验收日期不能晚于今天');
        const passed = ktPasses(input.score, rules);
        const opinion = input.opinion.trim();
        const reason = passed ? null : `验收得分 ${input.score}，低于 ${rules.passScore} 分：${opinion}`;
        await core.transition(tx, actor, row, passed ? 'accept' : 'reject', 'owner', { reason, version: input.version, data: { score: input.score } });
        await records.insertAcceptance(tx, regionId, {
          id: newId(),
          taskId: id,
          passed,
          score: input.score,
          opinion,
          acceptedOn: input.acceptedOn,
          byName: actor.displayName,
        });
        if (!passed) await repo.setTaskFields(tx, regionId, id, { completedOn: null });
        await core.refreshStatus(tx, [id]);
        return details.of(tx, actor, id);
      }),

    /** Rule kt-accountability-when: for a late task or a failed acceptance. */
    accountability: (actor: Actor, id: string, input: KtAccountabilityInput) =>
      db.transaction(async (tx) => {
        const { row, parts } = await owned(tx, actor, id);
        const today = clock.today();
        if (input.decidedOn > today) throw invalid('决定日期不能晚于今天');
        const { lag } = judge(row, parts, today, rules);
        const failed = (await records.acceptances(tx, regionId, [id])).filter((a) => !a.passed).length;
        const refusal = ktAccountabilityRefusal(
          { status: lag.status, deadline: row.deadline, completedOn: row.completed_on, failedAcceptances: failed },
          today,
        );
        if (refusal) throw new AppError('RULE_VIOLATION', refusal, { rule: 'kt-accountability-when' });
        const rec = {
          id: newId(),
          taskId: id,
          level: input.level,
          subject: input.subject.trim(),
          reason: input.reason.trim(),
          decidedBy: input.decidedBy.trim(),
        };
        await records.insertAccountability(tx, regionId, { ...rec, decidedOn: input.decidedOn, byName: actor.displayName });
        await repo.bump(tx, regionId, id);
        await core.audit(tx, actor, row, 'kt_task.accountability', { level: input.level, subject: rec.subject, reason: rec.reason, decidedBy: rec.decidedBy });
        return details.of(tx, actor, id);
      }),

    /** A change of target or deadline with the decision that made it (kept in the task's history). */
    async changeIn(tx: Database, actor: Actor, id: string, input: KtChangeInput, reviewId: string | null) {
      const { row } = await owned(tx, actor, id);
      if (!['open', 'assigned'].includes(row.state)) throw conflict('已完成、已验收或已撤销的任务不能调整目标或时限');
      const target = input.target?.trim();
      if (!target && !input.deadline) throw invalid('请填写新的推进目标或新的完成时限');
      if (input.deadline && input.deadline < `${row.year}-01-01`) throw invalid(`完成时限不能早于 ${row.year} 年`);
      const decision = input.decision.trim();
      const changes = [
        ...(target && target !== row.target ? [{ field: 'target' as const, before: row.target, after: target }] : []),
        ...(input.deadline && input.deadline !== row.deadline ? [{ field: 'deadline' as const, before: row.deadline, after: input.deadline }] : []),
      ];
      if (!changes.length) throw invalid('新的目标和时限与现在相同');
      if (input.version !== undefined && input.version !== row.version) throw new AppError('STALE_VERSION', '该任务已被他人修改，请刷新后再调整');
      for (const c of changes) await records.insertChange(tx, regionId, { id: newId(), taskId: id, ...c, decision, reviewId, byName: actor.displayName });
      await repo.setTaskFields(tx, regionId, id, { target: target || undefined, deadline: input.deadline });
      await core.refreshStatus(tx, [id]);
      await core.audit(tx, actor, row, 'kt_task.change', { changes, decision, reviewId }, { target: row.target, deadline: row.deadline });
    },

    change: (actor: Actor, id: string, input: KtChangeInput) =>
      db.transaction(async (tx) => {
        await progress.changeIn(tx, actor, id, input, null);
        return details.of(tx, actor, id);
      }),

    /** The owner marks a 调度会 decision carried out. */
    decisionDone: (actor: Actor, id: string, reviewId: string, input: KtDecisionDoneInput) =>
      db.transaction(async (tx) => {
        const { row, parts } = await core.task(tx, actor, id, true);
        if (!canReport(actor, parts.claims.get(id) ?? []) && !isOwner(actor, row.plan_org_path)) throw forbidden('只有责任单位可以报告决定的落实情况');
        const note = input.note.trim();
        if (!(await reviews.markDone(tx, regionId, reviewId, id, { on: clock.today(), note, byName: actor.displayName })))
          throw conflict('该决定不需要落实或已经报告落实');
        await repo.bump(tx, regionId, id);
        await core.audit(tx, actor, row, 'kt_task.decision_done', { reviewId, note });
        return details.of(tx, actor, id);
      }),
  };
  return progress;
}
export type KeyTaskProgress = ReturnType<typeof createKeyTaskProgress>;
