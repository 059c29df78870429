import { reportInStatusLabel, type ReportInStatus } from '@jiceng/contracts';
import { Tag } from 'antd';

export const statusOptions = Object.entries(reportInStatusLabel).map(([value, label]) => ({ value, label }));

/** 已报到 / 已注销 as a tag. */
export function ReportStatusTag({ status, date }: { status: string; date?: string | null }) {
  const label = reportInStatusLabel[status as ReportInStatus] ?? status;
  return <Tag color={status === 'reported' ? 'green' : 'default'}>{label}{date ? ` ${date}` : ''}</Tag>;
}

/** The counts above a list: 已报到 N，已注销 M. */
export function countsText(c: { reported: number; cancelled: number } | undefined): string {
  return c ? `已报到 ${c.reported}，已注销 ${c.cancelled}` : '';
}
