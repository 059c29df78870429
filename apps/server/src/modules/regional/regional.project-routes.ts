import {
  AttachmentAdded,
  IdParams,
  Page,
  Permission,
  RgActivityFileParams,
  RgActivityInput,
  RgActivityParams,
  RgCompleteInput,
  RgConsentInput,
  RgFeedbackInput,
  RgProject,
  RgProjectDetail,
  RgProjectInput,
  RgProjectQuery,
  RgRateInput,
  RgReasonInput,
} from '@jiceng/contracts';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { RegionalExport } from './regional.export.ts';
import type { ProjectService } from './regional.projects.ts';

/** 项目清单's routes (see registerRegionalRoutes for the access rule). */
export function registerProjectRoutes(app: App, projects: ProjectService, exporter: RegionalExport): void {
  const read = { access: Permission.ORG_READ };
  const record = { access: Permission.REGION_RECORD };
  const manage = { access: Permission.REGION_MANAGE };
  const tags = ['区域化党建'];
  const params = IdParams;

  app.get(
    '/api/regional/projects',
    { config: read, schema: { tags, summary: '项目清单（驻区单位：参与的项目）', querystring: RgProjectQuery, response: { 200: Page(RgProject) } } },
    (req) => projects.list(actorOf(req), req.query),
  );
  app.get(
    '/api/regional/projects/export',
    {
      config: read,
      schema: { tags, summary: '导出项目清单（.xlsx，筛选同列表）', querystring: RgProjectQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await exporter.projects(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'projects.xlsx', f.data);
    },
  );
  app.get(
    '/api/regional/projects/:id',
    { config: read, schema: { tags, summary: '项目详情（活动、评价、流转记录）', params, response: { 200: RgProjectDetail } } },
    (req) => projects.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/regional/projects',
    { config: manage, schema: { tags, summary: '立项：需求对接资源（单位同意后开始实施）', body: RgProjectInput, response: { 201: RgProjectDetail } } },
    async (req, reply) => reply.status(201).send(await projects.create(actorOf(req), req.body)),
  );
  app.post(
    '/api/regional/projects/:id/consent',
    {
      config: read,
      schema: {
        tags,
        summary: '驻区单位同意参与或谢绝（谢绝须填写原因）；没有账号的单位由社区代为记录',
        params,
        body: RgConsentInput,
        response: { 200: RgProjectDetail },
      },
    },
    (req) => projects.consent(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/projects/:id/activities',
    { config: read, schema: { tags, summary: '记录项目活动（社区或参与单位）', params, body: RgActivityInput, response: { 200: RgProjectDetail } } },
    (req) => projects.addActivity(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/projects/:id/activities/:activityId/photos',
    {
      config: read,
      schema: {
        tags,
        summary: '上传活动照片（multipart 字段 file）',
        params: RgActivityParams,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => projects.addPhoto(actorOf(req), req.params.id, req.params.activityId, await uploadedFile(req, '活动照片')),
  );
  app.get(
    '/api/regional/projects/:id/activities/:activityId/photos/:fileId',
    { config: read, schema: { tags, summary: '查看活动照片', params: RgActivityFileParams } },
    async (req, reply) =>
      sendAttachment(reply, await projects.readPhoto(actorOf(req), req.params.id, req.params.activityId, req.params.fileId), { inline: true }),
  );
  app.post(
    '/api/regional/projects/:id/complete',
    {
      config: manage,
      schema: { tags, summary: '完成项目（填写成效、投入资金、解决问题件数）', params, body: RgCompleteInput, response: { 200: RgProjectDetail } },
    },
    (req) => projects.complete(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/projects/:id/rate',
    { config: manage, schema: { tags, summary: '社区评价项目（1–5 星）', params, body: RgRateInput, response: { 200: RgProjectDetail } } },
    (req) => projects.rate(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/projects/:id/withdraw',
    { config: manage, schema: { tags, summary: '撤销项目（须填写原因，需求回到待认领）', params, body: RgReasonInput, response: { 200: RgProjectDetail } } },
    (req) => projects.withdraw(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regional/projects/:id/feedback',
    {
      config: record,
      schema: { tags, summary: '记录受益群众评价（满意、基本满意、不满意）', params, body: RgFeedbackInput, response: { 200: RgProjectDetail } },
    },
    (req) => projects.feedback(actorOf(req), req.params.id, req.body),
  );
}
