import { Type } from '@sinclair/typebox';
import {
  DuesArrearsQuery,
  DuesArrearsRow,
  DuesCancelInput,
  DuesLedger,
  DuesLedgerQuery,
  DuesLedgerRow,
  DuesMemberLedger,
  DuesMine,
  DuesMonthParams,
  DuesPaymentInput,
  DuesPublication,
  DuesPublicationQuery,
  DuesReasonInput,
  DuesSummary,
  DuesSummaryQuery,
  ErrorResponse,
  IdParams,
  ImportResult,
  Permission,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { DuesExport } from './dues.export.ts';
import type { DuesImport } from './dues.import.ts';
import type { DuesLedgerService } from './dues.ledger.service.ts';
import type { DuesSummaryService } from './dues.summary.ts';

/** 党费台账: thin routes over the ledger, its summaries, import and exports. */
export function registerDuesLedgerRoutes(app: App, ledger: DuesLedgerService, summary: DuesSummaryService, importer: DuesImport, exporter: DuesExport): void {
  const read = { access: Permission.DUES_READ };
  const record = { access: Permission.DUES_RECORD };
  const tags = ['党费'];

  app.get(
    '/api/dues/ledger',
    {
      config: read,
      schema: { tags, summary: '党支部某月党费台账（应交、实交、交纳日期、方式、登记人）', querystring: DuesLedgerQuery, response: { 200: DuesLedger } },
    },
    (req) => ledger.ledger(actorOf(req), req.query),
  );
  app.get(
    '/api/dues/ledger/export',
    {
      config: read,
      schema: { tags, summary: '导出党支部某月党费台账（.xlsx）', querystring: DuesLedgerQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await exporter.ledgerXlsx(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'dues-ledger.xlsx', f.data);
    },
  );
  app.get(
    '/api/members/:id/dues',
    { config: read, schema: { tags, summary: '党员的党费交纳记录、欠交情况与党费缴至月份', params: IdParams, response: { 200: DuesMemberLedger } } },
    (req) => ledger.memberLedger(actorOf(req), req.params.id),
  );
  app.post(
    '/api/members/:id/dues/payments',
    {
      config: record,
      schema: {
        tags,
        summary: '登记党费交纳（可同时补交、预交多个月，全部可交才登记；同一月份只能登记一次）',
        params: IdParams,
        body: DuesPaymentInput,
        response: { 200: DuesMemberLedger },
      },
    },
    (req) => ledger.pay(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/members/:id/dues/:month/cancel',
    {
      config: record,
      schema: {
        tags,
        summary: '撤销某月的党费交纳登记（登记有误时，须说明原因）',
        params: DuesMonthParams,
        body: DuesCancelInput,
        response: { 200: DuesLedgerRow },
      },
    },
    async (req, reply) =>
      versioned(reply, await ledger.cancel(actorOf(req), req.params.id, req.params.month, req.body, expectedVersion(req, req.body.version))),
  );
  app.put(
    '/api/members/:id/dues/:month/reason',
    {
      config: record,
      schema: {
        tags,
        summary: '登记或清除某月党费未交原因（正当理由不计入自行脱党预警）',
        params: DuesMonthParams,
        body: DuesReasonInput,
        response: { 200: DuesLedgerRow },
      },
    },
    async (req, reply) =>
      versioned(reply, await ledger.setReason(actorOf(req), req.params.id, req.params.month, req.body, expectedVersion(req, req.body.version))),
  );
  app.get(
    '/api/dues/arrears',
    {
      config: read,
      schema: {
        tags,
        summary: '欠交党费的党员（连续欠交月数、无正当理由月数、欠交金额）',
        querystring: DuesArrearsQuery,
        response: { 200: Type.Array(DuesArrearsRow) },
      },
    },
    (req) => ledger.arrears(actorOf(req), req.query),
  );
  app.get(
    '/api/dues/summary',
    { config: read, schema: { tags, summary: '党费收缴统计（本级及下级、按月、上缴党费）', querystring: DuesSummaryQuery, response: { 200: DuesSummary } } },
    (req) => summary.summary(actorOf(req), req.query),
  );
  app.get(
    '/api/dues/summary/export',
    { config: read, schema: { tags, summary: '导出党费收缴统计（.xlsx）', querystring: DuesSummaryQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const f = await exporter.summaryXlsx(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'dues-summary.xlsx', f.data);
    },
  );
  app.get(
    '/api/dues/publication',
    {
      config: read,
      schema: { tags, summary: '党支部年度党费收缴情况公示（逐人逐月）', querystring: DuesPublicationQuery, response: { 200: DuesPublication } },
    },
    (req) => summary.publication(actorOf(req), req.query),
  );
  app.get(
    '/api/dues/me',
    { config: { access: Permission.MEMBER_SELF }, schema: { tags, summary: '本人党费交纳记录与欠交情况', response: { 200: DuesMine } } },
    (req) => ledger.mine(actorOf(req)),
  );

  app.get(
    '/api/dues/import/template',
    { config: record, schema: { tags, summary: '下载党费交纳记录导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '党费交纳记录导入模板.xlsx', 'dues-import-template.xlsx', await importer.template()),
  );
  app.post(
    '/api/dues/import',
    {
      config: record,
      schema: {
        tags,
        summary: '导入党费交纳记录（逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => importer.importFile(actorOf(req), await uploadedFile(req)),
  );
  app.post(
    '/api/dues/import/error-report',
    {
      config: record,
      schema: {
        tags,
        summary: '党费交纳记录导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, '党费交纳记录导入错误报告.xlsx', 'dues-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploadedFile(req))),
  );
}
