import { transferKindLabel, type Transfer, type TransferKind } from '@jiceng/contracts';
import { List, Tag } from 'antd-mobile';
import { useMyTransfers } from './memberApi.ts';
import { OwnListScreen } from './OwnListScreen.tsx';

const STATUS_COLOR: Record<string, string> = { pending: 'warning', accepted: 'success', received: 'success', returned: 'danger', cancelled: 'default' };

/** What the member needs to know about one transfer, beyond where it goes. */
function detailLines(t: Transfer): string[] {
  const lines = [`${transferKindLabel[t.kind as TransferKind] ?? t.kind} · 发起于 ${t.startedOn}`];
  if (t.completedOn) lines.push(`办结于 ${t.completedOn}`);
  if (t.letterNo) lines.push(`介绍信编号 ${t.letterNo}${t.validUntil ? `，有效期至 ${t.validUntil}` : ''}`);
  if (t.status === 'pending' && t.kind === 'internal') lines.push('接收方党支部办理前，组织关系仍在原党支部');
  if (t.returnReason) lines.push(`退回原因：${t.returnReason}`);
  if (t.cancelReason) lines.push(`撤销原因：${t.cancelReason}`);
  return lines;
}

/** 我的转接: the member's own organization-relation transfers, newest first (read-only). */
export function TransferScreen() {
  return (
    <OwnListScreen title="我的转接" subtitle="组织关系转接办理进度" query={useMyTransfers()} noun="转接记录" empty={{ title: '暂无转接记录', description: '需要转移组织关系时，请联系所在党支部办理' }}>
      {(items) =>
        [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((t) => (
          <List.Item key={t.id} extra={<Tag color={STATUS_COLOR[t.status] ?? 'default'} fill="solid">{t.statusText}</Tag>} description={detailLines(t).map((l) => <div key={l}>{l}</div>)}>
            {t.fromOrgName} → {t.toOrgName}
          </List.Item>
        ))
      }
    </OwnListScreen>
  );
}
