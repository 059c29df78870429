import { Type } from '@sinclair/typebox';
import {
  CommitteeMember,
  CommitteeMemberInput,
  IdParams,
  Ok,
  Org,
  OrgInput,
  OrgListQuery,
  OrgMoveInput,
  OrgSummary,
  OrgUpdate,
  Page,
  Permission,
  Term,
  TermInput,
  TermProblem,
  TermProblemExportQuery,
  TermStatusByChild,
  TreeCounts,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import type { OrgService } from './org.service.ts';
import type { TreeLevels } from './org.tree.ts';
import type { TermProblemExport } from './org.terms.export.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';

const MemberParams = Type.Object({ id: IdParams.properties.id, memberId: IdParams.properties.id });

/** HTTP routes of the organization tree. Thin: parse, authorize, call the service, return. */
export function registerOrgRoutes(app: App, orgs: OrgService, levels: TreeLevels, termExport: TermProblemExport): void {
  const read = { access: Permission.ORG_READ };
  const write = { access: Permission.ORG_WRITE };
  const tags = ['组织'];

  app.get(
    '/api/orgs/tree',
    {
      config: read,
      schema: {
        tags,
        summary: '组织树的一层（不传 parentId 时为本账号所属组织）',
        querystring: Type.Object({ parentId: Type.Optional(IdParams.properties.id), includeDissolved: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(OrgSummary) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.query.parentId) return orgs.treeTop(actor);
      // A level comes serialized (through this route's response schema) and may have been kept;
      // a string with a JSON content type is sent as it is.
      const json = await levels.json(actor, req.query.parentId, req.query.includeDissolved ?? false, (level) => String(reply.serialize(level)));
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get('/api/orgs', { config: read, schema: { tags, summary: '查询组织', querystring: OrgListQuery, response: { 200: Page(OrgSummary) } } }, (req) =>
    orgs.list(actorOf(req), req.query),
  );

  app.get(
    '/api/orgs/:id',
    { config: read, schema: { tags, summary: '组织详情（ETag 为记录版本）', params: IdParams, response: { 200: Org } } },
    async (req, reply) => versioned(reply, await orgs.get(actorOf(req), req.params.id)),
  );

  app.get('/api/orgs/:id/counts', { config: read, schema: { tags, summary: '下级组织按类别统计', params: IdParams, response: { 200: TreeCounts } } }, (req) =>
    orgs.counts(actorOf(req), req.params.id),
  );

  app.post('/api/orgs', { config: write, schema: { tags, summary: '新建组织', body: OrgInput, response: { 201: Org } } }, async (req, reply) =>
    reply.status(201).send(await orgs.create(actorOf(req), req.body)),
  );

  app.patch(
    '/api/orgs/:id',
    { config: write, schema: { tags, summary: '修改组织（须带读取时的 version 或 If-Match）', params: IdParams, body: OrgUpdate, response: { 200: Org } } },
    async (req, reply) => versioned(reply, await orgs.update(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );

  app.post(
    '/api/orgs/:id/move',
    { config: write, schema: { tags, summary: '调整隶属关系（整棵子树）', params: IdParams, body: OrgMoveInput, response: { 200: Org } } },
    (req) => orgs.move(actorOf(req), req.params.id, req.body.newParentId),
  );

  app.post('/api/orgs/:id/dissolve', { config: write, schema: { tags, summary: '撤销组织', params: IdParams, response: { 200: Org } } }, (req) =>
    orgs.dissolve(actorOf(req), req.params.id),
  );

  app.get(
    '/api/orgs/:id/committee',
    { config: read, schema: { tags, summary: '班子成员', params: IdParams, response: { 200: Type.Array(CommitteeMember) } } },
    (req) => orgs.committee(actorOf(req), req.params.id),
  );

  app.post(
    '/api/orgs/:id/committee',
    { config: write, schema: { tags, summary: '新增班子成员', params: IdParams, body: CommitteeMemberInput, response: { 201: CommitteeMember } } },
    async (req, reply) => reply.status(201).send(await orgs.addCommitteeMember(actorOf(req), req.params.id, req.body)),
  );

  app.put(
    '/api/orgs/:id/committee/:memberId',
    { config: write, schema: { tags, summary: '修改班子成员', params: MemberParams, body: CommitteeMemberInput, response: { 200: CommitteeMember } } },
    (req) => orgs.updateCommitteeMember(actorOf(req), req.params.id, req.params.memberId, req.body, expectedVersion(req, req.body.version)),
  );

  app.delete(
    '/api/orgs/:id/committee/:memberId',
    { config: write, schema: { tags, summary: '删除班子成员', params: MemberParams, response: { 200: Ok } } },
    async (req) => {
      await orgs.removeCommitteeMember(actorOf(req), req.params.id, req.params.memberId);
      return { ok: true as const };
    },
  );

  app.get('/api/orgs/:id/terms', { config: read, schema: { tags, summary: '届次', params: IdParams, response: { 200: Type.Array(Term) } } }, (req) =>
    orgs.terms(actorOf(req), req.params.id),
  );

  app.post(
    '/api/orgs/:id/terms',
    { config: write, schema: { tags, summary: '录入换届（新一届）', params: IdParams, body: TermInput, response: { 201: Term } } },
    async (req, reply) => reply.status(201).send(await orgs.addTerm(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/org-terms/problems',
    { config: read, schema: { tags, summary: '换届预警：即将到期、逾期、严重逾期、未录入届次', response: { 200: Type.Array(TermProblem) } } },
    (req) => orgs.termProblems(actorOf(req)),
  );

  app.get(
    '/api/org-terms/problems/export',
    {
      config: read,
      schema: { tags, summary: '导出换届预警（.xlsx，可按状态筛选）', querystring: TermProblemExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const file = await termExport.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'term-problems.xlsx', file.data);
    },
  );

  app.get(
    '/api/org-terms/by-child',
    { config: read, schema: { tags, summary: '换届情况按下级组织统计（含届期正常的组织）', response: { 200: Type.Array(TermStatusByChild) } } },
    (req) => orgs.termStatusByChild(actorOf(req)),
  );
}
