import {
  dispositionKindLabel,
  dispositionStatusLabel,
  type Disposition,
  type DispositionKind,
  type DispositionListQuery,
  type DispositionStatus,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { OrgService } from '../org/index.ts';
import type { AppraisalService } from './appraisal.service.ts';

export const DISPOSITION_EXPORT_SHEET = '组织处置';

const COLUMNS: ExportColumn<Disposition>[] = [
  { key: 'name', header: '姓名', width: 10, value: (d) => d.memberName },
  { key: 'org', header: '所在党支部', width: 28, value: (d) => d.orgName },
  { key: 'year', header: '评议年度', width: 10, value: (d) => d.year },
  { key: 'kind', header: '处置方式', width: 12, value: (d) => dispositionKindLabel[d.kind as DispositionKind] ?? d.kind },
  { key: 'startDate', header: '开始日期', width: 12, numFmt: 'yyyy-mm-dd', value: (d) => excelDate(d.startDate) },
  { key: 'deadline', header: '整改期限', width: 12, numFmt: 'yyyy-mm-dd', value: (d) => excelDate(d.deadline) },
  { key: 'daysLeft', header: '剩余天数（负数为已逾期）', width: 14, value: (d) => d.daysLeft },
  { key: 'status', header: '状态', width: 10, value: (d) => dispositionStatusLabel[d.status as DispositionStatus] ?? d.status },
  { key: 'result', header: '处置结果', width: 24, value: (d) => d.result },
  { key: 'completedDate', header: '完成日期', width: 12, numFmt: 'yyyy-mm-dd', value: (d) => excelDate(d.completedDate) },
];

/** Excel export of the 组织处置 list: the list's rows (its filters and scope). */
export function createDispositionExport(deps: { service: Pick<AppraisalService, 'dispositions'>; orgs: Pick<OrgService, 'resolveInScope'>; clock: Clock }) {
  return {
    async exportXlsx(actor: Actor, q: DispositionListQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = q.orgId ? (await deps.orgs.resolveInScope(actor, q.orgId)).name : actor.orgName;
      const rows = await deps.service.dispositions(actor, q);
      return { fileName: exportFileName('组织处置', whose, deps.clock.today()), data: await exportWorkbook(DISPOSITION_EXPORT_SHEET, COLUMNS, rows) };
    },
  };
}
export type DispositionExport = ReturnType<typeof createDispositionExport>;
