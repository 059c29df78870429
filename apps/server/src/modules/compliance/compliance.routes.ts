import {
  ComplianceHeatmap,
  ComplianceHeatmapQuery,
  ComplianceOrgExportQuery,
  ComplianceOrgPage,
  ComplianceOrgQuery,
  ComplianceQuery,
  ComplianceRules,
  ComplianceRuleSetInput,
  ComplianceRuleSetView,
  ComplianceSummary,
  Id,
  IdParams,
  Permission,
  Version,
} from '@jiceng/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import { createComplianceExport } from './compliance.export.ts';
import type { ComplianceService } from './compliance.service.ts';

/** 组织生活合规日历: thin routes over the compliance service. */
export function registerComplianceRoutes(app: App, compliance: ComplianceService): void {
  const read = { access: Permission.MEETING_READ };
  const rules = { access: Permission.COMPLIANCE_RULES };
  const tags = ['组织生活合规'];

  app.get(
    '/api/compliance/summary',
    {
      config: read,
      schema: {
        tags,
        summary: '组织生活完成情况：下级组织排名与未完成事项（本月/本季度/本年度）',
        querystring: ComplianceQuery,
        response: { 200: ComplianceSummary },
      },
    },
    (req) => compliance.summary(actorOf(req), req.query),
  );

  app.get(
    '/api/compliance/orgs',
    {
      config: read,
      schema: {
        tags,
        summary: '各组织的组织生活完成情况（分页，可筛选未完成、沉默支部）',
        querystring: ComplianceOrgQuery,
        response: { 200: ComplianceOrgPage },
      },
    },
    (req) => compliance.orgPage(actorOf(req), req.query),
  );

  const exporter = createComplianceExport({ service: compliance });
  app.get(
    '/api/compliance/orgs/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出各组织的组织生活完成情况（.xlsx，筛选同组织列表，不分页）',
        querystring: ComplianceOrgExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.orgs(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'compliance-orgs.xlsx', file.data);
    },
  );

  app.get(
    '/api/compliance/heatmap',
    {
      config: read,
      schema: { tags, summary: '组织生活完成率热力图（下级组织 × 月份）', querystring: ComplianceHeatmapQuery, response: { 200: ComplianceHeatmap } },
    },
    (req) => compliance.heatmap(actorOf(req), req.query),
  );

  app.get(
    '/api/compliance/rules',
    {
      config: read,
      schema: {
        tags,
        summary: '组织生活频次：默认要求与本范围适用的设置',
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: { 200: ComplianceRules },
      },
    },
    (req) => compliance.rules(actorOf(req), req.query),
  );

  app.post(
    '/api/compliance/rules',
    {
      config: rules,
      schema: { tags, summary: '为本组织及下级设置组织生活频次（自生效日起）', body: ComplianceRuleSetInput, response: { 201: ComplianceRuleSetView } },
    },
    async (req, reply) => reply.code(201).send(await compliance.addRuleSet(actorOf(req), req.body)),
  );

  app.delete(
    '/api/compliance/rules/:id',
    {
      config: rules,
      schema: {
        tags,
        summary: '删除一项组织生活频次设置',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(Version) }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async (req) => {
      await compliance.removeRuleSet(actorOf(req), req.params.id, expectedVersion(req, req.query.version));
      return { ok: true as const };
    },
  );
}
