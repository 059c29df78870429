import { hardshipTypeLabel, visitStatusLabel, type HardshipType, type VisitStatus } from '@jiceng/contracts';
import { Tag } from 'antd';

export const typeText = (t: string) => hardshipTypeLabel[t as HardshipType] ?? t;
export const typeOptions = Object.entries(hardshipTypeLabel).map(([value, label]) => ({ value, label }));

const COLOR: Record<VisitStatus, string> = { visited: 'green', due: 'orange', overdue: 'red', closed: 'default' };

/** 本季度已走访 / 待走访（截止日期） / 走访逾期 / 已结束. */
export function VisitStatusTag({ status, dueDate }: { status: string; dueDate?: string | null }) {
  const label = visitStatusLabel[status as VisitStatus] ?? status;
  return <Tag color={COLOR[status as VisitStatus] ?? 'default'}>{label}{dueDate && status !== 'visited' ? `（${status === 'overdue' ? '应于' : '截止'} ${dueDate}）` : ''}</Tag>;
}

/** 元 with two decimals, as the server sends it. */
export const yuan = (s: string) => `${s} 元`;
