import { orgDomainLabel, orgStatusLabel, orgTypeLabel, termStatusLabel, type OrgDomain, type OrgStatus, type OrgType, type TermStatus } from '@jiceng/contracts';
import { Tag } from 'antd';

/** Label lookups that tolerate values the contract may add later (shown as they are). */
export const typeLabel = (t: string) => orgTypeLabel[t as OrgType] ?? t;
export const domainLabel = (d: string) => orgDomainLabel[d as OrgDomain] ?? d;
export const statusLabel = (s: string) => orgStatusLabel[s as OrgStatus] ?? s;

const TERM_COLOR: Record<TermStatus, string> = {
  ok: 'green',
  no_term: 'default',
  due_soon: 'orange',
  overdue: 'red',
  seriously_overdue: 'magenta',
};

/** 换届 status as a coloured tag. */
export function TermStatusTag({ status, prefix = '' }: { status: string; prefix?: string }) {
  return <Tag color={TERM_COLOR[status as TermStatus] ?? 'default'}>{prefix}{termStatusLabel[status as TermStatus] ?? status}</Tag>;
}

export function OrgStatusTag({ status }: { status: string }) {
  return <Tag color={status === 'active' ? 'success' : 'default'}>{statusLabel(status)}</Tag>;
}

/** 还有 N 天 / 已逾期 N 天. */
export function daysLeftText(days: number | null): string {
  if (days === null) return '—';
  if (days < 0) return `已逾期 ${-days} 天`;
  if (days === 0) return '今天到期';
  return `还有 ${days} 天`;
}
