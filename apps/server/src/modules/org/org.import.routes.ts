import { Type } from '@sinclair/typebox';
import { Id, IMPORT_FILE_FIELD, ImportResult, Permission } from '@jiceng/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '../../platform/errors.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { createOrgExportService } from './org.export.ts';
import { createOrgImportService, type OrgTransferDeps, type Upload } from './org.import.ts';
import { XLSX_MIME } from './org.xlsx.ts';

/** A binary .xlsx answer, for the OpenAPI document (Fastify sends buffers unserialized). */
const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 文件（.xlsx）' });
const ErrorAnswer = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

/** `attachment` with an ASCII fallback and the Chinese name in RFC 5987 form (filename*=UTF-8''…). */
export function attachment(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

function sendXlsx(reply: FastifyReply, fileName: string, asciiFallback: string, data: Buffer): FastifyReply {
  return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(fileName, asciiFallback)).header('cache-control', 'no-store').send(data);
}

/** The one uploaded file of a multipart request, under the field `file`. */
async function uploaded(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw invalid(`请以 multipart/form-data 方式上传 .xlsx 文件（字段名 ${IMPORT_FILE_FIELD}）`);
  const file = await req.file();
  if (!file || file.fieldname !== IMPORT_FILE_FIELD) throw invalid(`请选择要上传的 .xlsx 文件（字段名 ${IMPORT_FILE_FIELD}）`);
  return { fileName: file.filename ?? '', data: await file.toBuffer() };
}

/** Template, import, error report and export of the organization tree (permission org:import). */
export function registerOrgImportRoutes(app: App, deps: OrgTransferDeps): void {
  const importer = createOrgImportService(deps);
  const exporter = createOrgExportService(deps);
  const config = { access: Permission.ORG_IMPORT };
  const tags = ['组织'];
  const upload = `multipart/form-data，字段 ${IMPORT_FILE_FIELD} 为 .xlsx 文件`;

  app.get('/api/orgs/import/template', { config, schema: { tags, summary: '下载组织导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '组织导入模板.xlsx', 'org-import-template.xlsx', await importer.template()));

  app.post('/api/orgs/import', {
    config,
    schema: { tags, summary: '导入组织（逐行检查，全部无误才导入，否则一条也不导入）', description: upload, consumes: ['multipart/form-data'], response: { 200: ImportResult, 422: ErrorAnswer } },
  }, async (req) => importer.importFile(actorOf(req), await uploaded(req)));

  app.post('/api/orgs/import/error-report', {
    config,
    schema: { tags, summary: '组织导入错误报告：返回加了“错误说明”列的原文件，不导入', description: upload, consumes: ['multipart/form-data'], produces: [XLSX_MIME], response: { 200: XlsxFile } },
  }, async (req, reply) => sendXlsx(reply, '组织导入错误报告.xlsx', 'org-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploaded(req))));

  app.get('/api/orgs/export', {
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
  }, async (req, reply) => {
    const file = await exporter.exportXlsx(actorOf(req), req.query.rootId, req.query.includeDissolved ?? false);
    return sendXlsx(reply, file.fileName, 'org-export.xlsx', file.data);
  });
}
