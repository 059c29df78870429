import type { KtClaim, KtFigures, KtPlanSummary, KtTaskSummary, KtTaskState, KtClaimRole, KtClaimState, KtPlanState } from '@jiceng/contracts';
import { ktLag, ktRollUp, type KtLag, type KtRuleSet } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { ClaimRow, MilestoneRow, PlanRow, SubtaskRow, TaskRow } from './keytask.repository.ts';

/** A task's parts, loaded together for a page of tasks. */
export interface TaskParts {
  milestones: Map<string, MilestoneRow[]>;
  subtasks: Map<string, SubtaskRow[]>;
  claims: Map<string, ClaimRow[]>;
  scores: Map<string, number | null>;
}

export const groupBy = <T extends { task_id: string }>(rows: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), r]);
  return m;
};

/** The task's progress (its sub-tasks rolled up by weight, rule kt-rollup-weight) and its lag on `today`. */
export function judge(t: TaskRow, parts: Pick<TaskParts, 'milestones' | 'subtasks'>, today: string, rules: KtRuleSet): { progress: number; lag: KtLag } {
  const subs = parts.subtasks.get(t.id) ?? [];
  const progress = t.state === 'completed' || t.state === 'accepted' ? 100 : subs.length ? ktRollUp(subs) : t.progress;
  const lag = ktLag(
    {
      state: t.state as KtTaskState,
      start: t.published_on ?? t.created_at.slice(0, 10),
      deadline: t.deadline,
      progress,
      reported: t.reported || subs.some((s) => s.progress > 0),
      milestones: (parts.milestones.get(t.id) ?? []).map((m) => ({ title: m.title, dueOn: m.due_on, doneOn: m.done_on })),
      today,
    },
    rules,
  );
  return { progress, lag };
}

export function presentClaim(c: ClaimRow): KtClaim {
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    unitName: c.unit_name,
    role: c.role as KtClaimRole,
    ownerName: c.owner_name,
    post: c.post,
    duty: c.duty,
    state: c.state as KtClaimState,
    reason: c.reason,
    claimedBy: c.claimed_by_name,
    claimedAt: isoTime(c.claimed_at),
    decidedBy: c.decided_by_name,
    decidedAt: c.decided_at ? isoTime(c.decided_at) : null,
  };
}

export function presentSummary(t: TaskRow, parts: TaskParts, today: string, rules: KtRuleSet): KtTaskSummary {
  const { progress, lag } = judge(t, parts, today, rules);
  const claims = parts.claims.get(t.id) ?? [];
  const lead = claims.find((c) => c.role === 'lead' && c.state === 'confirmed');
  return {
    id: t.id,
    planId: t.plan_id,
    planTitle: t.plan_title,
    year: t.year,
    no: t.no,
    category: t.category,
    title: t.title,
    target: t.target,
    deadline: t.deadline,
    acceptanceStandard: t.acceptance_standard,
    weight: t.weight,
    state: t.state as KtTaskState,
    status: lag.status,
    progress,
    expectedProgress: lag.expected,
    lagReasons: lag.reasons,
    overdueMilestones: lag.overdueMilestones.length,
    lead: lead ? { orgId: lead.org_id, orgName: lead.org_name, unitName: lead.unit_name, ownerName: lead.owner_name, post: lead.post } : null,
    supporters: claims
      .filter((c) => c.role === 'support' && c.state === 'confirmed')
      .map((c) => ({ orgId: c.org_id, orgName: c.org_name, unitName: c.unit_name })),
    pendingClaims: claims.filter((c) => c.state === 'pending').length,
    lastReportedOn: t.last_reported_on,
    version: t.version,
  };
}

/** The plan's counts by status and its weighted completion (rule kt-rollup-weight), over its tasks not cancelled. */
export function figuresOf(tasks: readonly KtTaskSummary[]): KtFigures {
  const live = tasks.filter((t) => t.state !== 'cancelled');
  const n = (s: string) => live.filter((t) => t.status === s).length;
  return {
    tasks: live.length,
    claimed: live.filter((t) => t.lead).length,
    unclaimed: live.filter((t) => t.state === 'open').length,
    notStarted: n('not_started'),
    inProgress: n('in_progress'),
    lagging: n('lagging'),
    completed: n('completed'),
    accepted: n('accepted'),
    progress: ktRollUp(live),
  };
}

export function presentPlan(p: PlanRow, tasks: readonly KtTaskSummary[], owner: boolean): KtPlanSummary {
  return {
    id: p.id,
    orgId: p.org_id,
    orgName: p.org_name,
    year: p.year,
    title: p.title,
    note: p.note,
    state: p.state as KtPlanState,
    figures: figuresOf(tasks),
    owner,
    version: p.version,
    createdAt: isoTime(p.created_at),
  };
}
