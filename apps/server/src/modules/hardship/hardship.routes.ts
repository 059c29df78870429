import { Type } from '@sinclair/typebox';
import { Hardship, HardshipCadre, HardshipCadreAssign, HardshipCadreInput, HardshipCadreQuery, HardshipCloseInput, HardshipExportQuery, HardshipInput, HardshipListQuery, HardshipSummary, HardshipVisit, HardshipVisitInput, IdParams, Page, Permission, UnmaskQuery } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { HardshipExport } from './hardship.export.ts';
import type { HardshipService } from './hardship.service.ts';

/** 困难党员帮扶: thin routes over the hardship service. */
export function registerHardshipRoutes(app: App, hardship: HardshipService, exporter: HardshipExport): void {
  const read = { access: Permission.MEMBER_READ };
  const write = { access: Permission.MEMBER_WRITE };
  const tags = ['困难党员帮扶'];

  app.get('/api/hardship', { config: read, schema: { tags, summary: '困难党员列表（本组织及下级，可筛选；不含困难情况）', querystring: HardshipListQuery, response: { 200: Page(HardshipSummary) } } },
    (req) => hardship.list(actorOf(req), req.query));

  app.get('/api/hardship/export', { config: read, schema: { tags, summary: '导出困难党员帮扶列表（.xlsx，筛选同列表；不含困难情况）', querystring: HardshipExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'hardship.xlsx', file.data);
    });

  app.post('/api/hardship', { config: write, schema: { tags, summary: '登记困难党员', body: HardshipInput, response: { 201: Hardship } } },
    async (req, reply) => reply.status(201).send(await hardship.create(actorOf(req), req.body)));

  app.get('/api/hardship/cadres', { config: read, schema: { tags, summary: '帮扶干部（含当前帮扶人数）', querystring: HardshipCadreQuery, response: { 200: Type.Array(HardshipCadre) } } },
    (req) => hardship.cadres(actorOf(req), req.query.q));

  app.post('/api/hardship/cadres', { config: write, schema: { tags, summary: '登记帮扶干部', body: HardshipCadreInput, response: { 201: HardshipCadre } } },
    async (req, reply) => reply.status(201).send(await hardship.createCadre(actorOf(req), req.body)));

  app.get('/api/hardship/:id', { config: read, schema: { tags, summary: '困难帮扶详情（unmask=true 显示困难情况原文并记入审计）', params: IdParams, querystring: UnmaskQuery, response: { 200: Hardship } } },
    (req) => hardship.get(actorOf(req), req.params.id, req.query.unmask ?? false));

  app.post('/api/hardship/:id/close', { config: write, schema: { tags, summary: '结束帮扶', params: IdParams, body: HardshipCloseInput, response: { 200: Hardship } } },
    (req) => hardship.close(actorOf(req), req.params.id, req.body));

  app.put('/api/hardship/:id/cadre', { config: write, schema: { tags, summary: '指定或解除帮扶干部（每名干部帮扶 1–3 名）', params: IdParams, body: HardshipCadreAssign, response: { 200: Hardship } } },
    (req) => hardship.assignCadre(actorOf(req), req.params.id, req.body.cadreId));

  app.get('/api/hardship/:id/visits', { config: read, schema: { tags, summary: '走访慰问记录', params: IdParams, response: { 200: Type.Array(HardshipVisit) } } },
    (req) => hardship.visits(actorOf(req), req.params.id));

  app.post('/api/hardship/:id/visits', { config: write, schema: { tags, summary: '登记走访慰问', params: IdParams, body: HardshipVisitInput, response: { 201: HardshipVisit } } },
    async (req, reply) => reply.status(201).send(await hardship.addVisit(actorOf(req), req.params.id, req.body)));
}
