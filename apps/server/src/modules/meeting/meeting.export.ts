import type { Meeting, MeetingExportQuery } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelChinaTime, excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { MeetingService } from './meeting.service.ts';

export const MEETING_EXPORT_SHEET = '会议台账';

const COLUMNS: ExportColumn<Meeting>[] = [
  { key: 'org', header: '党组织', width: 28, value: (m) => m.orgName },
  { key: 'type', header: '会议类型', width: 12, value: (m) => m.typeLabel },
  { key: 'title', header: '会议名称', width: 28, value: (m) => m.title },
  { key: 'date', header: '会议日期', width: 12, numFmt: 'yyyy-mm-dd', value: (m) => excelDate(m.date) },
  { key: 'time', header: '时间', width: 12, value: (m) => `${m.startTime}—${m.endTime}` },
  { key: 'place', header: '地点', width: 20, value: (m) => (m.online ? '线上' : m.place) },
  { key: 'state', header: '状态', width: 12, value: (m) => m.stateLabel },
  { key: 'host', header: '主持人', width: 10, value: (m) => m.hostName },
  { key: 'recorder', header: '记录人', width: 10, value: (m) => m.recorderName },
  { key: 'expected', header: '应到', width: 6, value: (m) => m.counts.expected },
  { key: 'present', header: '实到', width: 6, value: (m) => m.counts.present },
  { key: 'leave', header: '请假', width: 6, value: (m) => m.counts.leave },
  { key: 'absent', header: '缺席', width: 6, value: (m) => m.counts.absent },
  { key: 'guests', header: '列席', width: 6, value: (m) => m.counts.guests },
  { key: 'topics', header: '议题', width: 36, value: (m) => m.topics },
  { key: 'score', header: '审核得分', width: 8, value: (m) => m.reviewScore },
  { key: 'recordDue', header: '记录提交期限', width: 12, numFmt: 'yyyy-mm-dd', value: (m) => excelDate(m.recordDue) },
  { key: 'overdue', header: '是否逾期', width: 8, value: (m) => (m.overdue ? '是' : '否') },
  { key: 'createdBy', header: '登记人', width: 10, value: (m) => m.createdByName },
  { key: 'createdAt', header: '登记时间（北京时间）', width: 20, numFmt: 'yyyy-mm-dd hh:mm', value: (m) => excelChinaTime(m.createdAt) },
];

/** The meeting ledger (会议台账) of the scope as .xlsx: the list's filters, its pages, Chinese headers. */
export function createMeetingExport(deps: { service: Pick<MeetingService, 'list'>; clock: Clock }) {
  return {
    async exportXlsx(actor: Actor, q: MeetingExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => deps.service.list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('会议台账', actor.orgName, deps.clock.today()), data: await exportWorkbook(MEETING_EXPORT_SHEET, COLUMNS, rows) };
    },
  };
}
export type MeetingExport = ReturnType<typeof createMeetingExport>;
