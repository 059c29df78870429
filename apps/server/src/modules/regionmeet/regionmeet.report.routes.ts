import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  IdParams,
  Permission,
  RmAssembleInput,
  RmAssembleResult,
  RmLedger,
  RmLedgerExportQuery,
  RmLedgerQuery,
  RmOwnReportQuery,
  RmRatingInput,
  RmRatingPair,
  RmReport,
  RmReportDetail,
  RmReportPage,
  RmReportQuery,
  RmRespondInput,
  RmUnitParams,
  RmUnitRatingInput,
  RmUnitYearQuery,
  RmYearQuery,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { RegionMeetExport } from './regionmeet.export.ts';
import type { RatingService } from './regionmeet.ratings.ts';
import type { ReportService } from './regionmeet.reports.ts';

/** 双报告, 双向评价 and the ledger: the community side, a 驻区单位 account's side, a 党员's own reports. */
export function registerReportRoutes(app: App, reports: ReportService, ratings: RatingService, exporter: RegionMeetExport): void {
  const read = { access: Permission.REGION_READ };
  const manage = { access: Permission.REGION_MANAGE };
  const unit = { access: Permission.REGION_UNIT };
  const self = { access: Permission.MEMBER_SELF };
  const tags = ['双报告与双向评价'];
  const params = IdParams;
  const v = (req: FastifyRequest, body: { version?: number }) => expectedVersion(req, body.version) ?? undefined;

  // ---------------------------------------------------------------- the community side

  app.get(
    '/api/regional/reports',
    {
      config: read,
      schema: { tags, summary: '双报告列表（本组织及下级社区的驻区单位和在职党员，按年度）', querystring: RmReportQuery, response: { 200: RmReportPage } },
    },
    (req) => reports.list(actorOf(req), req.query),
  );
  app.post(
    '/api/regional/reports/assemble',
    {
      config: manage,
      schema: {
        tags,
        summary: '按记录生成某年度双报告（已生成的不重复生成，待确认的按最新记录更新）',
        body: RmAssembleInput,
        response: { 200: RmAssembleResult },
      },
    },
    (req) => reports.assemble(actorOf(req), req.body),
  );
  app.get(
    '/api/regional/reports/:id',
    { config: read, schema: { tags, summary: '双报告详情（各项数据、参与项目、确认记录）', params, response: { 200: RmReportDetail } } },
    async (req, reply) => versioned(reply, await reports.get(actorOf(req), req.params.id)),
  );
  app.get(
    '/api/regional/ratings/:unitId',
    {
      config: read,
      schema: {
        tags,
        summary: '一个驻区单位某年度的双向评价（社区评单位、单位评社区）',
        params: RmUnitParams,
        querystring: RmYearQuery,
        response: { 200: RmRatingPair },
      },
    },
    (req) => ratings.pair(actorOf(req), req.params.unitId, req.query.year),
  );
  app.put(
    '/api/regional/ratings/:unitId',
    {
      config: manage,
      schema: { tags, summary: '社区评价驻区单位（按评价标准逐项打分）', params: RmUnitParams, body: RmRatingInput, response: { 200: RmRatingPair } },
    },
    (req) => ratings.rateUnit(actorOf(req), req.params.unitId, { ...req.body, version: v(req, req.body) }),
  );
  app.get(
    '/api/regional/ledger',
    { config: read, schema: { tags, summary: '双报告与双向评价台账（每个驻区单位每年一行）', querystring: RmLedgerQuery, response: { 200: RmLedger } } },
    (req) => ratings.ledger(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/ledger/export',
    {
      config: read,
      schema: { tags, summary: '导出双报告与双向评价台账（.xlsx）', querystring: RmLedgerExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await exporter.ledgerXlsx(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'regional-ledger.xlsx', f.data);
    },
  );

  // ---------------------------------------------------------------- a 驻区单位 account

  app.get(
    '/api/regional/unit/reports',
    { config: unit, schema: { tags, summary: '本单位的双报告', querystring: RmOwnReportQuery, response: { 200: Type.Array(RmReport) } } },
    (req) => reports.unitReports(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/unit/reports/:id',
    { config: unit, schema: { tags, summary: '本单位的一份双报告', params, response: { 200: RmReportDetail } } },
    async (req, reply) => versioned(reply, await reports.get(actorOf(req), req.params.id)),
  );
  app.post(
    '/api/regional/unit/reports/:id/respond',
    { config: unit, schema: { tags, summary: '确认本单位双报告，或说明更正', params, body: RmRespondInput, response: { 200: RmReportDetail } } },
    async (req, reply) => versioned(reply, await reports.respond(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
  app.get(
    '/api/regional/unit/ratings',
    { config: unit, schema: { tags, summary: '本单位某年度的双向评价', querystring: RmUnitYearQuery, response: { 200: RmRatingPair } } },
    (req) => ratings.unitPair(actorOf(req), req.query),
  );
  app.put(
    '/api/regional/unit/ratings',
    { config: unit, schema: { tags, summary: '驻区单位评价所在社区（按评价标准逐项打分）', body: RmUnitRatingInput, response: { 200: RmRatingPair } } },
    (req) => ratings.rateCommunity(actorOf(req), { ...req.body, version: v(req, req.body) }),
  );

  // ---------------------------------------------------------------- a 党员's own

  app.get(
    '/api/regional/my/reports',
    { config: self, schema: { tags, summary: '本人的双报告（在职党员到社区报到后）', querystring: RmOwnReportQuery, response: { 200: Type.Array(RmReport) } } },
    (req) => reports.memberReports(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/my/reports/:id',
    { config: self, schema: { tags, summary: '本人的一份双报告', params, response: { 200: RmReportDetail } } },
    async (req, reply) => versioned(reply, await reports.get(actorOf(req), req.params.id)),
  );
  app.post(
    '/api/regional/my/reports/:id/respond',
    { config: self, schema: { tags, summary: '确认本人双报告，或说明更正', params, body: RmRespondInput, response: { 200: RmReportDetail } } },
    async (req, reply) => versioned(reply, await reports.respond(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
}
