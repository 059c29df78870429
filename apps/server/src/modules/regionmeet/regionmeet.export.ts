import {
  rmAgendaKindLabel,
  rmAttendanceLabel,
  rmDecisionKindLabel,
  rmFollowupStatusLabel,
  rmGradeLabel,
  rmMeetingStateLabel,
  rmReportStateLabel,
  type RmLedgerExportQuery,
  type RmLedgerRow,
} from '@jiceng/contracts';
import { fenToYuan } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { MeetingService } from './regionmeet.meetings.ts';
import type { RatingService } from './regionmeet.ratings.ts';

export const LEDGER_SHEET = '双报告与双向评价台账';

const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);
const LEDGER_COLUMNS: ExportColumn<RmLedgerRow & { year: number }>[] = [
  { key: 'year', header: '年度', width: 8, value: (r) => r.year },
  { key: 'street', header: '街道（乡镇）', width: 20, value: (r) => r.streetName ?? '' },
  { key: 'community', header: '社区（村）', width: 24, value: (r) => r.communityName },
  { key: 'unit', header: '驻区单位', width: 28, value: (r) => r.unitName },
  { key: 'report', header: '双报告', width: 10, value: (r) => (r.reportState ? rmReportStateLabel[r.reportState] : '未生成') },
  { key: 'activities', header: '参加活动（次）', width: 12, value: (r) => n(r.figures?.activities) },
  { key: 'hours', header: '服务时长（小时）', width: 12, value: (r) => n(r.figures?.hours) },
  { key: 'projects', header: '参与项目（个）', width: 12, value: (r) => n(r.figures?.projects) },
  { key: 'funds', header: '投入资金（元）', width: 12, value: (r) => (r.figures ? Number(fenToYuan(r.figures.fundsFen)) : '') },
  { key: 'problems', header: '解决问题（个）', width: 12, value: (r) => n(r.figures?.problemsSolved) },
  { key: 'unitTotal', header: '社区评价单位得分', width: 14, value: (r) => n(r.ofUnit?.total) },
  { key: 'unitGrade', header: '社区评价等次', width: 12, value: (r) => (r.ofUnit ? rmGradeLabel[r.ofUnit.grade] : '未评价') },
  { key: 'communityTotal', header: '单位评价社区得分', width: 14, value: (r) => n(r.ofCommunity?.total) },
  { key: 'communityGrade', header: '单位评价等次', width: 12, value: (r) => (r.ofCommunity ? rmGradeLabel[r.ofCommunity.grade] : '未评价') },
];

/** The joint meeting's record (.docx, printable) and the ledger per unit and year (.xlsx). */
export function createRegionMeetExport(deps: { meetings: MeetingService; ratings: RatingService; clock: Clock }) {
  const { meetings, ratings, clock } = deps;
  return {
    async meetingDocx(actor: Actor, id: string): Promise<{ fileName: string; data: Buffer }> {
      const m = await meetings.get(actor, id);
      const data = await renderDocx({
        title: `${m.title}会议记录`,
        parts: [
          {
            title: `${m.orgName}大党委联席会议记录`,
            subtitle: m.title,
            blocks: [
              {
                kind: 'fields',
                columns: 4,
                rows: [
                  ['会议日期', m.heldOn],
                  ['会议地点', m.place],
                  ['主持人', m.host ?? ''],
                  ['状态', rmMeetingStateLabel[m.state]],
                ],
              },
              { kind: 'fields', rows: [['兼职委员', m.partTime.map((p) => `${p.personName}${p.unitName ? `（${p.unitName}）` : ''}`).join('、')]] },
              { kind: 'paragraph', text: '一、会议议程', bold: true },
              {
                kind: 'table',
                headers: ['序号', '类型', '议题', '说明'],
                rows: m.agenda.map((a) => [String(a.seq), rmAgendaKindLabel[a.kind], a.title, a.note ?? '']),
              },
              { kind: 'paragraph', text: '二、成员单位出席情况', bold: true },
              {
                kind: 'table',
                headers: ['成员单位', '出席情况', '参会人员', '备注'],
                rows: m.attendance.map((a) => [a.unitName, a.status ? rmAttendanceLabel[a.status] : '未登记', a.attendee ?? '', a.note ?? '']),
              },
              { kind: 'paragraph', text: '三、会议纪要', bold: true },
              { kind: 'paragraph', text: m.minutes ?? '（尚未提交会议纪要）', indent: true },
              { kind: 'paragraph', text: '四、会议决定', bold: true },
              {
                kind: 'table',
                headers: ['序号', '类型', '决定内容', '关联需求或项目'],
                rows: m.decisions.map((d) => [
                  String(d.seq),
                  rmDecisionKindLabel[d.kind],
                  d.text,
                  d.refTitle ? `${d.refTitle}（${d.refStateLabel ?? ''}）` : '',
                ]),
              },
              { kind: 'paragraph', text: '五、落实事项', bold: true },
              {
                kind: 'table',
                headers: ['落实事项', '责任方', '完成时限', '落实情况'],
                rows: m.followups.map((f) => [
                  f.title,
                  f.ownerName,
                  f.dueOn,
                  `${rmFollowupStatusLabel[f.status]}${f.doneOn ? ` ${f.doneOn}` : ''}${f.doneNote ? `\n${f.doneNote}` : ''}`,
                ]),
              },
              { kind: 'signature', lines: [m.orgName, `记录人：＿＿＿＿＿＿  ${m.heldOn}`] },
            ],
          },
        ],
      });
      return { fileName: `联席会议记录（${m.title}）.docx`, data };
    },

    async ledgerXlsx(actor: Actor, q: RmLedgerExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = await ratings.scopeName(actor, q.orgId);
      let year = q.year ?? 0;
      const rows = allPages(async (page, pageSize) => {
        const l = await ratings.ledger(actor, { ...q, page, pageSize });
        year = l.year;
        return { items: l.items.map((r) => ({ ...r, year: l.year })) };
      });
      const data = await exportWorkbook(LEDGER_SHEET, LEDGER_COLUMNS, rows);
      return { fileName: exportFileName(`双报告与双向评价台账（${year}年）`, whose, clock.today()), data };
    },
  };
}
export type RegionMeetExport = ReturnType<typeof createRegionMeetExport>;
