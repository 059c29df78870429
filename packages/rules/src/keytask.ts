import type { KtStatus, KtTaskState } from '@jiceng/contracts';
import { addDays } from './development.ts';
import { KT_RULES_2026, type KtRuleSet } from './keytask.rules.ts';
import { daysBetween } from './term.ts';

export interface KtLagInput {
  state: KtTaskState;
  /** The day the task went on the board (its time starts there). */
  start: string;
  deadline: string;
  /** 0–100. */
  progress: number;
  /** Whether anything was reported yet (未启动 until then). */
  reported: boolean;
  milestones: readonly { title: string; dueOn: string; doneOn: string | null }[];
  today: string;
}

export interface KtLagReason {
  rule: string;
  message: string;
}

export interface KtLag {
  /** null for a draft or a cancelled task. */
  status: KtStatus | null;
  /** What the elapsed time asks for (rule kt-lag-expected), 0–100. */
  expected: number;
  reasons: KtLagReason[];
  overdueMilestones: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Rule kt-lag-expected: the share of the planned time elapsed on `today`, as a percentage. */
export function ktExpectedProgress(start: string, deadline: string, today: string): number {
  const planned = daysBetween(start, deadline);
  if (planned <= 0) return today >= deadline ? 100 : 0;
  const share = Math.min(1, Math.max(0, daysBetween(start, today) / planned));
  return round1(share * 100);
}

/**
 * The status of a task on `today` (rules kt-lag-deadline, kt-lag-milestone, kt-lag-behind,
 * kt-lag-unclaimed): 滞后 with every reason, else 未启动 / 推进中; 已完成 and 已验收 as stored.
 */
export function ktLag(t: KtLagInput, rules: KtRuleSet = KT_RULES_2026): KtLag {
  const expected = ktExpectedProgress(t.start, t.deadline, t.today);
  if (t.state === 'draft' || t.state === 'cancelled') return { status: null, expected, reasons: [], overdueMilestones: [] };
  if (t.state === 'completed' || t.state === 'accepted') return { status: t.state, expected, reasons: [], overdueMilestones: [] };
  const reasons: KtLagReason[] = [];
  if (t.today > t.deadline) reasons.push({ rule: 'kt-lag-deadline', message: `已超过完成时限（${t.deadline}），尚未完成` });
  const overdue = t.milestones.filter((m) => !m.doneOn && m.dueOn < t.today);
  for (const m of overdue) reasons.push({ rule: 'kt-lag-milestone', message: `时间节点「${m.title}」应于 ${m.dueOn} 完成，尚未完成` });
  const elapsed = ktExpectedProgress(t.start, t.deadline, t.today) / 100;
  if (t.today <= t.deadline && elapsed >= rules.lagGraceShare && t.progress < expected - rules.lagTolerancePoints) {
    reasons.push({
      rule: 'kt-lag-behind',
      message: `完成进度 ${round1(t.progress)}%，按时间进度应达到 ${expected}%，落后 ${round1(expected - t.progress)} 个百分点（超过 ${rules.lagTolerancePoints} 个百分点即为滞后）`,
    });
  }
  if (t.state === 'open' && t.today > addDays(t.start, rules.claimWithinDays)) {
    reasons.push({ rule: 'kt-lag-unclaimed', message: `上榜已超过 ${rules.claimWithinDays} 天，仍未落实牵头单位` });
  }
  const status: KtStatus = reasons.length ? 'lagging' : t.reported || t.progress > 0 ? 'in_progress' : 'not_started';
  return { status, expected, reasons, overdueMilestones: overdue.map((m) => m.title) };
}

/** Rule kt-rollup-weight: Σ weight × progress / Σ weight, one decimal (0 without items). */
export function ktRollUp(items: readonly { weight: number; progress: number }[]): number {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return 0;
  return round1(items.reduce((s, i) => s + i.weight * i.progress, 0) / total);
}

/** Rule kt-pass-score. */
export const ktPasses = (score: number, rules: KtRuleSet = KT_RULES_2026): boolean => score >= rules.passScore;

/**
 * Rule kt-accountability-when: the refusal (Chinese) when a task is neither late nor failed, else null.
 */
export function ktAccountabilityRefusal(
  t: { status: KtStatus | null; deadline: string; completedOn: string | null; failedAcceptances: number },
  today: string,
): string | null {
  if (t.status === 'lagging' || t.failedAcceptances > 0) return null;
  const doneBy = t.completedOn ?? today;
  if (doneBy > t.deadline) return null;
  return '该任务未滞后、未逾期，也没有验收不通过的记录，不需要记录问责（规则 kt-accountability-when）';
}

export interface KtDepartmentTasks {
  key: string;
  tasks: readonly { weight: number; progress: number; status: KtStatus | null; score: number | null }[];
}

export interface KtRanked {
  key: string;
  rank: number;
  tasks: number;
  progress: number;
  completed: number;
  lagging: number;
  avgScore: number | null;
}

/** Rule kt-rank: completed share, then weighted progress, then fewer lagging, then average score; ties share a rank. */
export function ktRank(departments: readonly KtDepartmentTasks[]): KtRanked[] {
  const rows = departments.map((d) => {
    const scores = d.tasks.flatMap((t) => (t.score === null ? [] : [t.score]));
    const completed = d.tasks.filter((t) => t.status === 'completed' || t.status === 'accepted').length;
    return {
      key: d.key,
      tasks: d.tasks.length,
      progress: ktRollUp(d.tasks),
      completed,
      lagging: d.tasks.filter((t) => t.status === 'lagging').length,
      avgScore: scores.length ? round1(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
      share: d.tasks.length ? completed / d.tasks.length : 0,
    };
  });
  const cmp = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    b.share - a.share || b.progress - a.progress || a.lagging - b.lagging || (b.avgScore ?? -1) - (a.avgScore ?? -1);
  rows.sort((a, b) => cmp(a, b) || a.key.localeCompare(b.key));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || cmp(rows[i - 1]!, r) !== 0) rank = i + 1;
    const { share: _share, ...rest } = r;
    return { ...rest, rank };
  });
}
