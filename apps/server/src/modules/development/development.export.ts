import { DEV_STAGES, devStageLabel, type ApplicantQuery, type ApplicantSummary, type DevYearQuery, type DevYearReport } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { DevelopmentReports } from './development.reports.ts';
import type { DevelopmentService } from './development.service.ts';

const APPLICANT_COLUMNS: ExportColumn<ApplicantSummary>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.name },
  { key: 'gender', header: '性别', width: 6, value: (r) => r.gender },
  { key: 'org', header: '党支部', width: 28, value: (r) => r.orgName },
  { key: 'state', header: '阶段', width: 14, value: (r) => r.stateLabel },
  { key: 'appliedOn', header: '递交申请日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.appliedOn) },
  { key: 'lastStep', header: '最近步骤', width: 30, value: (r) => r.lastStep ?? '' },
  { key: 'nextDue', header: '下一时限', width: 30, value: (r) => (r.nextDue ? `第${r.nextDue.no}步「${r.nextDue.label}」` : '') },
  { key: 'dueOn', header: '时限日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => (r.nextDue ? excelDate(r.nextDue.dueOn) : null) },
  { key: 'late', header: '是否逾期', width: 8, value: (r) => (r.nextDue?.status === 'overdue' ? '已逾期' : '') },
  { key: 'stuck', header: '说明', width: 40, value: (r) => r.stuck ?? '' },
];

type YearRow = DevYearReport['rows'][number];
const STAGES = DEV_STAGES.filter((s) => s !== 'full');
const YEAR_COLUMNS: ExportColumn<YearRow>[] = [
  { key: 'org', header: '组织', width: 30, value: (r) => r.orgName },
  { key: 'quota', header: '计划发展', width: 10, value: (r) => r.quota },
  { key: 'developed', header: '已发展', width: 10, value: (r) => r.developed },
  { key: 'rate', header: '完成率', width: 10, value: (r) => (r.quota ? `${Math.round((r.developed / r.quota) * 1000) / 10}%` : '') },
  { key: 'confirmed', header: '转正', width: 8, value: (r) => r.confirmed },
  { key: 'extended', header: '延长预备期', width: 12, value: (r) => r.extended },
  { key: 'cancelled', header: '取消预备党员资格', width: 16, value: (r) => r.cancelled },
  ...STAGES.map((s) => ({ key: `p_${s}`, header: `现有${devStageLabel[s]}`, width: 14, value: (r: YearRow) => r.pipeline[s] ?? 0 })),
];

/** Excel exports of the applicants list (its filters and scope) and of the year's plan vs actual. */
export function createDevelopmentExport(deps: { service: DevelopmentService; reports: DevelopmentReports; clock: Clock }) {
  const { service, reports, clock } = deps;
  return {
    async applicants(actor: Actor, q: ApplicantQuery): Promise<{ fileName: string; data: Buffer }> {
      const board = await reports.board(actor, q.orgId);
      const rows = allPages((page, pageSize) => service.list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('发展党员台账', board.orgName, clock.today()), data: await exportWorkbook('发展党员台账', APPLICANT_COLUMNS, rows) };
    },
    async year(actor: Actor, q: DevYearQuery): Promise<{ fileName: string; data: Buffer }> {
      const r = await reports.year(actor, q);
      return {
        fileName: exportFileName(`发展党员统计（${q.year}年）`, r.orgName, clock.today()),
        data: await exportWorkbook('发展计划与完成', YEAR_COLUMNS, [...r.rows, r.total]),
      };
    },
  };
}
export type DevelopmentExport = ReturnType<typeof createDevelopmentExport>;
