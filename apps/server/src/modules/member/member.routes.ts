import { Type } from '@sinclair/typebox';
import {
  IdParams,
  Member,
  MemberDetail,
  MemberDetailInput,
  MemberEventInput,
  MemberGetQuery,
  MemberInput,
  MemberListPage,
  MemberListQuery,
  MemberStatusEvent,
  MemberUpdate,
  Ok,
  Permission,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { uploadedFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import type { MemberService } from './member.service.ts';

const DetailParams = Type.Object({ id: IdParams.properties.id, detailId: IdParams.properties.id });
const KindQuery = Type.Object({ kind: MemberDetailInput.properties.kind });

/** Member records: thin routes over the member service. */
export function registerMemberRoutes(app: App, members: MemberService): void {
  const read = { access: Permission.MEMBER_READ };
  const write = { access: Permission.MEMBER_WRITE };
  const tags = ['党员'];

  app.get(
    '/api/members',
    { config: read, schema: { tags, summary: '党员列表（本组织及下级，可筛选）', querystring: MemberListQuery, response: { 200: MemberListPage } } },
    (req) => members.list(actorOf(req), req.query),
  );

  app.post('/api/members', { config: write, schema: { tags, summary: '登记党员', body: MemberInput, response: { 201: Member } } }, async (req, reply) =>
    reply.status(201).send(await members.create(actorOf(req), req.body)),
  );

  app.get(
    '/api/members/:id',
    {
      config: read,
      schema: { tags, summary: '党员详情（unmask=true 显示完整个人信息并记入审计）', params: IdParams, querystring: MemberGetQuery, response: { 200: Member } },
    },
    async (req, reply) => versioned(reply, await members.get(actorOf(req), req.params.id, req.query.unmask ?? false)),
  );

  app.patch(
    '/api/members/:id',
    {
      config: write,
      schema: { tags, summary: '修改党员信息（须带读取时的 version 或 If-Match）', params: IdParams, body: MemberUpdate, response: { 200: Member } },
    },
    async (req, reply) => versioned(reply, await members.update(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );

  app.post(
    '/api/members/:id/events',
    {
      config: write,
      schema: { tags, summary: '党员状态变动（转正、延长预备期、停止党籍、出党等）', params: IdParams, body: MemberEventInput, response: { 200: Member } },
    },
    (req) => members.applyEvent(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/members/:id/history',
    { config: read, schema: { tags, summary: '状态变动记录', params: IdParams, response: { 200: Type.Array(MemberStatusEvent) } } },
    (req) => members.history(actorOf(req), req.params.id),
  );

  app.get(
    '/api/members/:id/details',
    {
      config: read,
      schema: { tags, summary: '职务、奖惩、出国出境、家庭成员', params: IdParams, querystring: KindQuery, response: { 200: Type.Array(MemberDetail) } },
    },
    (req) => members.details(actorOf(req), req.params.id, req.query.kind),
  );

  app.post(
    '/api/members/:id/details',
    {
      config: write,
      schema: { tags, summary: '新增职务、奖惩、出国出境或家庭成员记录', params: IdParams, body: MemberDetailInput, response: { 201: MemberDetail } },
    },
    async (req, reply) => reply.status(201).send(await members.addDetail(actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/members/:id/details/:detailId',
    { config: write, schema: { tags, summary: '删除一条记录', params: DetailParams, response: { 200: Ok } } },
    async (req) => {
      await members.removeDetail(actorOf(req), req.params.id, req.params.detailId);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/members/:id/photo',
    {
      config: write,
      schema: { tags, summary: '上传党员照片（JPG/PNG，multipart 字段 file）', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Ok } },
    },
    async (req) => {
      await members.setPhoto(actorOf(req), req.params.id, (await uploadedFile(req, ' JPG 或 PNG 照片')).data);
      return { ok: true as const };
    },
  );

  app.get('/api/members/:id/photo', { config: read, schema: { tags, summary: '党员照片', params: IdParams } }, async (req, reply) => {
    const p = await members.photo(actorOf(req), req.params.id);
    return reply.header('content-type', p.contentType).header('cache-control', 'private, no-cache').send(p.data);
  });

  app.get('/api/me/member', { config: { access: Permission.MEMBER_SELF }, schema: { tags, summary: '本人党员档案', response: { 200: Member } } }, (req) =>
    members.mine(actorOf(req)),
  );
}
