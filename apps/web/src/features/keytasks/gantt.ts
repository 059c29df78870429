import { ktStatusLabel, type KtDashboard, type KtStatus } from '@jiceng/contracts';

/** The timeline of the 看板 as chart data (pure, so the chart itself only draws it). */

type TimelineRow = KtDashboard['timeline'][number];

/** Bar colours by status (the same hues as the status tags; no text is drawn on them). */
export const STATUS_HEX: Record<KtStatus, string> = {
  not_started: '#8c8c8c',
  in_progress: '#1677ff',
  lagging: '#cf1322',
  completed: '#13a8a8',
  accepted: '#389e0d',
};
const NO_STATUS = '#bfbfbf';
export const MILESTONE_HEX = { done: '#389e0d', overdue: '#cf1322', ahead: '#d48806' } as const;

/** Midnight China time of a `YYYY-MM-DD` day, in ms. */
export const dayMs = (d: string) => Date.parse(`${d}T00:00:00+08:00`);

export interface GanttBar {
  /** [row, start ms, deadline ms, progress] */
  value: [number, number, number, number];
  name: string;
  status: string;
  itemStyle: { color: string };
}

export interface GanttMilestone {
  /** [due ms, row] */
  value: [number, number];
  name: string;
  state: keyof typeof MILESTONE_HEX;
  itemStyle: { color: string };
}

export interface GanttModel {
  /** One y-axis label per task, `序号 任务名称` (long names cut). */
  labels: string[];
  bars: GanttBar[];
  milestones: GanttMilestone[];
  /** The axis from a week before the first start to a week after the last deadline (today included). */
  min: number;
  max: number;
  today: number;
  /** The chart in words, for who cannot see it. */
  summary: string;
}

const WEEK = 7 * 86_400_000;
const cut = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ganttModel(rows: TimelineRow[], today: string): GanttModel {
  const ordered = [...rows].sort((a, b) => a.no - b.no);
  const now = dayMs(today);
  const bars: GanttBar[] = ordered.map((r, i) => ({
    value: [i, dayMs(r.start), Math.max(dayMs(r.deadline), dayMs(r.start)), r.progress],
    name: `${r.no}. ${r.title}`,
    status: r.status ? ktStatusLabel[r.status] : '未发布',
    itemStyle: { color: r.status ? STATUS_HEX[r.status] : NO_STATUS },
  }));
  const milestones: GanttMilestone[] = ordered.flatMap((r, i) =>
    r.milestones.map((m) => {
      const state = m.doneOn ? 'done' : m.dueOn < today ? 'overdue' : 'ahead';
      return { value: [dayMs(m.dueOn), i] as [number, number], name: m.title, state, itemStyle: { color: MILESTONE_HEX[state] } };
    }),
  );
  const times = [now, ...bars.flatMap((b) => [b.value[1], b.value[2]]), ...milestones.map((m) => m.value[0])];
  const summary = ordered
    .map((r) => `${r.no}. ${r.title}：${r.start} 至 ${r.deadline}，${r.status ? ktStatusLabel[r.status] : '未发布'}，进度 ${r.progress}%`)
    .join('；');
  return {
    labels: ordered.map((r) => `${r.no} ${cut(r.title)}`),
    bars,
    milestones,
    min: Math.min(...times) - WEEK,
    max: Math.max(...times) + WEEK,
    today: now,
    summary,
  };
}
