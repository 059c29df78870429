import { Permission, type KtAccountabilityLevel, type KtDecisionKind, type KtTaskDetail } from '@jiceng/contracts';
import { ktAccountabilityRefusal, KT_WORKFLOW } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { Database } from '../../platform/db/database.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { history } from '../../platform/workflow/workflow.ts';
import { actionLabel } from '../../platform/workflow/workflow.definition.ts';
import { canReport, isBelow, isLead, isOwner, isReader } from './keytask.access.ts';
import { KT_KIND, type KeyTaskCore } from './keytask.core.ts';
import { judge, presentClaim, presentSummary } from './keytask.presenter.ts';
import { keyTaskRecordRepository as records } from './keytask.records.repository.ts';
import { keyTaskReviewRepository as reviews } from './keytask.review.repository.ts';

/** The task page: the summary, its parts, its records with their files, and what the account may do. */
export function createKeyTaskDetails(core: KeyTaskCore) {
  const { regionId, clock, rules, attachments } = core.deps;

  return {
    async of(db: Database, actor: Actor, id: string): Promise<KtTaskDetail> {
      const { row, parts } = await core.task(db, actor, id);
      const today = clock.today();
      const summary = presentSummary(row, parts, today, rules);
      const claims = parts.claims.get(id) ?? [];
      const owner = isOwner(actor, row.plan_org_path);
      const reader = isReader(actor, row.plan_org_path);
      const [progress, changes, acceptances, accountability, decisions, events] = await Promise.all([
        records.progress(db, regionId, id),
        records.changes(db, regionId, id),
        records.acceptances(db, regionId, [id]),
        reader ? records.accountability(db, regionId, id) : Promise.resolve([]),
        reviews.decisionsOf(db, regionId, id),
        history(db, regionId, KT_KIND, id),
      ]);
      const [progressFiles, acceptanceFiles] = await Promise.all([
        attachments.listMany(
          db,
          actor,
          'kt_progress',
          progress.map((p) => p.id),
        ),
        attachments.listMany(
          db,
          actor,
          'kt_acceptance',
          acceptances.map((a) => a.id),
        ),
      ]);
      // an organization below sees the reports of its own subtree only (the others' progress is theirs)
      const visible = progress.filter((p) => reader || pathInScope(actor, p.org_path));
      const subs = parts.subtasks.get(id) ?? [];
      const ms = parts.milestones.get(id) ?? [];
      const { lag } = judge(row, parts, today, rules);
      const report = canReport(actor, claims) && row.state === 'assigned';
      const failed = acceptances.filter((a) => !a.passed).length;
      return {
        ...summary,
        description: row.description,
        planOrgId: row.plan_org_id,
        planOrgName: row.plan_org_name,
        planState: row.plan_state as KtTaskDetail['planState'],
        subtasks: subs.map((s) => ({ id: s.id, title: s.title, weight: s.weight, progress: s.progress })),
        milestones: ms.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneOn: m.done_on, overdue: !m.done_on && m.due_on < today })),
        claims: claims.filter((c) => reader || pathInScope(actor, c.org_path) || c.state === 'confirmed').map(presentClaim),
        progressReports: visible.map((p) => ({
          id: p.id,
          reportedOn: p.reported_on,
          percent: p.percent,
          subtaskId: p.subtask_id,
          subtaskTitle: subs.find((s) => s.id === p.subtask_id)?.title ?? null,
          milestoneId: p.milestone_id,
          milestoneTitle: ms.find((m) => m.id === p.milestone_id)?.title ?? null,
          milestoneDone: p.milestone_done,
          narrative: p.narrative,
          risks: p.risks,
          orgName: p.org_name,
          reportedBy: p.reported_by_name,
          files: progressFiles.get(p.id) ?? [],
        })),
        changes: changes.map((c) => ({
          field: c.field,
          before: c.before,
          after: c.after,
          decision: c.decision,
          reviewId: c.review_id,
          decidedBy: c.decided_by_name,
          at: isoTime(c.at),
        })),
        acceptances: acceptances.map((a) => ({
          id: a.id,
          passed: a.passed,
          score: a.score,
          opinion: a.opinion,
          acceptedOn: a.accepted_on,
          acceptedBy: a.accepted_by_name,
          files: acceptanceFiles.get(a.id) ?? [],
        })),
        accountability: accountability.map((a) => ({
          id: a.id,
          level: a.level as KtAccountabilityLevel,
          subject: a.subject,
          reason: a.reason,
          decidedBy: a.decided_by,
          decidedOn: a.decided_on,
          recordedBy: a.recorded_by_name,
        })),
        decisions: decisions.map((d) => ({
          reviewId: d.review_id,
          reviewTitle: d.review_title,
          heldOn: d.held_on,
          kind: d.decision_kind as KtDecisionKind,
          text: d.decision_text ?? '',
          dueOn: d.due_on,
          doneOn: d.done_on,
          doneNote: d.done_note,
        })),
        history: events.map((e) => ({
          at: isoTime(e.at),
          action: e.action,
          actionLabel: actionLabel(KT_WORKFLOW, e.action),
          from: e.from_state,
          to: e.to_state,
          actorName: e.actor_name,
          reason: e.reason,
        })),
        can: {
          edit: owner && ['draft', 'open'].includes(row.state),
          claim:
            actor.permissions.includes(Permission.TASK_REPORT) && (isBelow(actor, row.plan_org_path) || reader) && ['open', 'assigned'].includes(row.state),
          decideClaims: owner && claims.some((c) => c.state === 'pending'),
          report,
          complete: isLead(actor, claims) && row.state === 'assigned' && summary.progress >= 100,
          accept: owner && row.state === 'completed',
          change: owner && ['open', 'assigned'].includes(row.state),
          cancel: owner && ['draft', 'open', 'assigned'].includes(row.state),
          accountability:
            owner && !ktAccountabilityRefusal({ status: lag.status, deadline: row.deadline, completedOn: row.completed_on, failedAcceptances: failed }, today),
          acceptanceFiles: owner && acceptances.length > 0,
        },
      };
    },
  };
}
export type KeyTaskDetails = ReturnType<typeof createKeyTaskDetails>;
