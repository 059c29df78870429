import { Type } from '@sinclair/typebox';
import {
  AttachmentAdded,
  IdParams,
  Ok,
  Page,
  Permission,
  ResidentActionInput,
  ResidentRequestInput,
  ServiceActionInput,
  ServiceActionResult,
  ServiceCategory,
  ServiceCategoryInput,
  ServiceDispatchRule,
  ServiceDispatchRuleInput,
  ServiceDuplicate,
  ServiceDuplicateQuery,
  ServiceFigures,
  ServiceFiguresQuery,
  ServicePlace,
  ServiceRequest,
  ServiceRequestDetail,
  ServiceRequestExportQuery,
  ServiceRequestInput,
  ServiceRequestQuery,
  Id,
} from '@jiceng/contracts';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { actorOf, residentOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { ServiceConfig } from './service.config.ts';
import type { ServiceService } from './service.service.ts';

const PhotoParams = Type.Object({ id: Id, photoId: Id });
const PhotoKind = Type.Object({
  kind: Type.Optional(
    Type.Unsafe<'service_request' | 'service_result'>({
      type: 'string',
      enum: ['service_request', 'service_result'],
      description: '照片类别：诉求照片 / 办结照片',
    }),
  ),
});

export interface ServiceRouteDeps {
  service: ServiceService;
  config: ServiceConfig;
  figures: (actor: ReturnType<typeof actorOf>, q: ServiceFiguresQuery) => Promise<ServiceFigures>;
  exportRequests: (actor: ReturnType<typeof actorOf>, q: ServiceRequestExportQuery) => Promise<{ fileName: string; data: Buffer }>;
  places: () => Promise<ServicePlace[]>;
}

/** 群众诉求: thin routes over the service, its configuration, figures and export; residents' H5 routes. */
export function registerServiceRoutes(app: App, d: ServiceRouteDeps): void {
  const { service, config } = d;
  const tags = ['群众诉求'];
  const read = { access: Permission.SERVICE_READ };
  const handle = { access: Permission.SERVICE_HANDLE };
  // readers (service:read) and handlers (service:handle) alike; the service checks one of the two
  const view = { access: 'authenticated' as const };
  const cfg = { access: Permission.SERVICE_CONFIG };

  app.get(
    '/api/service/requests',
    {
      config: view,
      schema: {
        tags,
        summary: '诉求列表（本组织及下级；网格员、党员只看派给自己的和自己登记的）',
        querystring: ServiceRequestQuery,
        response: { 200: Page(ServiceRequest) },
      },
    },
    (req) => service.list(actorOf(req), req.query),
  );

  app.get(
    '/api/service/requests/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出诉求台账（.xlsx，筛选同列表，联系方式脱敏）',
        querystring: ServiceRequestExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await d.exportRequests(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'service-requests.xlsx', file.data);
    },
  );

  app.post(
    '/api/service/requests',
    { config: view, schema: { tags, summary: '登记诉求（窗口、热线或网格员代群众登记）', body: ServiceRequestInput, response: { 201: ServiceRequestDetail } } },
    async (req, reply) => reply.status(201).send(await service.submit(actorOf(req), req.body)),
  );

  app.get(
    '/api/service/duplicates',
    {
      config: handle,
      schema: {
        tags,
        summary: '重复诉求提示（同网格同类别、近期、描述相似的在办诉求）',
        querystring: ServiceDuplicateQuery,
        response: { 200: Type.Array(ServiceDuplicate) },
      },
    },
    (req) => service.duplicates(actorOf(req), req.query),
  );

  app.get(
    '/api/service/requests/:id',
    { config: view, schema: { tags, summary: '诉求详情（含全过程记录和时限）', params: IdParams, response: { 200: ServiceRequestDetail } } },
    (req) => service.get(actorOf(req), req.params.id),
  );

  app.get(
    '/api/service/requests/:id/contact',
    {
      config: view,
      schema: {
        tags,
        summary: '查看群众完整联系方式（记入操作日志）',
        params: IdParams,
        response: { 200: Type.Object({ name: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    (req) => service.contact(actorOf(req), req.params.id),
  );

  app.post(
    '/api/service/requests/:id/actions',
    {
      config: handle,
      schema: {
        tags,
        summary: '办理诉求：受理、不予受理、派单、接单、退单、改派、要求补充材料、办结、回访、延期、催办、提级（退单、改派、不予受理须说明理由）',
        params: IdParams,
        body: ServiceActionInput,
        response: { 200: ServiceActionResult },
      },
    },
    (req) => service.act(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/service/requests/:id/photos',
    {
      config: handle,
      schema: {
        tags,
        summary: '上传诉求照片或办结照片（multipart 字段 file）',
        params: IdParams,
        querystring: PhotoKind,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => {
      const file = await uploadedFile(req, '照片');
      const attachment = await service.addPhoto(actorOf(req), req.params.id, req.query.kind ?? 'service_request', {
        fileName: file.fileName,
        bytes: file.data,
      });
      return { attachment, duplicate: false };
    },
  );

  app.get('/api/service/requests/:id/photos/:photoId', { config: view, schema: { tags, summary: '查看诉求照片', params: PhotoParams } }, async (req, reply) =>
    sendAttachment(reply, await service.readPhoto(actorOf(req), req.params.id, req.params.photoId), { inline: true }),
  );

  app.get(
    '/api/service/figures',
    {
      config: read,
      schema: {
        tags,
        summary: '接诉即办统计（响应率、解决率、满意率、按时办结率、退单率、重办率）',
        querystring: ServiceFiguresQuery,
        response: { 200: ServiceFigures },
      },
    },
    (req) => d.figures(actorOf(req), req.query),
  );

  // ---- configuration

  app.get('/api/service/categories', { config: view, schema: { tags, summary: '事项类别（启用的）', response: { 200: Type.Array(ServiceCategory) } } }, () =>
    config.categories(),
  );
  app.get(
    '/api/service/categories/all',
    { config: cfg, schema: { tags, summary: '事项类别（含停用的）', response: { 200: Type.Array(ServiceCategory) } } },
    () => config.categories(true),
  );
  app.put(
    '/api/service/categories',
    { config: cfg, schema: { tags, summary: '新增或修改事项类别（区级维护）', body: ServiceCategoryInput, response: { 200: Type.Array(ServiceCategory) } } },
    (req) => config.saveCategory(actorOf(req), req.body),
  );
  app.get(
    '/api/service/dispatch-rules',
    { config: cfg, schema: { tags, summary: '派单规则（本组织及下级）', response: { 200: Type.Array(ServiceDispatchRule) } } },
    (req) => config.rules(actorOf(req)),
  );
  app.put(
    '/api/service/dispatch-rules',
    {
      config: cfg,
      schema: { tags, summary: '保存派单规则（同一地点和类别只有一条）', body: ServiceDispatchRuleInput, response: { 200: Type.Array(ServiceDispatchRule) } },
    },
    (req) => config.saveRule(actorOf(req), req.body),
  );
  app.delete(
    '/api/service/dispatch-rules/:id',
    { config: cfg, schema: { tags, summary: '删除派单规则', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await config.removeRule(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  // ---- residents (H5)

  const rtags = ['群众诉求（群众端）'];
  const resident = { access: 'resident' as const };
  app.get(
    '/api/resident/places',
    { config: { access: 'public' }, schema: { tags: rtags, summary: '可选的社区（村）及其网格', response: { 200: Type.Array(ServicePlace) } } },
    () => d.places(),
  );
  app.get(
    '/api/resident/categories',
    { config: { access: 'public' }, schema: { tags: rtags, summary: '事项类别', response: { 200: Type.Array(ServiceCategory) } } },
    () => config.categories(),
  );
  app.get(
    '/api/resident/duplicates',
    {
      config: resident,
      schema: {
        tags: rtags,
        summary: '相似诉求提示（可选择并入已有诉求）',
        querystring: ServiceDuplicateQuery,
        response: { 200: Type.Array(ServiceDuplicate) },
      },
    },
    (req) => service.residentDuplicates(req.query),
  );
  app.post(
    '/api/resident/requests',
    { config: resident, schema: { tags: rtags, summary: '提交诉求（点单）', body: ResidentRequestInput, response: { 201: ServiceRequestDetail } } },
    async (req, reply) => reply.status(201).send(await service.residentSubmit(residentOf(req), req.body)),
  );
  app.get(
    '/api/resident/requests',
    { config: resident, schema: { tags: rtags, summary: '我的诉求（含并入关注的）', response: { 200: Type.Array(ServiceRequest) } } },
    (req) => service.residentList(residentOf(req)),
  );
  app.get(
    '/api/resident/requests/:id',
    { config: resident, schema: { tags: rtags, summary: '我的诉求详情（进度和时限）', params: IdParams, response: { 200: ServiceRequestDetail } } },
    (req) => service.residentGet(residentOf(req), req.params.id),
  );
  app.post(
    '/api/resident/requests/:id/actions',
    {
      config: resident,
      schema: { tags: rtags, summary: '评价（评单）、撤销或补充材料', params: IdParams, body: ResidentActionInput, response: { 200: ServiceRequestDetail } },
    },
    (req) => service.residentAct(residentOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident/requests/:id/photos',
    {
      config: resident,
      schema: {
        tags: rtags,
        summary: '上传诉求照片（multipart 字段 file）',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => {
      const file = await uploadedFile(req, '照片');
      return { attachment: await service.residentPhoto(residentOf(req), req.params.id, { fileName: file.fileName, bytes: file.data }), duplicate: false };
    },
  );
  app.get(
    '/api/resident/requests/:id/photos/:photoId',
    { config: resident, schema: { tags: rtags, summary: '查看诉求照片', params: PhotoParams } },
    async (req, reply) => sendAttachment(reply, await service.residentReadPhoto(residentOf(req), req.params.id, req.params.photoId), { inline: true }),
  );
}
