import {
  genderLabel,
  hardshipTypeLabel,
  visitStatusLabel,
  type Gender,
  type HardshipExportQuery,
  type HardshipSummary,
  type HardshipType,
  type VisitStatus,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { OrgService } from '../org/index.ts';
import type { HardshipService } from './hardship.service.ts';

export const HARDSHIP_EXPORT_SHEET = '困难党员帮扶';

const COLUMNS: ExportColumn<HardshipSummary>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.memberName },
  { key: 'gender', header: '性别', width: 6, value: (r) => genderLabel[r.gender as Gender] ?? r.gender },
  { key: 'org', header: '所在党支部', width: 28, value: (r) => r.orgName },
  { key: 'type', header: '困难类型', width: 12, value: (r) => hardshipTypeLabel[r.type as HardshipType] ?? r.type },
  { key: 'startDate', header: '开始帮扶日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.startDate) },
  { key: 'closedDate', header: '结束帮扶日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.closedDate) },
  { key: 'cadre', header: '帮扶干部', width: 10, value: (r) => r.cadreName },
  { key: 'visitStatus', header: '走访情况', width: 14, value: (r) => visitStatusLabel[r.visitStatus as VisitStatus] ?? r.visitStatus },
  { key: 'lastVisitDate', header: '最近走访日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.lastVisitDate) },
  { key: 'visitCount', header: '走访次数', width: 8, value: (r) => r.visitCount },
  { key: 'subsidyTotal', header: '慰问金合计（元）', width: 14, value: (r) => Number(r.subsidyTotal) },
];

/**
 * Excel export of the hardship list: the same filters and scope, without the hardship details
 * (the list never holds them: they are read one record at a time, audited).
 */
export function createHardshipExport(deps: { service: Pick<HardshipService, 'list'>; orgs: Pick<OrgService, 'resolveInScope'>; clock: Clock }) {
  return {
    async exportXlsx(actor: Actor, q: HardshipExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = q.orgId ? (await deps.orgs.resolveInScope(actor, q.orgId)).name : actor.orgName;
      const rows = allPages((page, pageSize) => deps.service.list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('困难党员帮扶', whose, deps.clock.today()), data: await exportWorkbook(HARDSHIP_EXPORT_SHEET, COLUMNS, rows) };
    },
  };
}
export type HardshipExport = ReturnType<typeof createHardshipExport>;
