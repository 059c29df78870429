import { Type } from '@sinclair/typebox';
import {
  AttachmentAdded,
  AttachmentList,
  IdParams,
  Page,
  Permission,
  ResidentWish,
  ResidentWishInput,
  Wish,
  WishActionInput,
  WishCommunity,
  WishDetail,
  WishExportQuery,
  WishInput,
  WishMemberStepInput,
  WishPhotoParams,
  WishQuery,
  WishWall,
  WishWallItem,
  WishWallQuery,
} from '@jiceng/contracts';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { actorOf, residentOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { WishExport } from './wish.export.ts';
import type { WishService } from './wish.service.ts';

/** 微心愿: thin routes over the wish service — the community's admin pages, a 党员's H5 wall, a resident's H5 posts. */
export function registerWishRoutes(app: App, wishes: WishService, exporter: WishExport): void {
  const read = { access: Permission.SERVICE_READ };
  const community = { access: Permission.SERVICE_DISPATCH };
  const member = { access: Permission.WISH_CLAIM };
  const resident = { access: 'resident' as const };
  const tags = ['微心愿'];
  const params = IdParams;

  // ---------------------------------------------------------------- the community's side

  app.get(
    '/api/wishes',
    {
      config: read,
      schema: { tags, summary: '微心愿列表（本组织及下级社区的，按状态、组织、关键字筛选）', querystring: WishQuery, response: { 200: Page(Wish) } },
    },
    (req) => wishes.list(actorOf(req), req.query),
  );

  app.get(
    '/api/wishes/export',
    {
      config: read,
      schema: { tags, summary: '导出微心愿台账（.xlsx，筛选同列表）', querystring: WishExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const file = await exporter.ledger(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'wishes.xlsx', file.data);
    },
  );

  app.get(
    '/api/wishes/:id',
    { config: read, schema: { tags, summary: '微心愿详情（流转记录、完成照片；ETag 为记录版本）', params, response: { 200: WishDetail } } },
    async (req, reply) => versioned(reply, await wishes.get(actorOf(req), req.params.id)),
  );

  app.post(
    '/api/wishes',
    { config: community, schema: { tags, summary: '社区发布微心愿（直接上心愿墙）', body: WishInput, response: { 201: WishDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await wishes.create(actorOf(req), req.body))),
  );

  app.post(
    '/api/wishes/:id/actions',
    {
      config: community,
      schema: {
        tags,
        summary: '办理微心愿：审核发布、不予发布、确认完成、退回重办、撤下（后四项中不予发布、退回、撤下须填写原因）',
        params,
        body: WishActionInput,
        response: { 200: WishDetail },
      },
    },
    async (req, reply) =>
      versioned(reply, await wishes.act(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );

  app.get('/api/wishes/:id/photos', { config: read, schema: { tags, summary: '微心愿完成照片', params, response: { 200: AttachmentList } } }, (req) =>
    wishes.photos(actorOf(req), req.params.id),
  );

  app.post(
    '/api/wishes/:id/photos',
    {
      config: community,
      schema: {
        tags,
        summary: '上传微心愿完成照片（multipart 字段 file；认领后）',
        params,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => wishes.addPhoto(actorOf(req), req.params.id, await uploadedFile(req, '微心愿照片')),
  );

  app.get('/api/wishes/:id/photos/:photoId', { config: read, schema: { tags, summary: '查看微心愿照片', params: WishPhotoParams } }, async (req, reply) =>
    sendAttachment(reply, await wishes.readPhoto(actorOf(req), req.params.id, req.params.photoId), { inline: true }),
  );

  // ---------------------------------------------------------------- a 党员 on H5

  app.get(
    '/api/h5/wishes',
    { config: member, schema: { tags, summary: '心愿墙：本人所在社区已发布、待认领的微心愿', querystring: WishWallQuery, response: { 200: WishWall } } },
    (req) => wishes.wall(actorOf(req), req.query),
  );

  app.get('/api/h5/wishes/mine', { config: member, schema: { tags, summary: '我认领的微心愿', response: { 200: Type.Array(WishWallItem) } } }, (req) =>
    wishes.mine(actorOf(req)),
  );

  app.post(
    '/api/h5/wishes/:id/claim',
    {
      config: member,
      schema: { tags, summary: '认领微心愿（每个心愿只能由一名党员认领）', params, body: WishMemberStepInput, response: { 200: WishWallItem } },
    },
    (req) => wishes.claim(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/h5/wishes/:id/release',
    { config: member, schema: { tags, summary: '放弃认领（须填写原因，心愿回到心愿墙）', params, body: WishMemberStepInput, response: { 200: WishWallItem } } },
    (req) => wishes.release(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/h5/wishes/:id/photos',
    {
      config: member,
      schema: {
        tags,
        summary: '上传心愿完成照片（multipart 字段 file；本人认领的心愿）',
        params,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => wishes.memberAddPhoto(actorOf(req), req.params.id, await uploadedFile(req, '微心愿照片')),
  );

  app.get(
    '/api/h5/wishes/:id/photos/:photoId',
    { config: member, schema: { tags, summary: '查看本人上传的心愿完成照片', params: WishPhotoParams } },
    async (req, reply) => sendAttachment(reply, await wishes.memberReadPhoto(actorOf(req), req.params.id, req.params.photoId), { inline: true }),
  );

  app.post(
    '/api/h5/wishes/:id/fulfil',
    {
      config: member,
      schema: { tags, summary: '完成心愿（须先上传完成照片），等待社区确认', params, body: WishMemberStepInput, response: { 200: WishWallItem } },
    },
    (req) => wishes.fulfil(actorOf(req), req.params.id, req.body),
  );

  // ---------------------------------------------------------------- a resident on H5

  app.get(
    '/api/resident/wishes/communities',
    { config: resident, schema: { tags, summary: '可提交微心愿的社区（村）', response: { 200: Type.Array(WishCommunity) } } },
    () => wishes.communities(),
  );

  app.get(
    '/api/resident/wishes',
    { config: resident, schema: { tags, summary: '我提交的微心愿及办理状态', response: { 200: Type.Array(ResidentWish) } } },
    (req) => wishes.residentWishes(residentOf(req)),
  );

  app.post(
    '/api/resident/wishes',
    { config: resident, schema: { tags, summary: '提交微心愿（社区审核后发布到心愿墙）', body: ResidentWishInput, response: { 201: ResidentWish } } },
    async (req, reply) => reply.status(201).send(await wishes.post(residentOf(req), req.body)),
  );

  app.post(
    '/api/resident/wishes/:id/withdraw',
    { config: resident, schema: { tags, summary: '撤回本人提交的微心愿（尚未被认领时）', params, response: { 200: ResidentWish } } },
    (req) => wishes.withdraw(residentOf(req), req.params.id),
  );
}
