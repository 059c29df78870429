import {
  trainingRoleLabel,
  type TrainingHours,
  type TrainingHoursExportQuery,
  type TrainingRole,
  type TrainingSession,
  type TrainingSessionExportQuery,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import { kindLabel } from './training.presenter.ts';
import type { TrainingService } from './training.service.ts';

export const LEDGER_SHEET = '培训台账';
export const HOURS_SHEET = '培训学时';

const LEDGER_COLUMNS: ExportColumn<TrainingSession>[] = [
  { key: 'title', header: '培训名称', width: 32, value: (r) => r.title },
  { key: 'kind', header: '培训类型', width: 10, value: (r) => kindLabel(r.kind) },
  { key: 'org', header: '主办组织', width: 28, value: (r) => r.orgName },
  { key: 'startDate', header: '开始日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.startDate) },
  { key: 'endDate', header: '结束日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.endDate) },
  { key: 'hours', header: '学时', width: 8, value: (r) => r.hours },
  { key: 'mode', header: '举办方式', width: 8, value: (r) => (r.online ? '线上' : '线下') },
  { key: 'place', header: '培训地点', width: 20, value: (r) => r.place ?? '' },
  { key: 'provider', header: '举办单位或学习平台', width: 20, value: (r) => r.provider ?? '' },
  { key: 'attendees', header: '参训人次', width: 10, value: (r) => r.attendees },
  { key: 'absentees', header: '缺席人数', width: 10, value: (r) => r.absentees },
];

const HOURS_COLUMNS: ExportColumn<TrainingHours>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.name },
  { key: 'org', header: '所在党支部', width: 28, value: (r) => r.orgName },
  { key: 'role', header: '人员类别', width: 10, value: (r) => trainingRoleLabel[r.role as TrainingRole] ?? r.role },
  { key: 'posts', header: '班子职务', width: 12, value: (r) => r.posts.join('、') },
  { key: 'joinedDate', header: '入党日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.joinedDate) },
  { key: 'sessions', header: '参训次数', width: 10, value: (r) => r.sessions },
  { key: 'trainingHours', header: '培训学时', width: 10, value: (r) => r.trainingHours },
  { key: 'lectureHours', header: '党课折算学时', width: 12, value: (r) => r.lectureHours },
  { key: 'totalHours', header: '合计学时', width: 10, value: (r) => r.totalHours },
  { key: 'required', header: '应达学时', width: 10, value: (r) => r.required },
  { key: 'shortfall', header: '差额学时', width: 10, value: (r) => r.shortfall },
  { key: 'met', header: '是否达标', width: 10, value: (r) => (r.met ? '达标' : '未达标') },
];

/** Excel exports of the training ledger and of the hours list: the lists' own filters and scope. */
export function createTrainingExport(deps: { service: TrainingService; clock: Clock }) {
  const { service, clock } = deps;
  return {
    async ledger(actor: Actor, q: TrainingSessionExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = (await service.scopeOf(actor, q.orgId)).name;
      const rows = allPages((page, pageSize) => service.list(actor, { ...q, page, pageSize }));
      const what = q.year ? `培训台账（${q.year}年）` : '培训台账';
      return { fileName: exportFileName(what, whose, clock.today()), data: await exportWorkbook(LEDGER_SHEET, LEDGER_COLUMNS, rows) };
    },
    async hours(actor: Actor, q: TrainingHoursExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = (await service.scopeOf(actor, q.orgId)).name;
      const { items } = await service.hours(actor, q, null);
      const year = q.year ?? Number(clock.today().slice(0, 4));
      return { fileName: exportFileName(`培训学时（${year}年）`, whose, clock.today()), data: await exportWorkbook(HOURS_SHEET, HOURS_COLUMNS, items) };
    },
  };
}
export type TrainingExport = ReturnType<typeof createTrainingExport>;
