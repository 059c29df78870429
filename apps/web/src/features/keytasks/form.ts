import {
  KT_YEAR_MAX,
  KT_YEAR_MIN,
  type KtAcceptInput,
  type KtAccountabilityInput,
  type KtAccountabilityLevel,
  type KtChangeInput,
  type KtClaimInput,
  type KtClaimRole,
  type KtDecisionInput,
  type KtDecisionKind,
  type KtHoldInput,
  type KtPlanInput,
  type KtProgressInput,
  type KtReviewInput,
  type KtReviewItem,
  type KtTaskInput,
} from '@jiceng/contracts';
import type { Dayjs } from 'dayjs';

/** Pure pieces of the 重点任务 pages: form values → API bodies, the year in the URL, the order of a review's items. */

const text = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * A rule that a choice was made, with its message. Used instead of `required` on selects and radio
 * groups: antd puts `aria-required` on the field's wrapper there, which axe refuses.
 */
export const chosen = (message: string) => ({
  validator: (_: unknown, v: unknown) => (v === undefined || v === null || v === '' ? Promise.reject(new Error(message)) : Promise.resolve()),
});

// ---------------------------------------------------------------- the year

/** Years offered by the plans list: two ahead, back to six before this one. */
export function yearOptions(thisYear: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = Math.min(thisYear + 2, KT_YEAR_MAX); y >= Math.max(thisYear - 6, KT_YEAR_MIN); y--) out.push({ value: y, label: `${y} 年` });
  return out;
}

/** `?year=` of the plans list: a year the API takes, else this year. */
export function yearFromParams(p: URLSearchParams, thisYear: number): number {
  const y = Number(p.get('year'));
  return Number.isInteger(y) && y >= KT_YEAR_MIN && y <= KT_YEAR_MAX ? y : thisYear;
}

// ---------------------------------------------------------------- plans and tasks

export interface PlanFormValues {
  orgId?: string;
  year: number;
  title: string;
  note?: string | null;
}

export function toPlanInput(v: PlanFormValues): KtPlanInput {
  return { orgId: v.orgId ?? '', year: v.year, title: v.title.trim(), note: text(v.note) };
}

export interface TaskFormValues {
  category: string;
  title: string;
  description?: string | null;
  target: string;
  deadline: Dayjs;
  acceptanceStandard: string;
  weight: number;
  subtasks?: { title?: string; weight?: number | null }[];
  milestones?: { title?: string; dueOn?: Dayjs | null }[];
}

/** POST /api/keytasks/plans/:id/tasks: trimmed text; sub-task and milestone rows left empty are dropped, milestones by date. */
export function toTaskInput(v: TaskFormValues): KtTaskInput {
  const subtasks = (v.subtasks ?? []).filter((s) => text(s.title)).map((s) => ({ title: s.title!.trim(), weight: s.weight ?? 1 }));
  const milestones = (v.milestones ?? [])
    .filter((m) => text(m.title) && m.dueOn)
    .map((m) => ({ title: m.title!.trim(), dueOn: day(m.dueOn!) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return {
    category: v.category.trim(),
    title: v.title.trim(),
    description: text(v.description),
    target: v.target.trim(),
    deadline: day(v.deadline),
    acceptanceStandard: v.acceptanceStandard.trim(),
    weight: v.weight,
    subtasks,
    milestones,
  };
}

/** The weights of a task's sub-tasks as a share each (for the hint under the list), 0 when there are none. */
export function subtaskShare(weights: (number | null | undefined)[]): number[] {
  const total = weights.reduce<number>((s, w) => s + (w ?? 0), 0);
  return weights.map((w) => (total > 0 ? Math.round(((w ?? 0) / total) * 1000) / 10 : 0));
}

export interface ChangeFormValues {
  target?: string | null;
  deadline?: Dayjs | null;
  decision: string;
}

/** POST …/change: only what differs from the task now; null when nothing changes (the form says so). */
export function toChangeInput(v: ChangeFormValues, now: { target: string; deadline: string; version: number }): KtChangeInput | null {
  const target = text(v.target);
  const deadline = v.deadline ? day(v.deadline) : null;
  const out: KtChangeInput = { decision: v.decision.trim(), version: now.version };
  if (target && target !== now.target) out.target = target;
  if (deadline && deadline !== now.deadline) out.deadline = deadline;
  return out.target === undefined && out.deadline === undefined ? null : out;
}

// ---------------------------------------------------------------- 揭榜, progress, acceptance

export interface ClaimFormValues {
  /** The claiming organization: the account's own or one in its scope. */
  orgId?: string;
  role: KtClaimRole;
  unitName?: string | null;
  ownerName: string;
  post: string;
  duty: string;
}

/** 揭榜: an empty 部门/科室 is the organization's name, no organization the account's own (the server fills both). */
export function toClaimInput(v: ClaimFormValues): KtClaimInput {
  return {
    ...(v.orgId ? { orgId: v.orgId } : {}),
    role: v.role,
    unitName: text(v.unitName),
    ownerName: v.ownerName.trim(),
    post: v.post.trim(),
    duty: v.duty.trim(),
  };
}

export interface ProgressFormValues {
  reportedOn: Dayjs;
  percent: number;
  subtaskId?: string | null;
  milestoneId?: string | null;
  milestoneDone?: boolean;
  narrative: string;
  risks?: string | null;
}

/** 报告进展: 节点已完成 only goes with a milestone. */
export function toProgressInput(v: ProgressFormValues): KtProgressInput {
  return {
    reportedOn: day(v.reportedOn),
    percent: v.percent,
    subtaskId: v.subtaskId || null,
    milestoneId: v.milestoneId || null,
    milestoneDone: v.milestoneId ? Boolean(v.milestoneDone) : false,
    narrative: v.narrative.trim(),
    risks: text(v.risks),
  };
}

export interface AcceptFormValues {
  score: number;
  opinion: string;
  acceptedOn: Dayjs;
}

export function toAcceptInput(v: AcceptFormValues, version: number): KtAcceptInput {
  return { score: v.score, opinion: v.opinion.trim(), acceptedOn: day(v.acceptedOn), version };
}

export interface AccountabilityFormValues {
  level: KtAccountabilityLevel;
  subject: string;
  reason: string;
  decidedBy: string;
  decidedOn: Dayjs;
}

export function toAccountabilityInput(v: AccountabilityFormValues): KtAccountabilityInput {
  return { level: v.level, subject: v.subject.trim(), reason: v.reason.trim(), decidedBy: v.decidedBy.trim(), decidedOn: day(v.decidedOn) };
}

// ---------------------------------------------------------------- 调度会

export interface ReviewFormValues {
  title: string;
  heldOn: Dayjs;
  place?: string | null;
  host?: string | null;
}

export function toReviewInput(planId: string, v: ReviewFormValues): KtReviewInput {
  return { planId, title: v.title.trim(), heldOn: day(v.heldOn), place: text(v.place), host: text(v.host) };
}

export interface DecisionFormValues {
  kind: KtDecisionKind;
  text: string;
  newTarget?: string | null;
  newDeadline?: Dayjs | null;
}

/** A 调度会 decision: the new target only with 调整推进目标, the new deadline only with 调整完成时限. */
export function toDecisionInput(v: DecisionFormValues): KtDecisionInput {
  return {
    kind: v.kind,
    text: v.text.trim(),
    newTarget: v.kind === 'new_target' ? text(v.newTarget) : null,
    newDeadline: v.kind === 'new_deadline' && v.newDeadline ? day(v.newDeadline) : null,
  };
}

export function toHoldInput(v: { attendees: string; minutes: string }, version: number): KtHoldInput {
  return { attendees: v.attendees.trim(), minutes: v.minutes.trim(), version };
}

/** The review's items as the meeting goes through them: those needing a decision, then the other lagging ones, then by 序号. */
export function orderReviewItems(items: KtReviewItem[]): KtReviewItem[] {
  const rank = (i: KtReviewItem) => (i.needsDecision ? 0 : i.status === 'lagging' ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.no - b.no);
}

/** The progress a task is behind what its time asks for, in points (0 when on time or ahead). */
export const lagPoints = (progress: number, expected: number) => Math.max(0, Math.round((expected - progress) * 10) / 10);

/** 落后 N 个百分点 when behind what the time asks for; null on time (a task may lag for its milestones alone). */
export function behindText(progress: number, expected: number): string | null {
  const n = lagPoints(progress, expected);
  return n > 0 ? `落后 ${n} 个百分点` : null;
}

/** 62.5% → "62.5%", 60 → "60%". */
export const percentText = (n: number) => `${Math.round(n * 10) / 10}%`;
