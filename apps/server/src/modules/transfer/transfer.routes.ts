import { Type } from '@sinclair/typebox';
import { IdParams, IncomingLetterInput, LetterIssueInput, LetterReceiptInput, Page, Permission, Transfer, TransferCancelInput, TransferExportQuery, TransferListQuery, TransferReceiver, TransferReceiverQuery, TransferReturnInput, TransferStartInput, TransferStats, TransferStatsQuery } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { TransferExport } from './transfer.export.ts';
import type { LetterService } from './transfer.letters.ts';
import type { TransferService } from './transfer.service.ts';

const Html = Type.Unsafe<string>({ type: 'string', description: 'HTML 页面（A4 打印）' });

/** 组织关系转接: thin routes over the transfer and letter services. */
export function registerTransferRoutes(app: App, transfers: TransferService, letters: LetterService, exporter: TransferExport): void {
  const read = { access: Permission.MEMBER_READ };
  const write = { access: Permission.MEMBER_WRITE };
  const tags = ['组织关系转接'];

  app.get('/api/transfers', { config: read, schema: { tags, summary: '转接记录（转出、转入，可按状态、方式、年度筛选）', querystring: TransferListQuery, response: { 200: Page(Transfer) } } },
    (req) => transfers.list(actorOf(req), req.query));

  app.get('/api/transfers/export', { config: read, schema: { tags, summary: '导出转接记录（.xlsx，筛选同转接列表，身份证号脱敏）', querystring: TransferExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'transfers.xlsx', file.data);
    });

  app.get('/api/me/transfers', { config: { access: Permission.MEMBER_SELF }, schema: { tags, summary: '本人的组织关系转接记录', response: { 200: Type.Array(Transfer) } } },
    (req) => transfers.mine(actorOf(req)));

  app.get('/api/transfers/receivers', { config: read, schema: { tags, summary: '可接收党员的党支部（全区范围按名称搜索）', querystring: TransferReceiverQuery, response: { 200: Type.Array(TransferReceiver) } } },
    (req) => transfers.receivers(req.query.q));

  app.get('/api/transfers/stats', { config: read, schema: { tags, summary: '本年度转入、转出统计', querystring: TransferStatsQuery, response: { 200: TransferStats } } },
    (req) => transfers.stats(actorOf(req), req.query.year));

  app.get('/api/transfers/:id', { config: read, schema: { tags, summary: '转接详情', params: IdParams, response: { 200: Transfer } } },
    (req) => transfers.get(actorOf(req), req.params.id));

  app.post('/api/transfers', { config: write, schema: { tags, summary: '发起系统内转接', body: TransferStartInput, response: { 201: Transfer } } },
    async (req, reply) => reply.status(201).send(await transfers.start(actorOf(req), req.body)));

  app.post('/api/transfers/:id/accept', { config: write, schema: { tags, summary: '接收（党员组织关系转入本支部）', params: IdParams, response: { 200: Transfer } } },
    (req) => transfers.accept(actorOf(req), req.params.id));

  app.post('/api/transfers/:id/return', { config: write, schema: { tags, summary: '退回转出方', params: IdParams, body: TransferReturnInput, response: { 200: Transfer } } },
    (req) => transfers.returnBack(actorOf(req), req.params.id, req.body));

  app.post('/api/transfers/:id/cancel', { config: write, schema: { tags, summary: '撤销转接或作废介绍信', params: IdParams, body: TransferCancelInput, response: { 200: Transfer } } },
    (req) => transfers.cancel(actorOf(req), req.params.id, req.body));

  app.post('/api/transfers/letters', { config: write, schema: { tags, summary: '开具组织关系介绍信（转出本系统）', body: LetterIssueInput, response: { 201: Transfer } } },
    async (req, reply) => reply.status(201).send(await letters.issue(actorOf(req), req.body)));

  app.post('/api/transfers/:id/receipt', { config: write, schema: { tags, summary: '登记介绍信回执', params: IdParams, body: LetterReceiptInput, response: { 200: Transfer } } },
    (req) => letters.registerReceipt(actorOf(req), req.params.id, req.body));

  app.get('/api/transfers/:id/letter', { config: read, schema: { tags, summary: '打印介绍信（存根、正本、回执）', params: IdParams, response: { 200: Html } } },
    async (req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(await letters.letterHtml(actorOf(req), req.params.id)));

  app.post('/api/transfers/incoming-letters', { config: write, schema: { tags, summary: '凭介绍信转入（登记党员及介绍信）', body: IncomingLetterInput, response: { 201: Transfer } } },
    async (req, reply) => reply.status(201).send(await letters.registerIncoming(actorOf(req), req.body)));
}
