import { IdParams, OrgSetupOrgStatus, OrgSetupWarning, OrgSetupWarningQuery, Permission } from '@jiceng/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { OrgSetupExport } from './orgsetup.export.ts';
import type { OrgSetupService } from './orgsetup.service.ts';

/** 组织设置预警: thin routes over the setup checks. */
export function registerOrgSetupRoutes(app: App, setup: OrgSetupService, exporter: OrgSetupExport): void {
  const read = { access: Permission.ORG_READ };
  const tags = ['组织设置预警'];

  app.get('/api/org-setup/warnings', { config: read, schema: { tags, summary: '组织设置预警（本组织及下级）', querystring: OrgSetupWarningQuery, response: { 200: Type.Array(OrgSetupWarning) } } },
    (req) => setup.warnings(actorOf(req), req.query));

  app.get('/api/org-setup/warnings/export', { config: read, schema: { tags, summary: '导出组织设置预警（.xlsx，筛选同预警列表）', querystring: OrgSetupWarningQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'org-setup-warnings.xlsx', file.data);
    });

  app.get('/api/org-setup/orgs/:id', { config: read, schema: { tags, summary: '一个组织的设置预警（用于角标）', params: IdParams, response: { 200: OrgSetupOrgStatus } } },
    (req) => setup.forOrg(actorOf(req), req.params.id));
}
