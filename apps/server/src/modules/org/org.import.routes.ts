import { Type } from '@sinclair/typebox';
import { ErrorResponse, Id, ImportResult, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { OrgExportService } from './org.export.ts';
import type { OrgImportService } from './org.import.ts';

/** Template, import, error report and export of the organization tree (permission org:import). */
export function registerOrgImportRoutes(app: App, importer: OrgImportService, exporter: OrgExportService): void {
  const config = { access: Permission.ORG_IMPORT };
  const tags = ['组织'];

  app.get(
    '/api/orgs/import/template',
    { config, schema: { tags, summary: '下载组织导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '组织导入模板.xlsx', 'org-import-template.xlsx', await importer.template()),
  );

  app.post(
    '/api/orgs/import',
    {
      config,
      schema: {
        tags,
        summary: '导入组织（逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => importer.importFile(actorOf(req), await uploadedFile(req)),
  );

  app.post(
    '/api/orgs/import/error-report',
    {
      config,
      schema: {
        tags,
        summary: '组织导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => sendXlsx(reply, '组织导入错误报告.xlsx', 'org-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploadedFile(req))),
  );

  app.get(
    '/api/orgs/export',
    {
      config,
      schema: {
        tags,
        summary: '导出组织架构（.xlsx，列与导入模板相同，可再导入）',
        querystring: Type.Object({
          rootId: Type.Optional(Id),
          includeDissolved: Type.Optional(Type.Boolean({ description: '包含已撤销的组织' })),
        }),
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query.rootId, req.query.includeDissolved ?? false);
      return sendXlsx(reply, file.fileName, 'org-export.xlsx', file.data);
    },
  );
}
