import { orgTypeLabel, termStatusLabel, type OrgType, type TermProblem, type TermProblemExportQuery, type TermStatus } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { OrgService } from './org.service.ts';

export const TERM_EXPORT_SHEET = '换届预警';

const COLUMNS: ExportColumn<TermProblem>[] = [
  { key: 'org', header: '组织名称', width: 32, value: (p) => p.orgName },
  { key: 'type', header: '类别', width: 14, value: (p) => orgTypeLabel[p.orgType as OrgType] ?? p.orgType },
  { key: 'parent', header: '上级组织', width: 32, value: (p) => p.parentName },
  { key: 'termNo', header: '当前届次', width: 10, value: (p) => (p.termNo ? `第${p.termNo}届` : null) },
  { key: 'termEnd', header: '任期届满日期', width: 14, numFmt: 'yyyy-mm-dd', value: (p) => excelDate(p.termEndDate) },
  { key: 'daysLeft', header: '剩余天数（负数为已逾期）', width: 14, value: (p) => p.daysLeft },
  { key: 'status', header: '状态', width: 12, value: (p) => termStatusLabel[p.status as TermStatus] ?? p.status },
];

/** Excel export of the 换届预警 list: the page's rows (the actor's scope), most pressing first. */
export function createTermProblemExport(deps: { service: Pick<OrgService, 'termProblems'>; clock: Clock }) {
  return {
    async exportXlsx(actor: Actor, q: TermProblemExportQuery): Promise<{ fileName: string; data: Buffer }> {
      // termProblems answers in the page's order (most pressing first)
      const rows = (await deps.service.termProblems(actor)).filter((p) => !q.status || p.status === q.status);
      const what = q.status ? `换届预警（${termStatusLabel[q.status]}）` : '换届预警';
      return { fileName: exportFileName(what, actor.orgName, deps.clock.today()), data: await exportWorkbook(TERM_EXPORT_SHEET, COLUMNS, rows) };
    },
  };
}
export type TermProblemExport = ReturnType<typeof createTermProblemExport>;
