import { MeetingLedgerQuery, MeetingStats, MeetingStatsQuery, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { MeetingLedger } from './meeting.ledger.ts';
import type { MeetingStatsReader } from './meeting.stats.ts';

/** 组织生活台账 (.xlsx) and 会议统计 (table and .xlsx): reads of the account's subtree (404 outside). */
export function registerMeetingReportRoutes(app: App, ledger: MeetingLedger, stats: MeetingStatsReader): void {
  const config = { access: Permission.MEETING_READ };
  const tags = ['三会一课'];

  app.get(
    '/api/meetings/ledger',
    {
      config,
      schema: {
        tags,
        summary: '党支部年度组织生活台账（.xlsx：会议记录、年度汇总）',
        querystring: MeetingLedgerQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await ledger.ledgerXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'meeting-ledger.xlsx', file.data);
    },
  );

  app.get(
    '/api/meetings/stats',
    {
      config,
      schema: {
        tags,
        summary: '会议统计（按类型、月份和下级组织；按年度/季度或按起止日期，二选一）',
        querystring: MeetingStatsQuery,
        response: { 200: MeetingStats },
      },
    },
    (req) => stats.stats(actorOf(req), req.query),
  );

  app.get(
    '/api/meetings/stats/export',
    {
      config,
      schema: {
        tags,
        summary: '导出会议统计（.xlsx；按年度/季度或按起止日期，二选一）',
        querystring: MeetingStatsQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await stats.statsXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'meeting-stats.xlsx', file.data);
    },
  );
}
