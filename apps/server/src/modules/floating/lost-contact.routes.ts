import { ContactAttemptInput, FloatingStepInput, IdParams, LostContactDetail, LostContactExportQuery, LostContactInput, LostContactListQuery, LostContactRecord, LostContactUpdate, Page, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { FloatingExport } from './floating.export.ts';
import type { LostContactService } from './lost-contact.service.ts';

/** 失联党员: thin routes over the lost-contact service. */
export function registerLostContactRoutes(app: App, lost: LostContactService, exporter: FloatingExport): void {
  const read = { access: Permission.MEMBER_READ };
  const write = { access: Permission.MEMBER_WRITE };
  const tags = ['失联党员'];

  app.get('/api/lost-contact', { config: read, schema: { tags, summary: '失联党员列表', querystring: LostContactListQuery, response: { 200: Page(LostContactRecord) } } },
    (req) => lost.list(actorOf(req), req.query));

  app.get('/api/lost-contact/export', { config: read, schema: { tags, summary: '导出失联党员（.xlsx，筛选同列表）', querystring: LostContactExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const file = await exporter.lostContactXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'lost-contact.xlsx', file.data);
    });

  app.get('/api/lost-contact/:id', { config: read, schema: { tags, summary: '失联党员记录与联系情况', params: IdParams, response: { 200: LostContactDetail } } },
    (req) => lost.get(actorOf(req), req.params.id));

  app.post('/api/lost-contact', { config: write, schema: { tags, summary: '登记失联党员', body: LostContactInput, response: { 201: LostContactRecord } } },
    async (req, reply) => reply.status(201).send(await lost.create(actorOf(req), req.body)));

  app.patch('/api/lost-contact/:id', { config: write, schema: { tags, summary: '修改失联登记', params: IdParams, body: LostContactUpdate, response: { 200: LostContactRecord } } },
    (req) => lost.update(actorOf(req), req.params.id, req.body));

  app.post('/api/lost-contact/:id/attempts', { config: write, schema: { tags, summary: '记录一次联系', params: IdParams, body: ContactAttemptInput, response: { 200: LostContactRecord } } },
    (req) => lost.addAttempt(actorOf(req), req.params.id, req.body));

  app.post('/api/lost-contact/:id/found', { config: write, schema: { tags, summary: '已恢复联系（结束失联）', params: IdParams, body: FloatingStepInput, response: { 200: LostContactRecord } } },
    (req) => lost.found(actorOf(req), req.params.id, req.body));
}
