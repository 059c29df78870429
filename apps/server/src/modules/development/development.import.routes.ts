import { ErrorResponse, ImportResult, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { DevelopmentImport } from './development.import.ts';

/** 发展党员: the 入党申请人名册 import — its template, the import (all or nothing) and its error report. */
export function registerDevelopmentImportRoutes(app: App, importer: DevelopmentImport): void {
  const record = { access: Permission.DEV_RECORD };
  const tags = ['发展党员'];

  app.get(
    '/api/development/import/template',
    { config: record, schema: { tags, summary: '下载入党申请人名册导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '入党申请人名册导入模板.xlsx', 'development-import-template.xlsx', await importer.template()),
  );
  app.post(
    '/api/development/import',
    {
      config: record,
      schema: {
        tags,
        summary: '导入入党申请人名册（登记递交入党申请书，已谈话的同时登记谈话；逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => importer.run(actorOf(req), await uploadedFile(req)),
  );
  app.post(
    '/api/development/import/error-report',
    {
      config: record,
      schema: {
        tags,
        summary: '入党申请人名册导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, '入党申请人名册导入错误报告.xlsx', 'development-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploadedFile(req))),
  );
}
