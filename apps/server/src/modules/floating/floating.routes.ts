import { Type } from '@sinclair/typebox';
import { FloatingArrivalInput, FloatingDestination, FloatingDestinationQuery, FloatingExportQuery, FloatingGetQuery, FloatingInput, FloatingListQuery, FloatingRecord, FloatingStepInput, FloatingUpdate, IdParams, Page, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { FloatingExport } from './floating.export.ts';
import type { FloatingService } from './floating.service.ts';

/** 流动党员: thin routes over the floating service. */
export function registerFloatingRoutes(app: App, floating: FloatingService, exporter: FloatingExport): void {
  const read = { access: Permission.MEMBER_READ };
  const write = { access: Permission.MEMBER_WRITE };
  const tags = ['流动党员'];

  app.get('/api/floating', { config: read, schema: { tags, summary: '流动党员登记列表（direction=out 流出，in 流入）', querystring: FloatingListQuery, response: { 200: Page(FloatingRecord) } } },
    (req) => floating.list(actorOf(req), req.query));

  app.get('/api/floating/export', { config: read, schema: { tags, summary: '导出流动党员登记（.xlsx，筛选同列表，身份证号、电话脱敏）', querystring: FloatingExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const file = await exporter.floatingXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'floating.xlsx', file.data);
    });

  app.get('/api/floating/destinations', { config: write, schema: { tags, summary: '可选的流入地党组织（全平台党支部）', querystring: FloatingDestinationQuery, response: { 200: Type.Array(FloatingDestination) } } },
    (req) => floating.destinations(req.query.q));

  app.get('/api/floating/:id', { config: read, schema: { tags, summary: '流动党员登记详情（unmask=true 显示完整联系电话并记入审计）', params: IdParams, querystring: FloatingGetQuery, response: { 200: FloatingRecord } } },
    (req) => floating.get(actorOf(req), req.params.id, req.query.unmask ?? false));

  app.post('/api/floating', { config: write, schema: { tags, summary: '流出登记', body: FloatingInput, response: { 201: FloatingRecord } } },
    async (req, reply) => reply.status(201).send(await floating.create(actorOf(req), req.body)));

  app.patch('/api/floating/:id', { config: write, schema: { tags, summary: '修改流出登记（变更流入地需重新登记）', params: IdParams, body: FloatingUpdate, response: { 200: FloatingRecord } } },
    (req) => floating.update(actorOf(req), req.params.id, req.body));

  app.post('/api/floating/:id/arrival', { config: write, schema: { tags, summary: '流入地登记（凡进必登）', params: IdParams, body: FloatingArrivalInput, response: { 200: FloatingRecord } } },
    (req) => floating.registerArrival(actorOf(req), req.params.id, req.body));

  app.post('/api/floating/:id/verify', { config: write, schema: { tags, summary: '流出地核实（凡登必核）', params: IdParams, body: FloatingStepInput, response: { 200: FloatingRecord } } },
    (req) => floating.verify(actorOf(req), req.params.id, req.body));

  app.post('/api/floating/:id/return', { config: write, schema: { tags, summary: '结束流动（返回或已转接组织关系）', params: IdParams, body: FloatingStepInput, response: { 200: FloatingRecord } } },
    (req) => floating.close(actorOf(req), req.params.id, req.body));
}
