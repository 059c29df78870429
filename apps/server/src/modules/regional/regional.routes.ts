import { Type } from '@sinclair/typebox';
import {
  ErrorResponse,
  IdParams,
  ImportResult,
  Page,
  Permission,
  RgBoard,
  RgBoardQuery,
  RgCategory,
  RgCategoryInput,
  RgClaimInput,
  RgMatches,
  RgNeed,
  RgNeedDetail,
  RgNeedEditInput,
  RgNeedInput,
  RgNeedQuery,
  RgReasonInput,
  RgResource,
  RgResourceEditInput,
  RgResourceInput,
  RgResourceQuery,
  RgStats,
  RgStatsQuery,
  RgUnitLedger,
  RgUnitQuery,
  RgUnitSummary,
  RgUnmaskQuery,
  RgWithdrawInput,
  RgYearQuery,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { RegionalExport } from './regional.export.ts';
import type { RegionalImport } from './regional.import.ts';
import type { NeedService } from './regional.needs.ts';
import type { RegionalReports } from './regional.reports.ts';
import type { ResourceService } from './regional.resources.ts';
import { registerProjectRoutes } from './regional.project-routes.ts';
import type { ProjectService } from './regional.projects.ts';

export interface RegionalRouteDeps {
  needs: NeedService;
  resources: ResourceService;
  projects: ProjectService;
  reports: RegionalReports;
  exporter: RegionalExport;
  importer: RegionalImport;
}

/**
 * 三张清单: thin routes over the services. Reads declare org:read (held by the community side and
 * by 驻区单位 accounts alike) and the services narrow it by role and scope; writes name the key of
 * the side that takes them (regional:record, regional:manage, regional:unit), and the services
 * check the record's scope again.
 */
export function registerRegionalRoutes(app: App, d: RegionalRouteDeps): void {
  const read = { access: Permission.ORG_READ };
  const side = { access: Permission.REGION_READ };
  const record = { access: Permission.REGION_RECORD };
  const manage = { access: Permission.REGION_MANAGE };
  const unit = { access: Permission.REGION_UNIT };
  const tags = ['区域化党建'];
  const params = IdParams;

  // ---------------------------------------------------------------- dictionary
  app.get('/api/regional/categories', { config: read, schema: { tags, summary: '需求、资源类别字典', response: { 200: Type.Array(RgCategory) } } }, () =>
    d.needs.categories(),
  );
  app.post(
    '/api/regional/categories',
    { config: manage, schema: { tags, summary: '新增或修改类别（区委组织部）', body: RgCategoryInput, response: { 200: Type.Array(RgCategory) } } },
    (req) => d.needs.saveCategory(actorOf(req), req.body),
  );

  // ---------------------------------------------------------------- needs
  app.get(
    '/api/regional/needs',
    {
      config: read,
      schema: { tags, summary: '需求清单（本组织及下级；驻区单位：报到社区的需求）', querystring: RgNeedQuery, response: { 200: Page(RgNeed) } },
    },
    (req) => d.needs.list(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/needs/export',
    {
      config: read,
      schema: { tags, summary: '导出需求清单（.xlsx，筛选同列表）', querystring: RgNeedQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await d.exporter.needs(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'needs.xlsx', f.data);
    },
  );
  app.get(
    '/api/regional/needs/board',
    { config: read, schema: { tags, summary: '待认领需求看板（按社区）', querystring: RgBoardQuery, response: { 200: RgBoard } } },
    (req) => d.needs.board(actorOf(req), req.query),
  );
  app.get('/api/regional/needs/:id', { config: read, schema: { tags, summary: '需求详情（流转记录）', params, response: { 200: RgNeedDetail } } }, (req) =>
    d.needs.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/regional/needs',
    { config: record, schema: { tags, summary: '登记需求（社区、村或网格）', body: RgNeedInput, response: { 201: RgNeedDetail } } },
    async (req, reply) => reply.status(201).send(await d.needs.create(actorOf(req), req.body)),
  );
  app.put(
    '/api/regional/needs/:id',
    { config: record, schema: { tags, summary: '修改需求（待认领时）', params, body: RgNeedEditInput, response: { 200: RgNeedDetail } } },
    (req) => d.needs.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/needs/:id/claim',
    { config: unit, schema: { tags, summary: '驻区单位认领需求（只有一家能认领成功）', params, body: RgClaimInput, response: { 200: RgNeedDetail } } },
    (req) => d.needs.claim(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/needs/:id/release',
    { config: read, schema: { tags, summary: '退回待认领（认领单位或社区，须填写原因）', params, body: RgReasonInput, response: { 200: RgNeedDetail } } },
    (req) => d.needs.release(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/needs/:id/close',
    { config: manage, schema: { tags, summary: '关闭需求（须填写原因）', params, body: RgReasonInput, response: { 200: RgNeedDetail } } },
    (req) => d.needs.close(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/regional/needs/:id/matches',
    { config: side, schema: { tags, summary: '资源匹配：可对接该需求的资源及理由', params, response: { 200: RgMatches } } },
    (req) => d.needs.matches(actorOf(req), req.params.id),
  );

  // ---------------------------------------------------------------- resources
  app.get(
    '/api/regional/resources',
    { config: read, schema: { tags, summary: '资源清单（驻区单位：本单位的）', querystring: RgResourceQuery, response: { 200: Page(RgResource) } } },
    (req) => d.resources.list(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/resources/export',
    {
      config: read,
      schema: { tags, summary: '导出资源清单（.xlsx，电话隐去部分）', querystring: RgResourceQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await d.exporter.resources(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'resources.xlsx', f.data);
    },
  );
  app.get(
    '/api/regional/resources/:id',
    {
      config: read,
      schema: { tags, summary: '资源详情（unmask=true 显示完整电话并记入审计）', params, querystring: RgUnmaskQuery, response: { 200: RgResource } },
    },
    (req) => d.resources.get(actorOf(req), req.params.id, req.query.unmask === true),
  );
  app.post(
    '/api/regional/resources',
    { config: read, schema: { tags, summary: '登记资源（驻区单位自行登记，或社区代为登记）', body: RgResourceInput, response: { 201: RgResource } } },
    async (req, reply) => reply.status(201).send(await d.resources.create(actorOf(req), req.body)),
  );
  app.put(
    '/api/regional/resources/:id',
    { config: read, schema: { tags, summary: '修改资源', params, body: RgResourceEditInput, response: { 200: RgResource } } },
    (req) => d.resources.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/resources/:id/withdraw',
    { config: read, schema: { tags, summary: '撤回资源（不再提供）', params, body: RgWithdrawInput, response: { 200: RgResource } } },
    (req) => d.resources.withdraw(actorOf(req), req.params.id, req.body),
  );

  registerProjectRoutes(app, d.projects, d.exporter);

  // ---------------------------------------------------------------- units and figures
  app.get(
    '/api/regional/units',
    {
      config: read,
      schema: { tags, summary: '驻区单位及参与情况（驻区单位：本单位）', querystring: RgUnitQuery, response: { 200: Type.Array(RgUnitSummary) } },
    },
    (req) => d.reports.units(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/units/:id/ledger',
    {
      config: read,
      schema: { tags, summary: '驻区单位年度台账（提供、认领、参与的项目和活动）', params, querystring: RgYearQuery, response: { 200: RgUnitLedger } },
    },
    (req) => d.reports.ledger(actorOf(req), req.params.id, req.query.year),
  );
  app.get(
    '/api/regional/stats',
    {
      config: side,
      schema: { tags, summary: '区域化党建统计（需求满足、按期、项目、单位、时长、资金、解决问题）', querystring: RgStatsQuery, response: { 200: RgStats } },
    },
    (req) => d.reports.stats(actorOf(req), req.query),
  );

  // ---------------------------------------------------------------- import
  app.get(
    '/api/regional/projects/import/template',
    { config: manage, schema: { tags, summary: '下载项目导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '区域化党建项目导入模板.xlsx', 'regional-import-template.xlsx', await d.importer.template()),
  );
  app.post(
    '/api/regional/projects/import',
    {
      config: manage,
      schema: {
        tags,
        summary: '导入已对接的项目（逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => d.importer.run(actorOf(req), await uploadedFile(req)),
  );
  app.post(
    '/api/regional/projects/import/error-report',
    {
      config: manage,
      schema: {
        tags,
        summary: '项目导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, '区域化党建项目导入错误报告.xlsx', 'regional-import-errors.xlsx', await d.importer.errorReport(actorOf(req), await uploadedFile(req))),
  );
}
