import type { ServiceClock, ServiceFigureRow, ServiceStateId } from '@jiceng/contracts';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';

/** 办理层级 (the answers carry `levelLabel`; the filter needs the names before any answer). */
export const SERVICE_LEVEL_OPTIONS = [
  { value: 'community', label: '村（社区）' },
  { value: 'area', label: '片区' },
  { value: 'street', label: '乡镇（街道）' },
  { value: 'joint', label: '跨级联合（吹哨报到）' },
] as const;

/** The buttons of the drawer, in the order they are shown; names as the workflow names the steps. */
export const SERVICE_ACTION_LABEL: Record<string, string> = {
  accept: '受理',
  reject: '不予受理',
  dispatch: '派单',
  take: '接单',
  return: '退单',
  reassign: '改派',
  request_info: '要求补充材料',
  supply_info: '补充材料',
  resolve: '办结',
  follow_up: '回访',
  rate: '评价',
  extend: '延期',
  urge: '催办',
  escalate: '提级',
  withdraw: '撤销',
};
export const SERVICE_ACTION_ORDER = Object.keys(SERVICE_ACTION_LABEL);

export const serviceStateColor: Record<ServiceStateId, string> = {
  submitted: 'orange',
  accepted: 'gold',
  rejected: 'default',
  dispatched: 'blue',
  in_progress: 'processing',
  awaiting_info: 'purple',
  resolved: 'cyan',
  closed: 'green',
  withdrawn: 'default',
};

export function StateTag({ state, label }: { state: ServiceStateId; label: string }) {
  return <Tag color={serviceStateColor[state] ?? 'default'}>{label}</Tag>;
}

/** 3小时20分, 2天3小时, 45分. */
export function durationText(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`;
  return `${mins}分`;
}

const DAY = 24 * 60;

/** The clock's words and colour: green while more than a day is left, orange within a day, red past due, grey paused. */
export function clockView(clock: ServiceClock): { text: string; color: string } {
  if (clock.status === 'paused') return { text: `${clock.stageLabel} 已暂停`, color: 'default' };
  if (clock.status === 'overdue' || clock.minutesLeft < 0) return { text: `${clock.stageLabel} 超时 ${durationText(clock.minutesLeft)}`, color: 'red' };
  return { text: `${clock.stageLabel} 剩 ${durationText(clock.minutesLeft)}`, color: clock.minutesLeft < DAY ? 'orange' : 'green' };
}

export const dueText = (clock: ServiceClock) => (clock.dueAt ? `${clock.stageLabel}时限 ${dayjs(clock.dueAt).format('YYYY-MM-DD HH:mm')}` : clock.statusLabel);

/** The time-limit tag of a list row, a board card or the drawer's header (`big`). */
export function ClockTag({ clock, big }: { clock: ServiceClock | null; big?: boolean }) {
  if (!clock) return <span aria-label="无时限">—</span>;
  const v = clockView(clock);
  const extra = clock.extensions > 0 ? `（已延期 ${clock.extensions} 次）` : '';
  return (
    <Tooltip title={`${dueText(clock)}${extra}，规则 ${clock.ruleId}`}>
      <Tag
        color={v.color}
        data-testid="service-clock"
        style={big ? { fontSize: 16, lineHeight: '28px', padding: '0 10px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}
      >
        {v.text}
      </Tag>
    </Tooltip>
  );
}

export const time = (t: string | null | undefined) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');

/** A rate 0–1 as 87.5%, or — when there was nothing to rate. */
export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

/** The six rates of 接诉即办, in the order the cards, the chart and the table show them. */
export const RATES = [
  { key: 'responseRate', label: '响应率', color: '#1677ff' },
  { key: 'resolutionRate', label: '解决率', color: '#389e0d' },
  { key: 'satisfactionRate', label: '满意率', color: '#c4161c' },
  { key: 'onTimeRate', label: '按时办结率', color: '#08979c' },
  { key: 'bounceRate', label: '退单率', color: '#d46b08' },
  { key: 'reopenRate', label: '重办率', color: '#722ed1' },
] as const satisfies readonly { key: keyof ServiceFigureRow; label: string; color: string }[];
