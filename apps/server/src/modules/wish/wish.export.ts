import { wishStateLabel, type Wish, type WishExportQuery } from '@jiceng/contracts';
import { fenToYuan } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import { chinaDay } from './wish.core.ts';
import type { WishService } from './wish.service.ts';

export const WISH_SHEET = '微心愿台账';

const day = (ts: string | null) => (ts ? chinaDay(ts) : '');

const COLUMNS: ExportColumn<Wish>[] = [
  { key: 'title', header: '心愿内容', width: 28, value: (r) => r.title },
  { key: 'beneficiary', header: '为谁实现', width: 18, value: (r) => r.beneficiary },
  { key: 'value', header: '价值（元）', width: 10, value: (r) => Number(fenToYuan(r.valueFen)) },
  { key: 'org', header: '所属社区', width: 26, value: (r) => r.orgName },
  { key: 'poster', header: '发布方', width: 8, value: (r) => (r.posterKind === 'resident' ? '群众' : '社区') },
  { key: 'state', header: '状态', width: 14, value: (r) => wishStateLabel[r.state] },
  { key: 'claimer', header: '认领党员', width: 10, value: (r) => r.claimerName ?? '' },
  { key: 'claimedAt', header: '认领日期', width: 12, value: (r) => day(r.claimedAt) },
  { key: 'fulfilledAt', header: '完成日期', width: 12, value: (r) => day(r.fulfilledAt) },
  { key: 'confirmedAt', header: '确认日期', width: 12, value: (r) => day(r.confirmedAt) },
  { key: 'overdue', header: '逾期未完成', width: 10, value: (r) => (r.overdue ? '是' : '') },
  { key: 'note', header: '完成情况', width: 24, value: (r) => r.fulfilNote ?? '' },
  { key: 'reason', header: '原因', width: 20, value: (r) => r.lastReason ?? '' },
  { key: 'createdAt', header: '发布日期', width: 12, value: (r) => day(r.createdAt) },
];

/** The wish ledger as .xlsx: the list's own filters and scope (no phone numbers). */
export function createWishExport(deps: { service: WishService; clock: Clock }) {
  const { service, clock } = deps;
  return {
    async ledger(actor: Actor, q: WishExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = (await service.scopeOf(actor, q.orgId)).name;
      const rows = allPages((page, pageSize) => service.list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('微心愿台账', whose, clock.today()), data: await exportWorkbook(WISH_SHEET, COLUMNS, rows) };
    },
  };
}
export type WishExport = ReturnType<typeof createWishExport>;
