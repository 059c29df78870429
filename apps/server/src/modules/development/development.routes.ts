import { Type } from '@sinclair/typebox';
import {
  ApplicantDetail,
  ApplicantInput,
  ApplicantQuery,
  ApplicantSummary,
  AttachmentAdded,
  DevBoard,
  DevFileParams,
  DevRecordParams,
  DevPlanInput,
  DevStepInput,
  DevStopInput,
  DevYearQuery,
  DevYearReport,
  Id,
  IdParams,
  Ok,
  Page,
  Permission,
} from '@jiceng/contracts';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { DOCX_MIME, sendDocx } from '../../platform/documents/send.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import { DOSSIER_FORMS, type DossierForm } from './development.dossier.ts';
import type { DevelopmentExport } from './development.export.ts';
import type { DevelopmentReports } from './development.reports.ts';
import type { DevelopmentService } from './development.service.ts';

const DocxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Word 文件（.docx）' });
type Dossier = (actor: ReturnType<typeof actorOf>, id: string, form: DossierForm | 'all') => Promise<{ fileName: string; data: Buffer }>;

/** 发展党员: thin routes over the service, the board and year reports, the dossier and the exports. */
export function registerDevelopmentRoutes(
  app: App,
  service: DevelopmentService,
  reports: DevelopmentReports,
  dossier: Dossier,
  exporter: DevelopmentExport,
): void {
  const read = { access: Permission.DEV_READ };
  const record = { access: Permission.DEV_RECORD };
  const tags = ['发展党员'];

  app.get(
    '/api/development/applicants',
    {
      config: read,
      schema: { tags, summary: '发展对象列表（入党申请人至预备党员，可筛选）', querystring: ApplicantQuery, response: { 200: Page(ApplicantSummary) } },
    },
    (req) => service.list(actorOf(req), req.query),
  );
  app.get(
    '/api/development/applicants/export',
    {
      config: read,
      schema: { tags, summary: '导出发展党员台账（.xlsx，筛选同列表）', querystring: ApplicantQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await exporter.applicants(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'development.xlsx', f.data);
    },
  );
  app.post(
    '/api/development/applicants',
    { config: record, schema: { tags, summary: '登记入党申请（第1步：递交入党申请书）', body: ApplicantInput, response: { 201: ApplicantDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await service.create(actorOf(req), req.body))),
  );
  app.get(
    '/api/development/applicants/:id',
    { config: read, schema: { tags, summary: '发展对象详情（25个步骤、时限、记录）', params: IdParams, response: { 200: ApplicantDetail } } },
    async (req, reply) => versioned(reply, await service.get(actorOf(req), req.params.id)),
  );
  app.post(
    '/api/development/applicants/:id/steps',
    {
      // the superior's steps need development:approve; the service checks which step the account may take
      config: read,
      schema: { tags, summary: '办理一个步骤（按规则集检查顺序、时限和条件）', params: IdParams, body: DevStepInput, response: { 200: ApplicantDetail } },
    },
    async (req, reply) =>
      versioned(reply, await service.recordStep(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );
  app.post(
    '/api/development/applicants/:id/stop',
    { config: record, schema: { tags, summary: '终止培养（须写明原因）', params: IdParams, body: DevStopInput, response: { 200: ApplicantDetail } } },
    async (req, reply) =>
      versioned(reply, await service.stop(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );
  app.post(
    '/api/development/applicants/:id/records/:recordId/attachments',
    {
      config: read,
      schema: {
        tags,
        summary: '上传一个步骤的材料（扫描件、照片或文档，multipart 字段 file）',
        params: DevRecordParams,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => service.addFile(actorOf(req), req.params.id, req.params.recordId, await uploadedFile(req, '发展党员材料')),
  );
  app.get(
    '/api/development/applicants/:id/records/:recordId/attachments/:fileId',
    { config: read, schema: { tags, summary: '下载步骤材料（读取记入审计）', params: DevFileParams } },
    async (req, reply) => sendAttachment(reply, await service.readFile(actorOf(req), req.params.id, req.params.recordId, req.params.fileId), { inline: true }),
  );
  app.delete(
    '/api/development/applicants/:id/records/:recordId/attachments/:fileId',
    { config: read, schema: { tags, summary: '删除步骤材料', params: DevFileParams, response: { 200: ApplicantDetail } } },
    async (req, reply) => versioned(reply, await service.removeFile(actorOf(req), req.params.id, req.params.recordId, req.params.fileId)),
  );
  app.get(
    '/api/development/applicants/:id/dossier',
    { config: read, schema: { tags, summary: '下载发展党员档案（全部表格，.docx）', params: IdParams, produces: [DOCX_MIME], response: { 200: DocxFile } } },
    async (req, reply) => {
      const f = await dossier(actorOf(req), req.params.id, 'all');
      return sendDocx(reply, f.fileName, 'dossier.docx', f.data);
    },
  );
  app.get(
    '/api/development/applicants/:id/dossier/:form',
    {
      config: read,
      schema: {
        tags,
        summary: '下载档案中的一张表格（.docx）',
        params: Type.Object({ id: Id, form: Type.Unsafe<DossierForm>({ type: 'string', enum: [...DOSSIER_FORMS], description: '表格' }) }),
        produces: [DOCX_MIME],
        response: { 200: DocxFile },
      },
    },
    async (req, reply) => {
      const f = await dossier(actorOf(req), req.params.id, req.params.form);
      return sendDocx(reply, f.fileName, `${req.params.form}.docx`, f.data);
    },
  );
  app.get(
    '/api/development/board',
    {
      config: read,
      schema: {
        tags,
        summary: '发展党员看板（各阶段人数、下级组织、逾期与待办）',
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: { 200: DevBoard },
      },
    },
    (req) => reports.board(actorOf(req), req.query.orgId),
  );
  app.get(
    '/api/development/year',
    {
      config: read,
      schema: { tags, summary: '年度发展计划与完成情况（按下级组织、按审批组织）', querystring: DevYearQuery, response: { 200: DevYearReport } },
    },
    (req) => reports.year(actorOf(req), req.query),
  );
  app.get(
    '/api/development/year/export',
    {
      config: read,
      schema: { tags, summary: '导出年度发展计划与完成情况（.xlsx）', querystring: DevYearQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await exporter.year(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'development-year.xlsx', f.data);
    },
  );
  app.put(
    '/api/development/plans',
    { config: { access: Permission.DEV_APPROVE }, schema: { tags, summary: '设置年度发展计划人数', body: DevPlanInput, response: { 200: Ok } } },
    async (req) => {
      await reports.setPlan(actorOf(req), req.body);
      return { ok: true as const };
    },
  );
}
