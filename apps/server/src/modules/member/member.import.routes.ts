import { ErrorResponse, MemberExportQuery, MemberImportAccepted, MemberImportJob, MemberImportJobParams, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { MemberExportService } from './member.export.ts';
import type { MemberImportService } from './member.import.ts';

/** Roster template, background import with its job, error report (member:import), and export (member:read). */
export function registerMemberImportRoutes(app: App, importer: MemberImportService, exporter: MemberExportService): void {
  const config = { access: Permission.MEMBER_IMPORT };
  const tags = ['党员'];

  app.get('/api/members/import/template', { config, schema: { tags, summary: '下载党员名册导入模板（.xlsx，附可选党支部）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => sendXlsx(reply, '党员名册导入模板.xlsx', 'member-import-template.xlsx', await importer.template(actorOf(req))));

  app.post('/api/members/import', {
    config,
    schema: {
      tags,
      summary: '导入党员名册：保存文件后在后台逐行检查并导入（全部无误才导入，否则一条也不导入），返回任务编号',
      description: UPLOAD_DESCRIPTION,
      consumes: ['multipart/form-data'],
      response: { 202: MemberImportAccepted, 409: ErrorResponse },
    },
  }, async (req, reply) => reply.status(202).send(await importer.start(actorOf(req), await uploadedFile(req), (err) => req.log.error({ err }, '党员名册导入失败'))));

  app.get('/api/members/import/:jobId', { config, schema: { tags, summary: '党员名册导入进度与结果（仅发起导入的账号可见）', params: MemberImportJobParams, response: { 200: MemberImportJob } } },
    (req) => importer.job(actorOf(req), req.params.jobId));

  app.post('/api/members/import/error-report', {
    config,
    schema: { tags, summary: '党员名册导入错误报告：返回加了“错误说明”列的原文件，不导入', description: UPLOAD_DESCRIPTION, consumes: ['multipart/form-data'], produces: [XLSX_MIME], response: { 200: XlsxFile } },
  }, async (req, reply) => sendXlsx(reply, '党员名册导入错误报告.xlsx', 'member-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploadedFile(req))));

  app.get('/api/members/export', {
    config: { access: Permission.MEMBER_READ },
    schema: { tags, summary: '导出党员名册（.xlsx，筛选同党员列表；unmask=true 导出完整个人信息并记入审计，可再导入）', querystring: MemberExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
  }, async (req, reply) => {
    const file = await exporter.exportXlsx(actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, 'member-roster.xlsx', file.data);
  });

  // A job keeps running after its request was answered: shutdown waits for it (its transaction commits or rolls back).
  app.addHook('onClose', () => importer.drain());
}
