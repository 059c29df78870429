import {
  AttachmentAdded,
  DirectiveCloseInput,
  DirectiveDecisionInput,
  DirectiveDetail,
  DirectiveExtensionInput,
  DirectiveFileParams,
  DirectiveForwardInput,
  DirectiveInput,
  DirectiveQuery,
  DirectiveRecipientOrgs,
  DirectiveRecipientQuery,
  DirectiveRemindInput,
  DirectiveRemindResult,
  DirectiveReportInput,
  DirectiveStepInput,
  DirectiveSummary,
  DirectiveTargetDetail,
  DirectiveTargetParams,
  IdParams,
  Page,
  Permission,
} from '@jiceng/contracts';
import type { FastifyRequest } from 'fastify';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { DirectiveExport } from './directive.export.ts';
import type { DirectiveService } from './directive.service.ts';

/** The version a step started from: `If-Match` or the body's `version`, when either names one. */
const versionOf = (req: FastifyRequest, body: { version?: number }) => expectedVersion(req, body.version) ?? undefined;

/** 下发任务与督办: thin routes over the service; who may take each step is the service's policy. */
export function registerDirectiveRoutes(app: App, service: DirectiveService, exporter: DirectiveExport): void {
  const read = { access: Permission.TASK_READ };
  const plan = { access: Permission.TASK_PLAN };
  const report = { access: Permission.TASK_REPORT };
  const tags = ['任务督办'];
  const target = '/api/directives/:id/targets/:targetId';

  app.get(
    '/api/directives',
    { config: read, schema: { tags, summary: '下发任务列表（本单位发出的或收到的）', querystring: DirectiveQuery, response: { 200: Page(DirectiveSummary) } } },
    (req) => service.list(actorOf(req), req.query),
  );
  app.get(
    '/api/directives/recipient-orgs',
    {
      config: read,
      schema: { tags, summary: '可接收任务的下级组织（按类别、领域、名称）', querystring: DirectiveRecipientQuery, response: { 200: DirectiveRecipientOrgs } },
    },
    (req) => service.recipientOrgs(actorOf(req), req.query),
  );
  app.post(
    '/api/directives',
    { config: plan, schema: { tags, summary: '下发任务或通知（逐个选择或某类组织全部）', body: DirectiveInput, response: { 201: DirectiveDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await service.send(actorOf(req), req.body))),
  );
  app.get(
    '/api/directives/:id',
    { config: read, schema: { tags, summary: '下发任务详情（各接收单位办理情况）', params: IdParams, response: { 200: DirectiveDetail } } },
    async (req, reply) => versioned(reply, await service.get(actorOf(req), req.params.id)),
  );
  app.get(
    '/api/directives/:id/export',
    { config: read, schema: { tags, summary: '导出各接收单位办理情况（.xlsx）', params: IdParams, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const f = await exporter.targets(actorOf(req), req.params.id);
      return sendXlsx(reply, f.fileName, 'directive.xlsx', f.data);
    },
  );
  app.post(
    '/api/directives/:id/close',
    {
      config: plan,
      schema: { tags, summary: '关闭任务（未办结的单位记为未完成）', params: IdParams, body: DirectiveCloseInput, response: { 200: DirectiveDetail } },
    },
    async (req, reply) => versioned(reply, await service.close(actorOf(req), req.params.id, { ...req.body, version: versionOf(req, req.body) })),
  );
  app.post(
    '/api/directives/:id/remind',
    {
      config: plan,
      schema: { tags, summary: '催办所选接收单位（每单位每天一次）', params: IdParams, body: DirectiveRemindInput, response: { 200: DirectiveRemindResult } },
    },
    (req) => service.remind(actorOf(req), req.params.id, req.body),
  );
  app.get(
    target,
    { config: read, schema: { tags, summary: '接收单位办理详情与记录', params: DirectiveTargetParams, response: { 200: DirectiveTargetDetail } } },
    (req) => service.target(actorOf(req), req.params.id, req.params.targetId),
  );
  app.post(
    `${target}/acknowledge`,
    {
      config: report,
      schema: { tags, summary: '签收（通知签收即办结）', params: DirectiveTargetParams, body: DirectiveStepInput, response: { 200: DirectiveDetail } },
    },
    async (req, reply) => versioned(reply, await service.acknowledge(actorOf(req), req.params.id, req.params.targetId, { version: versionOf(req, req.body) })),
  );
  app.post(
    `${target}/report`,
    {
      config: report,
      schema: {
        tags,
        summary: '上报完成（完成情况与佐证材料）',
        params: DirectiveTargetParams,
        body: DirectiveReportInput,
        response: { 200: DirectiveDetail },
      },
    },
    async (req, reply) =>
      versioned(reply, await service.report(actorOf(req), req.params.id, req.params.targetId, { ...req.body, version: versionOf(req, req.body) })),
  );
  app.post(
    `${target}/extension`,
    {
      config: report,
      schema: { tags, summary: '申请延期（新日期与原因）', params: DirectiveTargetParams, body: DirectiveExtensionInput, response: { 200: DirectiveDetail } },
    },
    async (req, reply) =>
      versioned(reply, await service.requestExtension(actorOf(req), req.params.id, req.params.targetId, { ...req.body, version: versionOf(req, req.body) })),
  );
  app.post(
    `${target}/extension/decision`,
    {
      config: plan,
      schema: {
        tags,
        summary: '同意或不同意延期（只能决定一次）',
        params: DirectiveTargetParams,
        body: DirectiveDecisionInput,
        response: { 200: DirectiveDetail },
      },
    },
    async (req, reply) =>
      versioned(reply, await service.decide(actorOf(req), req.params.id, req.params.targetId, { ...req.body, version: versionOf(req, req.body) })),
  );
  app.post(
    `${target}/forward`,
    // the recipient forwards (task:report); the service also asks task:plan, as it becomes the issuer below
    {
      config: report,
      schema: { tags, summary: '转发给本单位下级', params: DirectiveTargetParams, body: DirectiveForwardInput, response: { 200: DirectiveDetail } },
    },
    async (req, reply) => versioned(reply, await service.forward(actorOf(req), req.params.id, req.params.targetId, req.body)),
  );
  app.post(
    `${target}/attachments`,
    {
      config: report,
      schema: {
        tags,
        summary: '上传佐证材料（照片或文档，multipart 字段 file）',
        params: DirectiveTargetParams,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => service.addFile(actorOf(req), req.params.id, req.params.targetId, await uploadedFile(req, '佐证材料')),
  );
  app.get(`${target}/attachments/:fileId`, { config: read, schema: { tags, summary: '下载佐证材料', params: DirectiveFileParams } }, async (req, reply) =>
    sendAttachment(reply, await service.readFile(actorOf(req), req.params.id, req.params.targetId, req.params.fileId), { inline: true }),
  );
  app.delete(
    `${target}/attachments/:fileId`,
    { config: report, schema: { tags, summary: '删除佐证材料', params: DirectiveFileParams, response: { 200: DirectiveDetail } } },
    async (req, reply) => versioned(reply, await service.removeFile(actorOf(req), req.params.id, req.params.targetId, req.params.fileId)),
  );
}
