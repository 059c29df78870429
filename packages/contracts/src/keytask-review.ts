import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, Version } from './common.ts';
import { StringEnum } from './reportin.ts';
import {
  KT_DECISIONS,
  KT_REASON_MAX,
  KT_REVIEW_STATES,
  KT_SHORT_MAX,
  KT_STATUSES,
  KT_TEXT_MAX,
  KT_TITLE_MAX,
  KtLagReason,
  KtPlanSummary,
  KtTaskSummary,
} from './keytask.ts';

/**
 * 重点任务 seen across tasks (issue 13): the board (榜) of a plan by department, the 调度会 that
 * assembles every task in scope with its lag and records a decision per task, and the dashboard.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Text = (d: string, max = KT_TEXT_MAX) => Type.String({ minLength: 1, maxLength: max, description: d });
const OptText = (d: string, max = KT_TEXT_MAX) => Type.Optional(Nullable(Type.String({ maxLength: max, description: d })));

// ---------------------------------------------------------------- the board

/** The board (榜): every published task of the plan with its claims, grouped by department. */
export const KtBoard = Type.Object({
  plan: KtPlanSummary,
  tasks: Type.Array(KtTaskSummary),
  byDepartment: Type.Array(
    Type.Object({
      orgId: Id,
      orgName: Type.String(),
      unitName: Type.String(),
      lead: Type.Integer(),
      support: Type.Integer(),
      pending: Type.Integer(),
    }),
  ),
});
export type KtBoard = Static<typeof KtBoard>;

// ---------------------------------------------------------------- 调度会

export const KtReviewInput = Type.Object({
  planId: Id,
  heldOn: Type.Unsafe<string>({ ...DateOnly, description: '会议日期' }),
  title: Text('会议名称', KT_TITLE_MAX),
  place: OptText('地点', KT_SHORT_MAX),
  host: OptText('主持人', 30),
});
export type KtReviewInput = Static<typeof KtReviewInput>;

/** One task as the review found it when it was assembled (kept as it was), and the decision taken. */
export const KtReviewItem = Type.Object({
  taskId: Id,
  no: Type.Integer(),
  title: Type.String(),
  category: Type.String(),
  leadName: Nullable(Type.String()),
  target: Type.String(),
  deadline: Type.String(),
  progress: Type.Number(),
  expectedProgress: Type.Number(),
  status: Nullable(StringEnum(KT_STATUSES, '进展状态')),
  lagReasons: Type.Array(KtLagReason),
  overdueMilestones: Type.Array(Type.String()),
  risks: Nullable(Type.String()),
  /** The review proposes a decision for a lagging task (decision needed). */
  needsDecision: Type.Boolean(),
  decision: Nullable(
    Type.Object({
      kind: StringEnum(KT_DECISIONS, '决定'),
      text: Type.String(),
      newTarget: Nullable(Type.String()),
      newDeadline: Nullable(Type.String()),
      dueOn: Nullable(Type.String()),
      doneOn: Nullable(Type.String()),
    }),
  ),
});
export type KtReviewItem = Static<typeof KtReviewItem>;

export const KtReviewSummary = Type.Object({
  id: Id,
  planId: Id,
  planTitle: Type.String(),
  orgName: Type.String(),
  title: Type.String(),
  heldOn: Type.String(),
  place: Nullable(Type.String()),
  host: Nullable(Type.String()),
  state: StringEnum(KT_REVIEW_STATES, '会议状态'),
  /** How many tasks it reviews. */
  taskCount: Type.Integer(),
  lagging: Type.Integer(),
  decided: Type.Integer(),
  version: Version,
});
export type KtReviewSummary = Static<typeof KtReviewSummary>;

export const KtReviewDetail = Type.Intersect([
  KtReviewSummary,
  Type.Object({ attendees: Nullable(Type.String()), minutes: Nullable(Type.String()), items: Type.Array(KtReviewItem), owner: Type.Boolean() }),
]);
export type KtReviewDetail = Static<typeof KtReviewDetail>;

export const KtDecisionInput = Type.Object({
  kind: StringEnum(KT_DECISIONS, '决定'),
  text: Text('决定内容', KT_REASON_MAX),
  /** new_target: the new 推进目标. */
  newTarget: Type.Optional(Nullable(Type.String({ maxLength: KT_TEXT_MAX, description: '新的推进目标' }))),
  /** new_deadline: the new 完成时限. */
  newDeadline: Type.Optional(Nullable(Type.Unsafe<string>({ ...DateOnly, description: '新的完成时限' }))),
});
export type KtDecisionInput = Static<typeof KtDecisionInput>;

export const KtHoldInput = Type.Object({
  attendees: Text('参会人员', KT_TEXT_MAX),
  minutes: Text('会议纪要', KT_TEXT_MAX * 2),
  version: Type.Optional(Version),
});
export type KtHoldInput = Static<typeof KtHoldInput>;

export const KtDecisionDoneInput = Type.Object({ note: Text('落实情况', KT_REASON_MAX) });
export type KtDecisionDoneInput = Static<typeof KtDecisionDoneInput>;
export const KtReviewItemParams = Type.Object({ id: Id, taskId: Id });

// ---------------------------------------------------------------- dashboard

export const KtDashboardQuery = Type.Object({ planId: Id });
export type KtDashboardQuery = Static<typeof KtDashboardQuery>;

export const KtDashboard = Type.Object({
  plan: KtPlanSummary,
  byCategory: Type.Array(Type.Object({ category: Type.String(), tasks: Type.Integer(), progress: Type.Number(), lagging: Type.Integer() })),
  /** Departments (lead organizations), ranked: accepted and completed share, then weighted progress, then fewer lagging. */
  ranking: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      orgId: Id,
      orgName: Type.String(),
      unitName: Type.String(),
      tasks: Type.Integer(),
      progress: Type.Number(),
      completed: Type.Integer(),
      lagging: Type.Integer(),
      avgScore: Nullable(Type.Number()),
    }),
  ),
  lagging: Type.Array(KtTaskSummary),
  /** Gantt rows: each task from its start to its deadline with its milestones. */
  timeline: Type.Array(
    Type.Object({
      taskId: Id,
      no: Type.Integer(),
      title: Type.String(),
      start: Type.String(),
      deadline: Type.String(),
      progress: Type.Number(),
      status: Nullable(StringEnum(KT_STATUSES, '进展状态')),
      milestones: Type.Array(Type.Object({ title: Type.String(), dueOn: Type.String(), doneOn: Nullable(Type.String()) })),
    }),
  ),
});
export type KtDashboard = Static<typeof KtDashboard>;
