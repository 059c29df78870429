import { contactMethodLabel, floatingReasonLabel, floatingStatusLabel, lostContactProposalLabel, lostContactStatusLabel, memberStatusLabel, type ContactMethod, type FloatingReason, type FloatingRecord, type FloatingStatus, type LostContactStatus, type MemberStatus } from '@jiceng/contracts';
import { Space, Tag, Tooltip } from 'antd';

const STATUS_COLOR: Record<FloatingStatus, string> = { pending_arrival: 'orange', pending_verify: 'gold', verified: 'green', returned: 'default' };

export const reasonText = (r: string) => floatingReasonLabel[r as FloatingReason] ?? r;
export const methodText = (m: string) => contactMethodLabel[m as ContactMethod] ?? m;
export const memberStatusText = (s: string) => memberStatusLabel[s as MemberStatus] ?? s;

export function FloatingStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLOR[status as FloatingStatus] ?? 'default'}>{floatingStatusLabel[status as FloatingStatus] ?? status}</Tag>;
}

/** Warnings of an open registration: six months reached (转接), 活动证 expired. */
export function FloatingAlerts({ r }: { r: FloatingRecord }) {
  return (
    <Space size={4} wrap>
      {r.transferDue && <Tooltip title={`自 ${r.destinationSince} 在同一流入地已满六个月，应转接组织关系`}><Tag color="red">应转接组织关系</Tag></Tooltip>}
      {r.certExpired && <Tooltip title={`有效期至 ${r.certValidUntil}`}><Tag color="volcano">活动证已过期</Tag></Tooltip>}
    </Space>
  );
}

export function LostStatusTag({ status }: { status: string }) {
  return <Tag color={status === 'lost' ? 'red' : 'green'}>{lostContactStatusLabel[status as LostContactStatus] ?? status}</Tag>;
}

/** The rule's proposal as a tag (建议停止党籍 / 建议除名), with the day it became due. */
export function ProposalTag({ proposal, dueDate }: { proposal: string | null; dueDate: string | null }) {
  if (!proposal) return null;
  const label = lostContactProposalLabel[proposal as 'suspend' | 'remove'] ?? proposal;
  return <Tooltip title={`自 ${dueDate} 起，需经支委会研究决定；系统不会自动变更党籍`}><Tag color="magenta">{label}</Tag></Tooltip>;
}
