import { Type } from '@sinclair/typebox';
import {
  IdParams,
  MemberReportIn,
  MemberReportInExportQuery,
  MemberReportInInput,
  MemberReportInQuery,
  MyReportIn,
  Permission,
  ReportInCancelInput,
  ReportInCommunity,
  ReportInCommunityQuery,
  ReportInPage,
  UnitReportIn,
  UnitReportInExportQuery,
  UnitReportInInput,
  UnitReportInQuery,
  UnmaskQuery,
} from '@jiceng/contracts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { ReportInExport } from './reportin.export.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import type { ReportInService } from './reportin.service.ts';

/**
 * 双报到: thin routes over the report-in service. Filing a member's report is open to two different
 * permissions (member:write for the branch side, member:self for the member), so those routes
 * declare `authenticated` and the policy decides; the unit routes declare org:read (see the policy).
 */
export function registerReportInRoutes(app: App, reports: ReportInService, exporter: ReportInExport): void {
  const tags = ['双报到'];
  const either = { access: 'authenticated' as const };
  const unitAccess = { access: Permission.ORG_READ };

  app.get(
    '/api/report-ins/communities',
    {
      config: either,
      schema: { tags, summary: '可报到的社区（村）党组织（全区范围）', querystring: ReportInCommunityQuery, response: { 200: Type.Array(ReportInCommunity) } },
    },
    (req) => reports.communities(actorOf(req), req.query),
  );

  app.get(
    '/api/report-ins/members',
    {
      config: { access: Permission.MEMBER_READ },
      schema: { tags, summary: '在职党员报到名单（含所在党支部）及人数', querystring: MemberReportInQuery, response: { 200: ReportInPage(MemberReportIn) } },
    },
    (req) => reports.listMembers(actorOf(req), req.query),
  );

  app.get(
    '/api/report-ins/members/export',
    {
      config: { access: Permission.MEMBER_READ },
      schema: {
        tags,
        summary: '导出在职党员报到名单（.xlsx，筛选同名单，电话隐去部分）',
        querystring: MemberReportInExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.members(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'report-in-members.xlsx', file.data);
    },
  );

  app.post(
    '/api/report-ins/members',
    { config: either, schema: { tags, summary: '在职党员到社区报到（党支部代办或党员本人）', body: MemberReportInInput, response: { 201: MemberReportIn } } },
    async (req, reply) => reply.status(201).send(await reports.reportMember(actorOf(req), req.body)),
  );

  app.post(
    '/api/report-ins/members/:id/cancel',
    { config: either, schema: { tags, summary: '注销在职党员报到', params: IdParams, body: ReportInCancelInput, response: { 200: MemberReportIn } } },
    (req) => reports.cancelMember(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/me/report-in',
    { config: { access: Permission.MEMBER_SELF }, schema: { tags, summary: '本人报到的社区', response: { 200: MyReportIn } } },
    (req) => reports.mine(actorOf(req)),
  );

  app.get(
    '/api/report-ins/units',
    { config: unitAccess, schema: { tags, summary: '驻区单位报到名单及数量', querystring: UnitReportInQuery, response: { 200: ReportInPage(UnitReportIn) } } },
    (req) => reports.listUnits(actorOf(req), req.query),
  );

  app.get(
    '/api/report-ins/units/export',
    {
      config: unitAccess,
      schema: {
        tags,
        summary: '导出驻区单位报到名单（.xlsx，筛选同名单，电话隐去部分）',
        querystring: UnitReportInExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.units(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'report-in-units.xlsx', file.data);
    },
  );

  app.post(
    '/api/report-ins/units',
    {
      config: unitAccess,
      schema: { tags, summary: '驻区单位到社区报到（社区登记或驻区单位账号自行报到）', body: UnitReportInInput, response: { 201: UnitReportIn } },
    },
    async (req, reply) => reply.status(201).send(await reports.reportUnit(actorOf(req), req.body)),
  );

  app.get(
    '/api/report-ins/units/:id',
    {
      config: unitAccess,
      schema: {
        tags,
        summary: '驻区单位报到详情（unmask=true 显示完整电话并记入审计）',
        params: IdParams,
        querystring: UnmaskQuery,
        response: { 200: UnitReportIn },
      },
    },
    (req) => reports.getUnit(actorOf(req), req.params.id, req.query.unmask ?? false),
  );

  app.post(
    '/api/report-ins/units/:id/cancel',
    { config: unitAccess, schema: { tags, summary: '注销驻区单位报到', params: IdParams, body: ReportInCancelInput, response: { 200: UnitReportIn } } },
    (req) => reports.cancelUnit(actorOf(req), req.params.id, req.body),
  );
}
