import type { ServiceRequest, ServiceRequestExportQuery } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { ServiceService } from './service.service.ts';

export const REQUESTS_SHEET = '群众诉求台账';

const time = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
const clock = (r: ServiceRequest) => {
  if (!r.clock) return '';
  const m = Math.abs(r.clock.minutesLeft);
  const span = m >= 1440 ? `${Math.floor(m / 1440)}天${Math.floor((m % 1440) / 60)}小时` : `${Math.floor(m / 60)}小时${m % 60}分`;
  return r.clock.status === 'overdue'
    ? `${r.clock.stageLabel}超时${span}`
    : r.clock.status === 'paused'
      ? `${r.clock.stageLabel}暂停`
      : `${r.clock.stageLabel}剩余${span}`;
};

const COLUMNS: ExportColumn<ServiceRequest>[] = [
  { key: 'code', header: '诉求编号', width: 14, value: (r) => r.code },
  { key: 'submittedAt', header: '提交时间', width: 17, value: (r) => time(r.submittedAt) },
  { key: 'kind', header: '诉求类型', width: 8, value: (r) => r.kindLabel },
  { key: 'category', header: '事项类别', width: 10, value: (r) => r.categoryName },
  { key: 'complexity', header: '办理类别', width: 8, value: (r) => r.complexityLabel },
  { key: 'description', header: '诉求内容', width: 40, value: (r) => r.description },
  { key: 'community', header: '所在社区（村）', width: 22, value: (r) => r.communityName },
  { key: 'grid', header: '网格', width: 22, value: (r) => r.gridName ?? '' },
  { key: 'place', header: '具体位置', width: 16, value: (r) => r.place ?? '' },
  { key: 'contact', header: '联系人', width: 8, value: (r) => (r.anonymous ? '匿名' : (r.contactName ?? '')) },
  { key: 'phone', header: '联系电话（脱敏）', width: 14, value: (r) => r.contactPhone ?? '' },
  { key: 'source', header: '来源', width: 10, value: (r) => r.sourceLabel },
  { key: 'state', header: '状态', width: 10, value: (r) => r.stateLabel },
  { key: 'level', header: '办理层级', width: 14, value: (r) => r.levelLabel },
  { key: 'assignee', header: '承办方', width: 22, value: (r) => (r.assignee ? `${r.assignee.typeLabel}：${r.assignee.name}` : '') },
  { key: 'clock', header: '时限', width: 16, value: clock },
  { key: 'resolvedAt', header: '办结时间', width: 17, value: (r) => time(r.resolvedAt) },
  { key: 'result', header: '办理结果', width: 30, value: (r) => r.result ?? '' },
  { key: 'rating', header: '评价', width: 10, value: (r) => r.ratingLabel ?? (r.autoClosed ? '超时未评价' : '') },
  { key: 'reopen', header: '重办次数', width: 8, value: (r) => r.reopenCount },
  { key: 'return', header: '退单次数', width: 8, value: (r) => r.returnCount },
];

/** The request ledger as .xlsx: the list's filters and scope, contacts masked. */
export function createServiceExport(deps: { service: ServiceService; clock: Clock }) {
  return async function exportRequests(actor: Actor, q: ServiceRequestExportQuery): Promise<{ fileName: string; data: Buffer }> {
    const rows = allPages((page, pageSize) => deps.service.list(actor, { ...q, page, pageSize }));
    return { fileName: exportFileName('群众诉求台账', actor.orgName, deps.clock.today()), data: await exportWorkbook(REQUESTS_SHEET, COLUMNS, rows) };
  };
}
